/// Calendar days from `start` up to, not including, `end`: a month is 2026-03-01..<2026-04-01.
public struct DatePeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day.
    public let start: LocalDate
    /// The day after the last.
    public let end: LocalDate

    /// A period; `nil` unless `start` is before `end`.
    public init?(start: LocalDate, end: LocalDate) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// The calendar month of a date.
    public static func month(of date: LocalDate) -> DatePeriod {
        DatePeriod(start: date.firstOfMonth, end: date.firstOfMonth.adding(months: 1)!)!
    }

    /// The period is one whole calendar month.
    public var isMonth: Bool { self == .month(of: start) }

    /// How many days the period has.
    public var dayCount: Int { start.days(until: end) }

    /// True when the date is one of the period's days.
    public func contains(_ date: LocalDate) -> Bool {
        start <= date && date < end
    }

    /// True when every day of `other` is a day of this period.
    public func contains(_ other: DatePeriod) -> Bool {
        start <= other.start && other.end <= end
    }

    /// The days both periods share, if any.
    public func intersection(_ other: DatePeriod) -> DatePeriod? {
        DatePeriod(start: max(start, other.start), end: min(end, other.end))
    }

    /// A refusal naming `field` when the period is longer than a report or a run may cover.
    public func lengthProblem(field: String) -> FieldError? {
        dayCount > InputBounds.maxPeriodDays
            ? FieldError(field: field, message: "a period covers at most \(InputBounds.maxPeriodDays) days")
            : nil
    }

    /// `2026-03-01..<2026-04-01`.
    public var description: String { "\(start)..<\(end)" }
}
