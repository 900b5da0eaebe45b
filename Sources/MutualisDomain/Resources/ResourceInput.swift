import Foundation

/// What a resource is made of, as a coordinator describes it.
public struct ResourceInput: Sendable {
    public var name: String
    public var kind: Resource.Kind
    public var units: Int
    public var ownerMemberID: MemberID?
    public var rules: ResourceRules

    public init(name: String, kind: Resource.Kind, units: Int = 1, ownerMemberID: MemberID? = nil, rules: ResourceRules = ResourceRules()) {
        self.name = name
        self.kind = kind
        self.units = units
        self.ownerMemberID = ownerMemberID
        self.rules = rules
    }

    /// The input with the default horizon and longest booking where its rules set none.
    public func withDefaultLimits() -> ResourceInput {
        var input = self
        input.rules = rules.withDefaultLimits()
        return input
    }

    /// Every field at fault, named as in the API.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        if let problem = TextInput.lineProblem(name.trimmingCharacters(in: .whitespaces), field: "name") { errors.append(problem) }
        if !(1...InputBounds.maxUnits).contains(units) {
            errors.append(FieldError(field: "units", message: "must be between 1 and \(InputBounds.maxUnits)"))
        }
        if kind == .staff && units != 1 { errors.append(FieldError(field: "units", message: "staff time has one unit: the person")) }
        return errors + rules.validationErrors()
    }
}
