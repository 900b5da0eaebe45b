import Foundation
import MutualisDomain
import Testing

@Suite("Booking rules")
struct BookingRuleTests {
    typealias F = Fixture
    let zone = PoleTimeZone.paris
    let now = F.instant("2026-03-01T08:00:00+01:00")

    private func request(_ start: String, _ end: String, quantity: Int = 1) -> BookingRequest {
        BookingRequest(resourceID: ResourceID(), memberID: F.a, range: F.range(start, end), quantity: quantity)
    }

    private func violated(
        _ rules: ResourceRules, _ request: BookingRequest, units: Int = 1, blackouts: [TimeRange] = [],
        held: [LocalDate: Int] = [:]
    ) -> [BookingRule] {
        BookingRuleChecker(rules: rules, units: units, zone: zone, blackouts: blackouts)
            .violations(of: request, at: now, heldMinutesByMonth: held).map(\.rule)
    }

    private var weekdaysNineToFive: WeeklySchedule {
        WeeklySchedule(
            [.monday, .tuesday, .wednesday, .thursday, .friday],
            [
                .init(opens: LocalTime("09:00")!, closes: LocalTime("12:00")!),
                .init(opens: LocalTime("14:00")!, closes: LocalTime("17:00")!),
            ]
        )
    }

    @Test("opening hours are read in local time, with several ranges a day and closed days")
    func openingHours() {
        let rules = ResourceRules(openingHours: weekdaysNineToFive)
        #expect(violated(rules, request("2026-03-02T09:00:00+01:00", "2026-03-02T12:00:00+01:00")).isEmpty)
        #expect(violated(rules, request("2026-03-02T11:00:00+01:00", "2026-03-02T15:00:00+01:00")) == [.openingHours])
        #expect(violated(rules, request("2026-03-07T10:00:00+01:00", "2026-03-07T11:00:00+01:00")) == [.openingHours])
        #expect(violated(rules, request("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z")).isEmpty)
    }

    @Test("opening hours follow the wall clock across the spring and autumn changes")
    func openingHoursAcrossDST() {
        let rules = ResourceRules(openingHours: weekdaysNineToFive)
        // Monday 30 March 2026, the first day of summer time: 09:00 local is 07:00 UTC.
        #expect(violated(rules, request("2026-03-30T07:00:00Z", "2026-03-30T10:00:00Z")).isEmpty)
        #expect(violated(rules, request("2026-03-30T08:00:00Z", "2026-03-30T11:00:00Z")) == [.openingHours])
        // Monday 26 October 2026, back to winter time: 09:00 local is 08:00 UTC.
        #expect(violated(rules, request("2026-10-26T08:00:00Z", "2026-10-26T11:00:00Z")).isEmpty)
        #expect(violated(rules, request("2026-10-26T07:00:00Z", "2026-10-26T10:00:00Z")) == [.openingHours])
    }

    @Test("a resource open around the clock can be booked across midnight and across the changes")
    func roundTheClock() {
        let always = WeeklySchedule(Weekday.allCases, [.init(opens: .midnight, closes: .endOfDay)])
        let rules = ResourceRules(openingHours: always)
        #expect(violated(rules, request("2026-03-28T22:00:00+01:00", "2026-03-29T05:00:00+02:00")).isEmpty)
        #expect(violated(rules, request("2026-10-24T22:00:00+02:00", "2026-10-25T05:00:00+01:00")).isEmpty)
    }

    @Test("the 23-hour and 25-hour days have 23 and 25 open hours")
    func dstDayLengths() {
        let always = WeeklySchedule(Weekday.allCases, [.init(opens: .midnight, closes: .endOfDay)])
        let spring = zone.range(of: DatePeriod(start: F.date("2026-03-29"), end: F.date("2026-03-30"))!)
        let autumn = zone.range(of: DatePeriod(start: F.date("2026-10-25"), end: F.date("2026-10-26"))!)
        #expect(always.openSeconds(within: spring, in: zone) == 23 * 3600)
        #expect(always.openSeconds(within: autumn, in: zone) == 25 * 3600)
        let nights = WeeklySchedule([.sunday], [.init(opens: LocalTime("01:00")!, closes: LocalTime("04:00")!)])
        #expect(nights.openSeconds(within: spring, in: zone) == 2 * 3600)
        #expect(nights.openSeconds(within: autumn, in: zone) == 4 * 3600)
    }

