import Foundation

/// A member's request for a slot that was taken, waiting for units to free up; it is booked
/// by itself, in the order of joining, as soon as it fits every rule.
public struct WaitlistEntry: Hashable, Sendable {
    /// Where a waiting request stands.
    public enum Status: String, Sendable, NamedValue {
        /// Waits for units to free up.
        case waiting
        /// Booked: `bookingID` is its booking.
        case booked
        /// The member left the list.
        case left
        /// The slot started before units freed up.
        case expired
    }

    public var id: WaitlistEntryID
    public var poleID: PoleID
    public var resourceID: ResourceID
    public var memberID: MemberID
    public var range: TimeRange
    public var quantity: Int
    public var note: String
    public var status: Status
    public var bookingID: BookingID?
    public var joinedAt: Date
    /// The user who joined, on whose behalf the booking is made.
    public var createdBy: UserID?

    public init(
        id: WaitlistEntryID, poleID: PoleID, resourceID: ResourceID, memberID: MemberID, range: TimeRange, quantity: Int,
        note: String, status: Status, bookingID: BookingID?, joinedAt: Date, createdBy: UserID? = nil
    ) {
        self.id = id
        self.poleID = poleID
        self.resourceID = resourceID
        self.memberID = memberID
        self.range = range
        self.quantity = quantity
        self.note = note
        self.status = status
        self.bookingID = bookingID
        self.joinedAt = joinedAt
        self.createdBy = createdBy
    }
}

/// Something a member is told.
public struct MemberNotification: Hashable, Sendable {
    /// What happened.
    public enum Kind: String, Sendable, NamedValue {
        /// A waiting request was booked when units freed up.
        case waitlistBooked = "waitlist_booked"
    }

    public var id: NotificationID
    public var memberID: MemberID
    public var kind: Kind
    /// The booking it is about.
    public var booking: Booking?
    public var createdAt: Date
    public var readAt: Date?

    public init(id: NotificationID, memberID: MemberID, kind: Kind, booking: Booking?, createdAt: Date, readAt: Date?) {
        self.id = id
        self.memberID = memberID
        self.kind = kind
        self.booking = booking
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
