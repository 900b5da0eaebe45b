/// A time of day on the wall clock, to the minute; `24:00` is the end of the day.
public struct LocalTime: Hashable, Comparable, Sendable, StringCodable {
    /// Minutes since midnight, 0...1440.
    public let minutes: Int

    /// A time from minutes since midnight, 0...1440.
    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// A time from hours and minutes; `24:00` is allowed, as the end of a day.
    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 1440 else { return nil }
        self.minutes = hour * 60 + minute
    }

    public static var expectedText: String { "a time HH:MM from 00:00 to 24:00" }

    /// Reads `HH:MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Midnight, the start of a day.
    public static let midnight = LocalTime(minutes: 0)!
    /// 24:00, the end of a day.
    public static let endOfDay = LocalTime(minutes: 1440)!

    /// `HH:MM`.
    public var description: String {
        let (hour, minute) = (minutes / 60, minutes % 60)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutes < rhs.minutes
    }
}

/// A date and a wall-clock time, in some time zone.
public struct LocalDateTime: Hashable, Comparable, Sendable {
    public var date: LocalDate
    public var time: LocalTime

    /// A date at a time.
    public init(_ date: LocalDate, _ time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Minutes since 1970-01-01 00:00 on the same wall clock.
    var wallMinutes: Int { date.daysSinceEpoch * 1440 + time.minutes }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.wallMinutes < rhs.wallMinutes
    }
}
