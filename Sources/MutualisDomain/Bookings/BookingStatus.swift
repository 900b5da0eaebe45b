/// Where a booking stands. Pending and confirmed bookings hold their units.
public enum BookingStatus: String, Sendable, NamedValue {
    /// Awaiting a coordinator's approval; holds the slot meanwhile.
    case pending
    case confirmed
    case rejected
    case cancelled

    /// True for the states that hold units of the resource.
    public var holdsUnits: Bool {
        self == .pending || self == .confirmed
    }

    /// True when a booking in this state may move to `next`:
    /// pending → confirmed, rejected or cancelled; confirmed → cancelled.
    public func canMove(to next: BookingStatus) -> Bool {
        switch (self, next) {
        case (.pending, .confirmed), (.pending, .rejected), (.pending, .cancelled), (.confirmed, .cancelled): true
        default: false
        }
    }

    /// The state after moving to `next`, or an error naming both states.
    public func moving(to next: BookingStatus) throws(BookingTransitionError) -> BookingStatus {
        guard canMove(to: next) else { throw BookingTransitionError(from: self, to: next) }
        return next
    }
}

/// A change of state a booking does not allow (a cancelled booking cannot be approved).
public struct BookingTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    public var from: BookingStatus
    public var to: BookingStatus

    public var description: String {
        "a \(from.rawValue) booking cannot become \(to.rawValue)"
    }
}
