import MutualisDomain
import Testing

@testable import MutualisWeb

@Suite("French as the pages write it")
struct FrenchFormatTests {
    @Test("amounts: groups of three with a narrow no-break space, a decimal comma, a no-break space before €")
    func money() {
        #expect(FrenchFormat.money(cents: 123_456) == "1\u{202F}234,56\u{00A0}€")
        #expect(FrenchFormat.money(cents: 5) == "0,05\u{00A0}€")
        #expect(FrenchFormat.money(cents: -100_000_000) == "-1\u{202F}000\u{202F}000,00\u{00A0}€")
        #expect(FrenchFormat.money(cents: Int.min).hasPrefix("-92\u{202F}233\u{202F}720"))
    }

    @Test("dates with their weekday, 1er for the first of the month")
    func dates() {
        #expect(FrenchFormat.date(LocalDate("2027-03-10")!) == "mercredi 10 mars 2027")
        #expect(FrenchFormat.date(LocalDate("2027-03-01")!) == "lundi 1er mars 2027")
        #expect(FrenchFormat.date(LocalDate("2026-08-16")!) == "dimanche 16 août 2026")
    }

    @Test("the 24-hour clock as French writes it: 9 h, 9 h 05, 24 h")
    func times() {
        #expect(FrenchFormat.time(LocalTime("09:00")!) == "9\u{00A0}h")
        #expect(FrenchFormat.time(LocalTime("09:05")!) == "9\u{00A0}h\u{00A0}05")
        #expect(FrenchFormat.time(LocalTime("24:00")!) == "24\u{00A0}h")
    }

    @Test("a span is in the pole's time, never UTC, across a daylight-saving change")
    func spans() {
        let zone = PoleTimeZone.paris
        let summer = TimeRange(start: RFC3339.parse("2026-10-24T07:00:00Z")!, end: RFC3339.parse("2026-10-24T09:30:00Z")!)!
        #expect(FrenchFormat.span(summer, in: zone) == "samedi 24 octobre 2026, de 9\u{00A0}h à 11\u{00A0}h\u{00A0}30")
        let winter = TimeRange(start: RFC3339.parse("2026-10-26T08:00:00Z")!, end: RFC3339.parse("2026-10-26T23:00:00Z")!)!
        #expect(FrenchFormat.span(winter, in: zone) == "lundi 26 octobre 2026, de 9\u{00A0}h à 24\u{00A0}h")
    }

    @Test("0 and 1 take the singular, more the plural")
    func plurals() {
        #expect(FrenchFormat.count(0, "réservation", "réservations") == "0 réservation")
        #expect(FrenchFormat.count(1, "réservation", "réservations") == "1 réservation")
        #expect(FrenchFormat.count(1_500, "réservation", "réservations") == "1\u{202F}500 réservations")
        #expect(FrenchFormat.decimal(1_234.5, places: 1) == "1\u{202F}234,5")
        #expect(FrenchFormat.decimal(2, places: 2) == "2")
    }
}
