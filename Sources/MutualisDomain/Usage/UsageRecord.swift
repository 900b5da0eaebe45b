/// Actual use of a resource by a member, as recorded afterwards: a timesheet line of the
/// shared accountant, the kilometres driven with the van.
public struct UsageRecord: Hashable, Sendable, Codable {
    /// What the quantity counts.
    public enum Unit: String, Sendable, NamedValue {
        case hours, km, uses
    }

    public var id: UsageRecordID
    public var resourceID: ResourceID
    public var memberID: MemberID
    public var range: TimeRange
    /// The quantity in thousandths of its unit (1 500 is 1.5 hours).
    public var quantityThousandths: Int
    public var unit: Unit

    public init(id: UsageRecordID, resourceID: ResourceID, memberID: MemberID, range: TimeRange, quantityThousandths: Int, unit: Unit) {
        self.id = id
        self.resourceID = resourceID
        self.memberID = memberID
        self.range = range
        self.quantityThousandths = quantityThousandths
        self.unit = unit
    }
}
