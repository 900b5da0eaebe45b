import Foundation

/// A pole's time zone: where wall-clock rules (opening hours, recurrences, membership days,
/// periods) meet instants.
///
/// Around daylight-saving changes it follows RFC 5545: a wall time that does not exist
/// (02:30 on 29 March 2026 in Paris) is read with the offset in force before the gap, so it
/// lands just after it (03:30); a wall time that happens twice (02:30 on 25 October 2026)
/// means its first occurrence.
public struct PoleTimeZone: Hashable, Sendable, CustomStringConvertible {
    /// The IANA time zone.
    public let timeZone: TimeZone

    /// The zone of an IANA identifier such as `Europe/Paris`; `nil` if unknown.
    public init?(identifier: String) {
        guard let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.timeZone = timeZone
    }

    /// Europe/Paris, the default of a pole.
    public static let paris = PoleTimeZone(identifier: "Europe/Paris")!

    /// The IANA identifier.
    public var identifier: String { timeZone.identifier }
    public var description: String { identifier }

    /// The wall-clock offset from UTC at an instant, in seconds.
    public func offset(at instant: Date) -> Int {
        timeZone.secondsFromGMT(for: instant)
    }

    /// The instant a wall-clock date and time denote; see the type's note for gaps and overlaps.
    public func instant(_ local: LocalDateTime) -> Date {
        let wall = local.wallMinutes * 60
        // No zone changes offset twice within a day: the offsets half a day either side are
        // the only candidates.
        let before = offset(at: Date(timeIntervalSince1970: TimeInterval(wall - 43_200)))
        let after = offset(at: Date(timeIntervalSince1970: TimeInterval(wall + 43_200)))
        let earlier = wall - max(before, after)
        let later = wall - min(before, after)
        for candidate in [earlier, later] where offset(at: Date(timeIntervalSince1970: TimeInterval(candidate))) + candidate == wall {
            return Date(timeIntervalSince1970: TimeInterval(candidate))
        }
        return Date(timeIntervalSince1970: TimeInterval(wall - before))
    }

    /// The instant a date starts (its local midnight).
    public func startOfDay(_ date: LocalDate) -> Date {
        instant(LocalDateTime(date, .midnight))
    }

    /// The span of real time of a period's days: a March with the spring change is an hour short.
    public func range(of period: DatePeriod) -> TimeRange {
        TimeRange(start: startOfDay(period.start), end: startOfDay(period.end))!
    }

    /// The wall-clock date and minute of an instant (seconds dropped).
    public func local(_ instant: Date) -> LocalDateTime {
        let wallSeconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset(at: instant)
        let days = wallSeconds.floorDiv(86_400)
        return LocalDateTime(LocalDate(daysSinceEpoch: days), LocalTime(minutes: wallSeconds.floorMod(86_400) / 60)!)
    }

    /// The wall-clock date of an instant.
    public func date(of instant: Date) -> LocalDate {
        local(instant).date
    }

    /// Seconds since local midnight of an instant, as the wall clock shows them.
    func wallSecondsOfDay(_ instant: Date) -> Double {
        let wall = instant.timeIntervalSince1970 + Double(offset(at: instant))
        return wall - (wall / 86_400).rounded(.down) * 86_400
    }
}
