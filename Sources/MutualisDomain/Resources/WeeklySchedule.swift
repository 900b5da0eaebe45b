import Foundation

/// Opening hours for each day of the week, in the pole's local time: several ranges a day,
/// none on closed days.
public struct WeeklySchedule: Hashable, Sendable, Codable {
    /// A range of a day, `opens..<closes`; `closes` may be 24:00.
    public struct Hours: Hashable, Sendable, Codable {
        public var opens: LocalTime
        public var closes: LocalTime

        public init(opens: LocalTime, closes: LocalTime) {
            self.opens = opens
            self.closes = closes
        }
    }

    /// The ranges of each weekday; a weekday with none is closed.
    public var days: [Weekday: [Hours]]

    public init(_ days: [Weekday: [Hours]]) {
        self.days = days
    }

    /// The same hours on each of the given days.
    public init(_ weekdays: [Weekday], _ hours: [Hours]) {
        self.days = Dictionary(uniqueKeysWithValues: weekdays.map { ($0, hours) })
    }

    /// Empty or overlapping ranges, each naming its day.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        for (weekday, hours) in days.sorted(by: { $0.key < $1.key }) {
            let field = String(describing: weekday)
            let sorted = hours.sorted { $0.opens < $1.opens }
            for range in sorted where range.closes <= range.opens {
                errors.append(FieldError(field: field, message: "\(range.opens)–\(range.closes) closes before it opens"))
            }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.opens < earlier.closes {
                errors.append(
                    FieldError(field: field, message: "\(earlier.opens)–\(earlier.closes) and \(later.opens)–\(later.closes) overlap"))
            }
        }
        return errors
    }

    /// The open spans of real time between two instants, adjacent spans merged (a day open
    /// until 24:00 followed by one open from 00:00 makes one span).
    public func openRanges(within window: TimeRange, in zone: PoleTimeZone) -> [TimeRange] {
        let firstDay = zone.date(of: window.start).adding(days: -1)
        let lastDay = zone.date(of: window.end)
        var ranges: [TimeRange] = []
        var day = firstDay
        while day <= lastDay {
            for hours in (days[day.weekday] ?? []).sorted(by: { $0.opens < $1.opens }) {
                let start = zone.instant(LocalDateTime(day, hours.opens))
                let end =
                    hours.closes == .endOfDay
                    ? zone.startOfDay(day.adding(days: 1))
                    : zone.instant(LocalDateTime(day, hours.closes))
                guard let range = TimeRange(start: start, end: end), let clipped = range.intersection(window) else { continue }
                if let last = ranges.last, last.end >= clipped.start {
                    ranges[ranges.count - 1] = TimeRange(start: last.start, end: max(last.end, clipped.end))!
                } else {
                    ranges.append(clipped)
                }
            }
            day = day.adding(days: 1)
        }
        return ranges
    }

    /// Seconds of real time open within a window: one unit's capacity.
    public func openSeconds(within window: TimeRange, in zone: PoleTimeZone) -> TimeInterval {
        openRanges(within: window, in: zone).reduce(0) { $0 + $1.duration }
    }
}
