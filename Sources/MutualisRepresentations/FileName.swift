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
        if period.isMonth { return String(period.start.description.prefix(7)) }
        return "\(period.start)-au-\(period.end.adding(days: -1))"
    }

    /// The file of each member's statement of one period: its name, or its name and the start
    /// of its id where two members' names fold to the same letters.
    public static func statements(_ period: DatePeriod, members: [Member]) -> [MemberID: String] {
        var names: [MemberID: String] = [:]
        var used: Set<String> = []
        for member in members.sorted(by: { $0.id < $1.id }) {
            var name = statement(period, member: member.name)
            if used.contains(name) { name = name.dropLast(4) + "-\(member.id.description.prefix(8)).csv" }
            used.insert(name)
            names[member.id] = name
        }
        return names
    }

    /// `name` marked with its dialect where it is not the French spreadsheet's one, which the
    /// pages offer first: `releve-2026-11-x.csv`, `releve-2026-11-x-rfc4180.csv`.
    public static func marked(_ name: String, _ dialect: CSVDialect) -> String {
        guard dialect == .rfc4180, let dot = name.lastIndex(of: ".") else { return name }
        return name[..<dot] + "-rfc4180" + name[dot...]
    }

    /// A member's statement for a period.
    public static func statement(_ period: DatePeriod, member: String) -> String {
        let name = slug(member)
        return "releve-\(Self.period(period))\(name.isEmpty ? "" : "-" + name).csv"
    }
}
