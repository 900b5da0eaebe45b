import Foundation
import MutualisDomain

/// How pages write numbers, money, dates and times for French readers, written out rather
/// than left to the system's locale data, which a server may lack.
enum FrenchFormat {
    /// U+202F, between groups of digits.
    static let narrowNoBreakSpace = "\u{202F}"
    /// U+00A0, before the euro sign and inside "9 h 30".
    static let noBreakSpace = "\u{00A0}"

    static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// `1 234,56 €` from cents.
    static func money(cents: Int) -> String {
        amount(cents: cents) + noBreakSpace + "€"
    }

    /// `1 234,56` from cents: an amount as a form shows it back, without its currency.
    static func amount(cents: Int) -> String {
        let magnitude = cents.magnitude
        let rest = magnitude % 100
        return (cents < 0 ? "-" : "") + grouped(magnitude / 100) + "," + (rest < 10 ? "0" : "") + String(rest)
    }

    /// `12 345` : digits in groups of three.
    static func grouped(_ number: UInt) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += narrowNoBreakSpace }
            text.append(digit)
        }
        return text
    }

    /// `1,5` : a decimal with at most `places` decimals, a comma, no trailing zeros.
    static func decimal(_ value: Double, places: Int = 2) -> String {
        let scale = pow(10, Double(places))
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return "—" }
        let whole = Int(scaled)
        let units = grouped(UInt(whole.magnitude) / UInt(scale))
        var fraction = String(UInt(whole.magnitude) % UInt(scale))
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (whole < 0 ? "-" : "") + units + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// `mercredi 10 mars 2027`, `lundi 1er mars 2027`.
    static func date(_ date: LocalDate) -> String {
        "\(weekdays[date.weekday.isoNumber - 1]) \(dayAndMonth(date)) \(date.year)"
    }

    /// `10 mars`, `1er mars`.
    static func dayAndMonth(_ date: LocalDate) -> String {
        "\(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1])"
    }

    /// `mars 2027`.
    static func month(_ date: LocalDate) -> String {
        "\(months[date.month - 1]) \(date.year)"
    }

    /// `9 h 30`, `14 h`, `24 h`: the 24-hour clock as French is written.
    static func time(_ time: LocalTime) -> String {
        let (hours, minutes) = time.minutes.quotientAndRemainder(dividingBy: 60)
        return minutes == 0 ? "\(hours)\(noBreakSpace)h" : "\(hours)\(noBreakSpace)h\(noBreakSpace)\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// `mercredi 10 mars 2027, de 9 h à 11 h 30` in the pole's time; a span over several days
    /// names both.
    static func span(_ range: TimeRange, in zone: PoleTimeZone) -> String {
        let start = zone.local(range.start)
        let end = zone.local(range.end)
        if start.date == end.date || (end.time == .midnight && end.date == start.date.adding(days: 1)) {
            let closing = end.time == .midnight && end.date != start.date ? LocalTime.endOfDay : end.time
            return "\(date(start.date)), de \(time(start.time)) à \(time(closing))"
        }
        return "du \(date(start.date)) à \(time(start.time)) au \(date(end.date)) à \(time(end.time))"
    }

    /// `mercredi 2 décembre 2026 à 11 h 05`: an instant in the pole's time.
    static func moment(_ instant: Date, in zone: PoleTimeZone) -> String {
        let local = zone.local(instant)
        return "\(date(local.date)) à \(time(local.time))"
    }

    /// `1 réservation`, `3 réservations`: French puts 0 and 1 in the singular.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(UInt(number.magnitude))) \(number <= 1 && number >= -1 ? singular : plural)"
    }
}