    @Test("02:30 on 29 March 2026 does not exist in Paris; 02:30 on 25 October happens twice")
    func nonexistentAndRepeatedTimes() {
        let gap = zone.instant(LocalDateTime(F.date("2026-03-29"), LocalTime("02:30")!))
        #expect(gap == F.instant("2026-03-29T01:30:00Z"))
        #expect(zone.local(gap).time == LocalTime("03:30")!)
        let repeated = zone.instant(LocalDateTime(F.date("2026-10-25"), LocalTime("02:30")!))
        #expect(repeated == F.instant("2026-10-25T00:30:00Z"))
    }

    @Test("blackouts refuse any overlapping booking")
    func blackouts() {
        let maintenance = F.range("2026-03-10T00:00:00+01:00", "2026-03-12T00:00:00+01:00")
        #expect(
            violated(ResourceRules(), request("2026-03-11T10:00:00+01:00", "2026-03-11T11:00:00+01:00"), blackouts: [maintenance]) == [
                .blackout
            ])
        #expect(
            violated(ResourceRules(), request("2026-03-12T00:00:00+01:00", "2026-03-12T01:00:00+01:00"), blackouts: [maintenance]).isEmpty)
    }

    @Test("slots align on the local wall clock")
    func slotGranularity() {
        let rules = ResourceRules(slotMinutes: 30)
        #expect(violated(rules, request("2026-03-02T09:30:00+01:00", "2026-03-02T11:00:00+01:00")).isEmpty)
        #expect(violated(rules, request("2026-03-02T09:15:00+01:00", "2026-03-02T11:00:00+01:00")) == [.slotGranularity])
        let hourly = ResourceRules(slotMinutes: 60)
        #expect(violated(hourly, request("2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z")).isEmpty)
    }

    @Test("durations are real elapsed time, within the minimum and maximum")
    func durations() {
        let rules = ResourceRules(minDurationMinutes: 60, maxDurationMinutes: 240)
        #expect(violated(rules, request("2026-03-02T09:00:00+01:00", "2026-03-02T09:30:00+01:00")) == [.minimumDuration])
        #expect(violated(rules, request("2026-03-02T09:00:00+01:00", "2026-03-02T14:00:00+01:00")) == [.maximumDuration])
        // 00:00 to 04:00 local on 29 March lasts three real hours.
        #expect(violated(rules, request("2026-03-29T00:00:00+01:00", "2026-03-29T04:00:00+02:00")).isEmpty)
    }

    @Test("notice and horizon are measured from the request")
    func noticeAndHorizon() {
        let rules = ResourceRules(minNoticeMinutes: 24 * 60, maxHorizonDays: 30)
        #expect(violated(rules, request("2026-03-01T12:00:00+01:00", "2026-03-01T13:00:00+01:00")) == [.minimumNotice])
        #expect(violated(rules, request("2026-03-02T12:00:00+01:00", "2026-03-02T13:00:00+01:00")).isEmpty)
        #expect(violated(rules, request("2026-04-02T12:00:00+02:00", "2026-04-02T13:00:00+02:00")) == [.maximumHorizon])
    }

    @Test("quantity is between 1 and the resource's units")
    func quantity() {
        #expect(
            violated(ResourceRules(), request("2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00", quantity: 3), units: 2) == [
                .quantity
            ])
        #expect(
            violated(ResourceRules(), request("2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00", quantity: 0), units: 2) == [
                .quantity
            ])
        #expect(violated(ResourceRules(), request("2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00", quantity: 2), units: 2).isEmpty)
    }

    @Test("a monthly quota counts unit-hours per local calendar month")
    func monthlyQuota() {
        let rules = ResourceRules(monthlyQuotaMinutes: 10 * 60)
        let march = F.date("2026-03-01")
        let twoVans = request("2026-03-02T09:00:00+01:00", "2026-03-02T12:00:00+01:00", quantity: 2)
        #expect(violated(rules, twoVans, units: 2, held: [march: 4 * 60]).isEmpty)
        #expect(violated(rules, twoVans, units: 2, held: [march: 5 * 60]) == [.monthlyQuota])
        // Across the end of March (local time), each month counts its own part.
        let crossing = request("2026-03-31T20:00:00+02:00", "2026-04-01T04:00:00+02:00")
        #expect(crossing.unitMinutesByMonth(in: zone) == [march: 4 * 60, F.date("2026-04-01"): 4 * 60])
    }

    @Test("each violation names its rule and the field at fault")
    func violationsNameFields() throws {
        let checker = BookingRuleChecker(rules: ResourceRules(slotMinutes: 30, minNoticeMinutes: 60), units: 1, zone: zone)
        let error = try #require(throws: BookingRulesViolated.self) {
            try checker.check(request("2026-03-01T08:10:00+01:00", "2026-03-01T09:00:00+01:00"), at: now)
        }
        #expect(error.violations.map(\.rule) == [.slotGranularity, .minimumNotice])
        #expect(error.violations.map(\.field) == ["start", "start"])
    }

    @Test("a cancellation counts the share of the tier closest to the start that applies, nothing before the first")
    func cancellationTiers() {
        let tiers = [
            CancellationTier(withinMinutes: 48 * 60, countedPercent: 100), CancellationTier(withinMinutes: 7 * 1_440, countedPercent: 50),
        ]
        let checker = BookingRuleChecker(rules: ResourceRules(cancellationTiers: tiers), units: 1, zone: zone)
        let booking = F.range("2026-03-12T09:00:00+01:00", "2026-03-12T13:00:00+01:00")
        #expect(checker.cancellation(of: booking, at: F.instant("2026-03-05T09:00:00+01:00")) == .free)
        #expect(checker.cancellation(of: booking, at: F.instant("2026-03-05T09:00:01+01:00")).countedPercent == 50)
        #expect(checker.cancellation(of: booking, at: F.instant("2026-03-10T09:00:00+01:00")).countedPercent == 50)
        #expect(checker.cancellation(of: booking, at: F.instant("2026-03-10T09:00:01+01:00")).countedPercent == 100)
        #expect(checker.cancellation(of: booking, at: F.instant("2026-03-12T10:00:00+01:00")).countedPercent == 100)
        let none = BookingRuleChecker(rules: ResourceRules(), units: 1, zone: zone)
        #expect(none.cancellation(of: booking, at: F.instant("2026-03-12T08:59:00+01:00")) == .free)
    }

    @Test("tiers are refused when two share a deadline, a later cancellation would count less, or they are too many")
    func cancellationTierChecks() {
        func fields(_ tiers: [(Int, Int)]) -> [String] {
            ResourceRules(cancellationTiers: tiers.map { CancellationTier(withinMinutes: $0.0, countedPercent: $0.1) })
                .validationErrors().map(\.field)
        }
        #expect(fields([(10_080, 50), (2_880, 100)]) == [])
        #expect(fields([(10_080, 100), (2_880, 50)]) == ["rules.cancellationTiers"])
        #expect(fields([(2_880, 50), (2_880, 100)]) == ["rules.cancellationTiers"])
        #expect(fields([(2_880, 101)]) == ["rules.cancellationTiers.0.countedPercent"])
        #expect(fields([(-1, 10)]) == ["rules.cancellationTiers.0.withinMinutes"])
        #expect(fields((1...11).map { ($0, 100) }) == ["rules.cancellationTiers"])
    }

    @Test("the rules themselves are validated, each error naming its field")
    func rulesValidation() {
        let rules = ResourceRules(slotMinutes: 7, minDurationMinutes: 120, maxDurationMinutes: 60, bufferMinutes: -5)
        #expect(Set(rules.validationErrors().map(\.field)) == ["rules.slotMinutes", "rules.minDurationMinutes", "rules.bufferMinutes"])
        let overlapping = WeeklySchedule(
            [.monday],
            [
                .init(opens: LocalTime("09:00")!, closes: LocalTime("12:00")!),
                .init(opens: LocalTime("11:00")!, closes: LocalTime("13:00")!),
            ])
        #expect(ResourceRules(openingHours: overlapping).validationErrors().map(\.field) == ["rules.openingHours.monday"])
    }
}
