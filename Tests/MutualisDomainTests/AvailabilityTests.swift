import Foundation
import MutualisDomain
import Testing

@Suite("Availability")
struct AvailabilityTests {
    typealias F = Fixture
    let zone = PoleTimeZone.paris
    let monday = F.range("2026-03-02T00:00:00+01:00", "2026-03-03T00:00:00+01:00")

    private var nineToNoonAndTwoToFive: WeeklySchedule {
        WeeklySchedule(
            [.monday, .tuesday, .wednesday, .thursday, .friday],
            [
                .init(opens: LocalTime("09:00")!, closes: LocalTime("12:00")!),
                .init(opens: LocalTime("14:00")!, closes: LocalTime("17:00")!),
            ]
        )
    }

    private func spans(_ availability: Availability, within window: TimeRange) -> [String] {
        availability.freeSpans(within: window).map {
            "\(RFC3339.format($0.range.start).dropFirst(11).prefix(5))-\(RFC3339.format($0.range.end).dropFirst(11).prefix(5)) \($0.units)"
        }
    }

    @Test("without opening hours, the units left free by each booking count span by span")
    func unitsCount() {
        let availability = Availability(
            rules: ResourceRules(), zone: zone, blackouts: [],
            occupiedByUnit: [[F.range("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z")], []])
        let window = F.range("2026-03-02T08:00:00Z", "2026-03-02T14:00:00Z")
        #expect(spans(availability, within: window) == ["08:00-10:00 2", "10:00-12:00 1", "12:00-14:00 2"])
    }

    @Test("opening hours are read in the pole's time; a blackout and a booking with its buffer are taken out")
    func hoursBlackoutsAndBuffers() {
        let availability = Availability(
            rules: ResourceRules(openingHours: nineToNoonAndTwoToFive, bufferMinutes: 30), zone: zone,
            blackouts: [F.range("2026-03-02T10:00:00+01:00", "2026-03-02T11:00:00+01:00")],
            // Held as stored: the booking 15:00–16:00 with its 30 minutes after.
            occupiedByUnit: [[F.range("2026-03-02T15:00:00+01:00", "2026-03-02T16:30:00+01:00")]])
        // In UTC: open 08–11 and 13–16, closed 09–10, held 13:30–15:30 (from a buffer before the booking to the end of the one after).
        #expect(spans(availability, within: monday) == ["08:00-09:00 1", "10:00-11:00 1", "13:00-13:30 1", "15:30-16:00 1"])
    }

    @Test("every span shown free passes the booking checks of opening hours and blackouts: the two cannot drift")
    func freeSpansCanBeBooked() {
        let rules = ResourceRules(openingHours: nineToNoonAndTwoToFive)
        let blackouts = [F.range("2026-03-03T10:00:00+01:00", "2026-03-04T15:00:00+01:00")]
        let week = F.range("2026-03-02T00:00:00+01:00", "2026-03-09T00:00:00+01:00")
        let free = Availability(rules: rules, zone: zone, blackouts: blackouts, occupiedByUnit: [[]]).freeSpans(within: week)
        #expect(free.count == 8)
        let checker = BookingRuleChecker(rules: rules, units: 1, zone: zone, blackouts: blackouts)
        for span in free {
            let request = BookingRequest(resourceID: ResourceID(), memberID: F.a, range: span.range, quantity: 1)
            #expect(checker.violations(of: request, at: F.instant("2026-03-01T00:00:00Z"), heldMinutesByMonth: [:]).isEmpty)
        }
    }
}
