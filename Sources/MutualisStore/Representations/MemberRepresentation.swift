import MutualisDomain

/// A member as the API answers and the CLI prints it with `--json`: one shape for both, with
/// absent optional fields written as `null`.
public struct MemberRepresentation: Encodable, Sendable {
    public var id: String
    public var name: String
    public var legalForm: String
    public var siret: String?
    public var category: String?
    public var headcount: Double
    public var annualBudgetCents: Int
    public var joinedOn: String
    public var leftOn: String?

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

    enum CodingKeys: String, CodingKey {
        case id, name, legalForm, siret, category, headcount, annualBudgetCents, joinedOn, leftOn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(legalForm, forKey: .legalForm)
        try container.encode(siret, forKey: .siret)
        try container.encode(category, forKey: .category)
        try container.encode(headcount, forKey: .headcount)
        try container.encode(annualBudgetCents, forKey: .annualBudgetCents)
        try container.encode(joinedOn, forKey: .joinedOn)
        try container.encode(leftOn, forKey: .leftOn)
    }
}
