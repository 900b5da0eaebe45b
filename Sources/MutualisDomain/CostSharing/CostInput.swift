import Foundation

/// What a coordinator records as a cost: the amount of a period, for a resource or the pole.
public struct CostInput: Sendable {
    public var resourceID: ResourceID?
    public var period: DatePeriod
    public var amountCents: Int
    public var category: Cost.Category
    public var label: String
    public var rule: AllocationRule?

    public init(
        resourceID: ResourceID?, period: DatePeriod, amountCents: Int, category: Cost.Category, label: String, rule: AllocationRule? = nil
    ) {
        self.resourceID = resourceID
        self.period = period
        self.amountCents = amountCents
        self.category = category
        self.label = label
        self.rule = rule
    }

    /// Every field at fault, named as in the API.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        if !(0...InputBounds.maxAmountCents).contains(amountCents) {
            errors.append(FieldError(field: "amountCents", message: "must be from 0 to \(InputBounds.maxAmountCents) cents"))
        }
        if let problem = TextInput.lineProblem(label.trimmingCharacters(in: .whitespaces), field: "label") { errors.append(problem) }
        if let rule {
            errors += rule.validationErrors().map { FieldError(field: "rule.\($0.field)", message: $0.message) }
            if resourceID == nil && (rule.method == .usage || rule.method == .hybrid) {
                errors.append(FieldError(field: "rule.method", message: "a pole-wide cost has no resource whose use could share it"))
            }
        }
        return errors
    }
}
