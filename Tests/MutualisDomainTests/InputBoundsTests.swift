import Foundation
import MutualisDomain
import Testing

@Suite("Input bounds")
struct InputBoundsTests {
    @Test(
        "RFC 3339 instants are read strictly: real dates and times, an offset, within the accepted years",
        arguments: [
            "2027-02-30T10:00:00+01:00", "2027-02-29T10:00:00Z", "2027-03-10T25:00:00+01:00", "2027-03-10T24:00:00Z",
            "2027-03-10T10:60:00Z", "2027-03-10T10:00:60Z", "2027-03-10T10:00:00", "2027-03-10 10:00:00Z",
            "2027-03-10T10:00Z", "2027-3-10T10:00:00Z", "2027-03-10T10:00:00+1:00", "2027-03-10T10:00:00+24:00",
            "2027-03-10T10:00:00.Z", "2027-03-10T10:00:00.1234567890Z", "0001-01-01T00:00:00Z", "9999-06-02T09:00:00+02:00",
            "1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "+2027-03-10T10:00:00Z", "２０２７-03-10T10:00:00Z", "",
        ])
    func refusedInstants(text: String) {
        #expect(RFC3339.parse(text) == nil)
    }

    @Test("accepted instants read to the microsecond, and are written back in UTC")
    func acceptedInstants() throws {
        let cases: [(String, String)] = [
            ("2027-03-10T09:00:00+01:00", "2027-03-10T08:00:00Z"),
            ("2027-03-10t08:00:00z", "2027-03-10T08:00:00Z"),
            ("2027-03-10T08:00:00.5-00:30", "2027-03-10T08:30:00.5Z"),
            ("2027-03-10T08:00:00.123456789Z", "2027-03-10T08:00:00.123456Z"),
            ("1900-01-01T00:00:00Z", "1900-01-01T00:00:00Z"),
            ("2199-12-31T23:59:59+00:00", "2199-12-31T23:59:59Z"),
            ("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"),
        ]
        for (text, written) in cases {
            let instant = try #require(RFC3339.parse(text), "\(text)")
            #expect(RFC3339.format(instant) == written)
            #expect(RFC3339.parse(written) == instant)
        }
        #expect(RFC3339.parse("2027-03-10T09:00:00+01:00") == Date(timeIntervalSince1970: 1_804_665_600))
        #expect(RFC3339.parse("1900-01-01T00:00:00Z") == InputBounds.earliestInstant)
    }

    @Test("dates from outside lie within the accepted years")
    func dates() {
        #expect(LocalDate("1900-01-01") != nil && LocalDate("2199-12-31") != nil)
        #expect(LocalDate("1899-12-31") == nil && LocalDate("2200-01-01") == nil && LocalDate("0001-01-01") == nil)
        #expect(LocalDate("9999-12-31") == nil && LocalDate("2027-02-29") == nil)
    }

    @Test("one-line text refuses control characters and line breaks; notes allow line breaks and tabs")
    func text() {
        #expect(TextInput.lineProblem("Les Fabriques", field: "name") == nil)
        #expect(TextInput.lineProblem("Les\u{0}Fabriques", field: "name")?.message.contains("U+0000") == true)
        #expect(TextInput.lineProblem("Les\nFabriques", field: "name") != nil)
        #expect(TextInput.lineProblem("a\u{202E}gnp.exe", field: "name") != nil)
        #expect(TextInput.lineProblem("   ", field: "name")?.message == "must not be empty")
        #expect(TextInput.lineProblem(String(repeating: "é", count: 201), field: "name")?.field == "name")
        #expect(TextInput.lineProblem(String(repeating: "é", count: 200), field: "name") == nil)
        #expect(TextInput.notesProblem("", field: "note") == nil)
        #expect(TextInput.notesProblem("ligne 1\r\nligne 2\tfin", field: "note") == nil)
        #expect(TextInput.notesProblem("bip\u{7}", field: "note") != nil)
        #expect(TextInput.notesProblem("\u{1B}[31mrouge", field: "note") != nil)
    }

