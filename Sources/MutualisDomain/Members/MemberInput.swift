import Foundation

/// What a member is made of, as given by a coordinator or an import.
public struct MemberInput: Sendable {
    public var name: String
    public var legalForm: LegalForm
    public var siret: String?
    public var categoryID: CategoryID?
    /// FTE, to two decimals.
    public var headcount: Double
    public var annualBudgetCents: Int
    public var joinedOn: LocalDate?
    public var leftOn: LocalDate?

    public init(
        name: String, legalForm: LegalForm, siret: String? = nil, categoryID: CategoryID? = nil, headcount: Double = 0,
        annualBudgetCents: Int = 0, joinedOn: LocalDate? = nil, leftOn: LocalDate? = nil
    ) {
        self.name = name
        self.legalForm = legalForm
        self.siret = siret
        self.categoryID = categoryID
        self.headcount = headcount
        self.annualBudgetCents = annualBudgetCents
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// Every field at fault, named as in the API.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        if let problem = TextInput.lineProblem(name.trimmingCharacters(in: .whitespaces), field: "name") { errors.append(problem) }
        if let siret, SIRET(siret) == nil {
            errors.append(FieldError(field: "siret", message: "must be 14 digits with a valid check digit"))
        }
        if !headcount.isFinite || headcount < 0 || headcount > InputBounds.maxWeight || (headcount * 100).rounded() != headcount * 100 {
            errors.append(FieldError(field: "headcount", message: "must be a number of FTE from 0, with at most two decimals"))
        }
        if !(0...InputBounds.maxBudgetCents).contains(annualBudgetCents) {
            errors.append(FieldError(field: "annualBudgetCents", message: "must be from 0 to \(InputBounds.maxBudgetCents)"))
        }
        if let joinedOn, let leftOn, leftOn < joinedOn {
            errors.append(FieldError(field: "leftOn", message: "must not be before joinedOn"))
        }
        return errors
    }
}

extension Member {
    /// The member as an input: what an edit starts from.
    public var input: MemberInput {
        MemberInput(
            name: name, legalForm: legalForm, siret: siret?.digits, categoryID: categoryID, headcount: Double(headcountHundredths) / 100,
            annualBudgetCents: annualBudgetCents, joinedOn: joinedOn, leftOn: leftOn)
    }
}
