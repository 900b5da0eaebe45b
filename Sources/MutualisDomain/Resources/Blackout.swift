/// A span of time a resource cannot be booked: maintenance, holidays.
public struct Blackout: Hashable, Sendable {
    public var id: BlackoutID
    public var resourceID: ResourceID
    public var range: TimeRange
    public var reason: String

    public init(id: BlackoutID, resourceID: ResourceID, range: TimeRange, reason: String) {
        self.id = id
        self.resourceID = resourceID
        self.range = range
        self.reason = reason
    }
}
