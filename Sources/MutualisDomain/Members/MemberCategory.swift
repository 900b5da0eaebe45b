/// A category of members sharing a solidarity coefficient ("small associations", 0.5).
public struct MemberCategory: Hashable, Sendable, Codable {
    public var id: CategoryID
    public var poleID: PoleID
    public var name: String
    public var coefficient: Coefficient

    public init(id: CategoryID, poleID: PoleID, name: String, coefficient: Coefficient) {
        self.id = id
        self.poleID = poleID
        self.name = name
        self.coefficient = coefficient
    }
}
