import Foundation
import MutualisDomain

/// Who may see which bookings: a coordinator the pole's, a member user its member's.
public struct BookingScope: Sendable {
    public var poleID: PoleID
    public var memberID: MemberID?

    public init(poleID: PoleID, memberID: MemberID?) {
        self.poleID = poleID
        self.memberID = memberID
    }

    /// The bookings a caller may see.
    public init(_ principal: Principal) {
        self.init(poleID: principal.poleID, memberID: principal.isCoordinator ? nil : principal.memberID)
    }
}

/// Filters of a booking list.
public struct BookingFilter: Sendable {
    public var from: Date?
    public var to: Date?
    public var resourceID: ResourceID?
    public var memberID: MemberID?

    public init(from: Date? = nil, to: Date? = nil, resourceID: ResourceID? = nil, memberID: MemberID? = nil) {
        self.from = from
        self.to = to
        self.resourceID = resourceID
        self.memberID = memberID
    }
}
