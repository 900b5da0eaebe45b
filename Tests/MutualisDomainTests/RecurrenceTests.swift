import Foundation
import MutualisDomain
import Testing

@Suite("Recurrence")
struct RecurrenceTests {
    typealias F = Fixture
    let zone = PoleTimeZone.paris

    @Test("a weekly 09:00–11:00 stays 09:00–11:00 local across the 25 October 2026 change")
    func weeklyAcrossAutumnChange() throws {
        let first = F.range("2026-10-13T09:00:00+02:00", "2026-10-13T11:00:00+02:00")
        let occurrences = try RecurrenceRule(frequency: .weekly, count: 4).occurrences(startingWith: first, in: zone)
        #expect(occurrences.map { zone.local($0.start).time } == Array(repeating: LocalTime("09:00")!, count: 4))
        #expect(occurrences.map { zone.local($0.end).time } == Array(repeating: LocalTime("11:00")!, count: 4))
        #expect(occurrences[1].start == F.instant("2026-10-20T07:00:00Z"))
        #expect(occurrences[2].start == F.instant("2026-10-27T08:00:00Z"))
        #expect(occurrences.allSatisfy { $0.duration == 7200 })
    }

    @Test("a daily 09:00 stays 09:00 across the 29 March 2026 change")
    func dailyAcrossSpringChange() throws {
        let first = F.range("2026-03-28T09:00:00+01:00", "2026-03-28T10:00:00+01:00")
        let occurrences = try RecurrenceRule(frequency: .daily, count: 3).occurrences(startingWith: first, in: zone)
        #expect(
            occurrences.map(\.start) == [
                F.instant("2026-03-28T08:00:00Z"), F.instant("2026-03-29T07:00:00Z"), F.instant("2026-03-30T07:00:00Z"),
            ])
    }

    @Test("an occurrence at a time the spring change skips moves past the gap and keeps its real length")
    func occurrenceInTheGap() throws {
        let first = F.range("2026-03-22T02:30:00+01:00", "2026-03-22T03:30:00+01:00")
        let occurrences = try RecurrenceRule(frequency: .weekly, count: 3).occurrences(startingWith: first, in: zone)
        #expect(occurrences.count == 3)
        #expect(occurrences[1] == F.range("2026-03-29T03:30:00+02:00", "2026-03-29T04:30:00+02:00"))
        #expect(occurrences[2] == F.range("2026-04-05T02:30:00+02:00", "2026-04-05T03:30:00+02:00"))
    }

    @Test("weekly on chosen weekdays, every other week, until a date")
    func weeklyByWeekdays() throws {
        let first = F.range("2026-03-03T14:00:00+01:00", "2026-03-03T16:00:00+01:00")
        let rule = RecurrenceRule(
            frequency: .weekly, interval: 2, weekdays: [.tuesday, .thursday], until: F.instant("2026-03-31T23:59:00+02:00"))
        let dates = try rule.occurrences(startingWith: first, in: zone).map { zone.date(of: $0.start).description }
        #expect(dates == ["2026-03-03", "2026-03-05", "2026-03-17", "2026-03-19", "2026-03-31"])
    }

    @Test("monthly keeps the day of the month and skips months without it")
    func monthlySkipsShortMonths() throws {
        let first = F.range("2026-01-31T10:00:00+01:00", "2026-01-31T11:00:00+01:00")
        let dates = try RecurrenceRule(frequency: .monthly, count: 4).occurrences(startingWith: first, in: zone)
            .map { zone.date(of: $0.start).description }
        #expect(dates == ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31"])
    }

    @Test("expansion is bounded: beyond the maximum it is refused")
    func bounded() {
        let first = F.range("2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00")
        #expect(throws: RecurrenceError.tooManyOccurrences(maximum: 500)) {
            try RecurrenceRule(frequency: .daily, count: 501).occurrences(startingWith: first, in: zone)
        }
        #expect(throws: RecurrenceError.tooManyOccurrences(maximum: 10)) {
            try RecurrenceRule(frequency: .daily, until: F.instant("2027-01-01T00:00:00Z")).occurrences(
                startingWith: first, in: zone, maximum: 10)
        }
        #expect(throws: RecurrenceError.unbounded) {
            try RecurrenceRule(frequency: .daily).occurrences(startingWith: first, in: zone)
        }
        #expect(throws: RecurrenceError.invalidInterval(0)) {
            try RecurrenceRule(frequency: .weekly, interval: 0, count: 2).occurrences(startingWith: first, in: zone)
        }
    }
}
