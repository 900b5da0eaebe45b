import Foundation

/// How a booking repeats, read in the pole's local time (a subset of RFC 5545's RRULE).
public struct RecurrenceRule: Hashable, Sendable, Codable {
    /// The unit of repetition.
    public enum Frequency: String, Sendable, NamedValue {
        case daily, weekly, monthly
    }

    public var frequency: Frequency
    /// Every `interval` days, weeks or months.
    public var interval: Int
    /// For daily and weekly rules: the weekdays that have an occurrence (weekly default: the
    /// first occurrence's weekday).
    public var weekdays: Set<Weekday>?
    /// How many occurrences, the first included.
    public var count: Int?
    /// No occurrence starts after this instant.
    public var until: Date?

    public init(frequency: Frequency, interval: Int = 1, weekdays: Set<Weekday>? = nil, count: Int? = nil, until: Date? = nil) {
        self.frequency = frequency
        self.interval = interval
        self.weekdays = weekdays
        self.count = count
        self.until = until
    }
}

/// Why a recurrence cannot be expanded, with the field at fault.
public enum RecurrenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Neither `count` nor `until`: the series would never end.
    case unbounded
    /// Both `count` and `until`, which RFC 5545 forbids.
    case countAndUntil
    case invalidInterval(Int)
    case invalidCount(Int)
    /// `weekdays` is empty, or given for a monthly rule.
    case invalidWeekdays
    /// The rule gives more occurrences than a series may have.
    case tooManyOccurrences(maximum: Int)
    /// An occurrence would end after the last year accepted.
    case beyondAcceptedYears

    /// The field of the recurrence at fault.
    public var field: String {
        switch self {
        case .unbounded, .countAndUntil, .invalidCount, .tooManyOccurrences, .beyondAcceptedYears: "recurrence.count"
        case .invalidInterval: "recurrence.interval"
        case .invalidWeekdays: "recurrence.weekdays"
        }
    }

    public var description: String {
        switch self {
        case .unbounded: "a recurrence needs a count or an until date"
        case .countAndUntil: "a recurrence takes a count or an until date, not both"
        case .invalidInterval(let interval): "the interval must be from 1 to \(InputBounds.maxRecurrenceInterval), not \(interval)"
        case .invalidCount(let count): "the count must be at least 1, not \(count)"
        case .invalidWeekdays: "weekdays must be non-empty, and only for daily or weekly recurrences"
        case .tooManyOccurrences(let maximum): "a series has at most \(maximum) occurrences"
        case .beyondAcceptedYears: "every occurrence must end before \(InputBounds.years.upperBound + 1)"
        }
    }
}
