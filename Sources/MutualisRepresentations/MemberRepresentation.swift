import MutualisDomain

/// A member as the API answers and the CLI prints it with `--json`: one shape for both, with
/// absent optional fields written as `null`.
public struct MemberRepresentation: Encodable, Sendable {
    public var id: String
    public var name: String
    public var legalForm: String
    @NullEncoded public var siret: String?
    @NullEncoded public var category: String?
    public var headcount: Double
    public var annualBudgetCents: Int
    public var joinedOn: String
    @NullEncoded public var leftOn: String?

    public init(_ member: Member) {
        id = member.id.description
        name = member.name
        legalForm = member.legalForm.rawValue
        siret = member.siret?.digits
        category = member.categoryID?.description
        headcount = Double(member.headcountHundredths) / 100
        annualBudgetCents = member.annualBudgetCents
        joinedOn = member.joinedOn.description
        leftOn = member.leftOn?.description
    }
}
