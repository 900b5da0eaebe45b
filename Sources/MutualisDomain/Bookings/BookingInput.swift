import Foundation

/// A request to book, possibly recurring.
public struct BookingInput: Sendable {
    /// What a recurring series does with an occurrence it cannot book.
    public enum OnConflict: String, Sendable {
        /// Book the others, and report the refused ones.
        case skip
        /// Book nothing.
        case fail
    }

    public var resourceID: ResourceID
    public var memberID: MemberID
    public var range: TimeRange
    public var quantity: Int
    public var note: String
    public var recurrence: RecurrenceRule?
    public var onConflict: OnConflict

    public init(
        resourceID: ResourceID, memberID: MemberID, range: TimeRange, quantity: Int = 1, note: String = "",
        recurrence: RecurrenceRule? = nil, onConflict: OnConflict = .fail
    ) {
        self.resourceID = resourceID
        self.memberID = memberID
        self.range = range
        self.quantity = quantity
        self.note = note
        self.recurrence = recurrence
        self.onConflict = onConflict
    }

    /// Every field at fault, named as in the API: bounds that hold whatever the resource's rules.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        if !(1...InputBounds.maxUnits).contains(quantity) {
            errors.append(FieldError(field: "quantity", message: "must be between 1 and \(InputBounds.maxUnits)"))
        }
        if !InputBounds.contains(range) {
            errors.append(FieldError(field: "start", message: "must lie \(InputBounds.yearsText)"))
        } else if range.duration > Double(InputBounds.maxBookingMinutes) * 60 {
            errors.append(FieldError(field: "end", message: "a booking lasts at most \(InputBounds.maxBookingMinutes / 1_440) days"))
        }
        if let problem = TextInput.notesProblem(note, field: "note") { errors.append(problem) }
        return errors
    }
}

/// What booking created: one booking, or a series with the occurrences it could not book.
public struct BookingOutcome: Sendable {
    public var bookings: [Booking]
    public var seriesID: SeriesID?
    public var refused: [RefusedOccurrence]

    public init(bookings: [Booking], seriesID: SeriesID?, refused: [RefusedOccurrence]) {
        self.bookings = bookings
        self.seriesID = seriesID
        self.refused = refused
    }
}

/// An occurrence of a series that was not booked, and why.
public struct RefusedOccurrence: Sendable, Equatable {
    public var range: TimeRange
    public var reason: String
    /// The rule it broke, or nil for a slot already taken.
    public var rule: BookingRule?

    public init(range: TimeRange, reason: String, rule: BookingRule?) {
        self.range = range
        self.reason = reason
        self.rule = rule
    }
}
