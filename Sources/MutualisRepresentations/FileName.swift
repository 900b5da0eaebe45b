import Foundation
import MutualisDomain

/// Names of the files people download, which say what they hold: `releve-2026-11-les-fabriques-de-romans.csv`.
public enum FileName {
    /// `les-fabriques-de-romans` from `Les Fabriques de Romans` : lower case ASCII letters and
    /// digits, accents dropped, anything else a single hyphen, at most 60 characters.
    public static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        let bounded = String(slug.prefix(60))
        return bounded.hasSuffix("-") ? String(bounded.dropLast()) : bounded
    }

    /// `2026-11` for a whole month, `2026-10-01-au-2026-12-31` (the last day) otherwise.
    public static func period(_ period: DatePeriod) -> String {
        if period.start.day == 1, period.start.adding(months: 1) == period.end { return String(period.start.description.prefix(7)) }
        return "\(period.start)-au-\(period.end.adding(days: -1))"
    }

    /// A member's statement for a period.
    public static func statement(_ period: DatePeriod, member: String) -> String {
        let name = slug(member)
        return "releve-\(Self.period(period))\(name.isEmpty ? "" : "-" + name).csv"
    }
}
