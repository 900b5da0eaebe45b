import MutualisDomain
import MutualisStore

/// A user as the API answers and the CLI prints it with `--json`.
public struct UserRepresentation: Encodable, Sendable {
    public var id: String
    public var poleId: String
    public var email: String
    public var name: String
    public var role: String
    public var memberId: String?

    public init(_ user: User) {
        id = user.id.description
        poleId = user.poleID.description
        email = user.email
        name = user.name
        role = user.role.rawValue
        memberId = user.memberID?.description
    }
}

/// A member category as the API answers and the CLI prints it with `--json`.
public struct CategoryRepresentation: Encodable, Sendable {
    public var id: String
    public var name: String
    public var coefficient: Double

    public init(_ category: MemberCategory) {
        id = category.id.description
        name = category.name
        coefficient = category.coefficient.value
    }
}
