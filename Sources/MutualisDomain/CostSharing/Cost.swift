/// What something pooled cost over a period, to be shared among the members.
public struct Cost: Hashable, Sendable, Codable {
    /// The nature of a cost, as the funders' report groups them.
    public enum Category: String, Sendable, NamedValue {
        case rent, salary, leasing, insurance, maintenance, depreciation, energy, supplies, other
    }

    public var id: CostID
    public var poleID: PoleID
    /// The resource it belongs to; `nil` for a pole-wide cost.
    public var resourceID: ResourceID?
    public var period: DatePeriod
    public var amountCents: Int
    public var category: Category
    public var label: String
    /// Its own rule, which wins over the resource's.
    public var rule: AllocationRule?

    public init(
        id: CostID, poleID: PoleID, resourceID: ResourceID?, period: DatePeriod, amountCents: Int,
        category: Category, label: String, rule: AllocationRule? = nil
    ) {
        self.id = id
        self.poleID = poleID
        self.resourceID = resourceID
        self.period = period
        self.amountCents = amountCents
        self.category = category
        self.label = label
        self.rule = rule
    }
}
