import Foundation

/// What a member asks for: some units of a resource over a span of time.
public struct BookingRequest: Hashable, Sendable {
    public var resourceID: ResourceID
    public var memberID: MemberID
    public var range: TimeRange
    public var quantity: Int

    public init(resourceID: ResourceID, memberID: MemberID, range: TimeRange, quantity: Int = 1) {
        self.resourceID = resourceID
        self.memberID = memberID
        self.range = range
        self.quantity = quantity
    }

    /// Unit-minutes the request holds in each local calendar month it touches: what counts
    /// against a monthly quota.
    public func unitMinutesByMonth(in zone: PoleTimeZone) -> [LocalDate: Int] {
        var result: [LocalDate: Int] = [:]
        var month = zone.date(of: range.start).firstOfMonth
        while zone.startOfDay(month) < range.end {
            let next = month.adding(months: 1)!
            let monthRange = TimeRange(start: zone.startOfDay(month), end: zone.startOfDay(next))!
            if let part = monthRange.intersection(range) {
                result[month] = Int((part.duration / 60).rounded(.up)) * quantity
            }
            month = next
        }
        return result
    }
}