    @Test("recurrence intervals are bounded before any arithmetic, and a series never leaves the accepted years")
    func recurrence() throws {
        let first = TimeRange(start: RFC3339.parse("2027-03-01T09:00:00+01:00")!, end: RFC3339.parse("2027-03-01T10:00:00+01:00")!)!
        for frequency in RecurrenceRule.Frequency.allCases {
            for interval in [Int.max, 1_000_000_000_000_000, InputBounds.maxRecurrenceInterval + 1, 0, -1, Int.min] {
                #expect(throws: RecurrenceError.invalidInterval(interval)) {
                    try RecurrenceRule(frequency: frequency, interval: interval, count: 2).occurrences(startingWith: first, in: .paris)
                }
            }
        }
        #expect(throws: RecurrenceError.tooManyOccurrences(maximum: RecurrenceRule.defaultMaximumOccurrences)) {
            try RecurrenceRule(frequency: .daily, count: Int.max).occurrences(startingWith: first, in: .paris)
        }
        let late = TimeRange(start: RFC3339.parse("2199-06-02T09:00:00+02:00")!, end: RFC3339.parse("2199-06-02T10:00:00+02:00")!)!
        #expect(throws: RecurrenceError.beyondAcceptedYears) {
            try RecurrenceRule(frequency: .monthly, count: 12).occurrences(startingWith: late, in: .paris)
        }
        let longest = try RecurrenceRule(frequency: .monthly, interval: InputBounds.maxRecurrenceInterval, count: 2)
            .occurrences(startingWith: first, in: .paris)
        #expect(longest.count == 2)
    }

    @Test("rules of a resource are bounded above as well as below")
    func rules() {
        let huge = ResourceRules(
            slotMinutes: Int.max, minDurationMinutes: Int.max, maxDurationMinutes: Int.max, minNoticeMinutes: Int.max,
            maxHorizonDays: Int.max, bufferMinutes: Int.max, cancellationTiers: [.init(withinMinutes: Int.max, countedPercent: Int.max)],
            monthlyQuotaMinutes: Int.max
        )
        #expect(
            Set(huge.validationErrors().map(\.field)) == [
                "rules.slotMinutes", "rules.minDurationMinutes", "rules.maxDurationMinutes", "rules.minNoticeMinutes",
                "rules.maxHorizonDays", "rules.bufferMinutes", "rules.cancellationTiers.0.withinMinutes",
                "rules.cancellationTiers.0.countedPercent", "rules.monthlyQuotaMinutes",
            ])
        let negative = ResourceRules(
            minNoticeMinutes: Int.min, bufferMinutes: Int.min, cancellationTiers: [.init(withinMinutes: -1, countedPercent: 100)])
        #expect(negative.validationErrors().count == 3)
    }

    @Test("periods for reports and runs are at most ten years")
    func periods() {
        let decade = DatePeriod(start: LocalDate("2020-01-01")!, end: LocalDate("2030-01-01")!)!
        #expect(decade.lengthProblem(field: "to") == nil)
        let longer = DatePeriod(start: LocalDate("1900-01-01")!, end: LocalDate("2199-12-31")!)!
        #expect(longer.lengthProblem(field: "to")?.field == "to")
    }

    @Test("allocation rules check every field given: percentages that would overflow their sum, a fixed part out of range")
    func allocationRules() {
        let a = MemberID()
        let b = MemberID()
        let huge = AllocationRule(method: .fixed, fixedShares: [a: 9e14, b: 9e14])
        #expect(huge.validationErrors().map(\.field) == ["fixedShares"])
        let ignoredButWrong = AllocationRule(method: .equal, fixedShares: [a: -1], fixedPart: 2)
        #expect(ignoredButWrong.validationErrors().map(\.field) == ["fixedShares", "fixedPart"])
        let fine = AllocationRule(method: .fixed, fixedShares: [a: 62.5, b: 37.5])
        #expect(fine.validationErrors().isEmpty)
        #expect(
            AllocationRule(method: .fixed, fixedShares: [a: 60, b: 30]).validationErrors().map(\.message) == ["percentages must sum to 100"]
        )
    }
}
