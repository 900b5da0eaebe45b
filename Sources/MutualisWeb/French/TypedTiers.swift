import MutualisDomain

/// Cancellation tiers as a coordinator types them: `7 j : 50 % ; 48 h : 100 %` (a
/// cancellation less than 7 days before counts half the time, less than 48 hours all of it);
/// empty when every cancellation is free. Written back the same way.
enum TypedTiers {
    /// The tiers of `text`, or nil when a part is not `duration : percent`.
    static func read(_ text: String) -> [CancellationTier]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        // A comma after a percentage separates tiers; elsewhere it is a decimal comma.
        let separated = trimmed.replacing(/%\s*,/, with: "%;")
        var tiers: [CancellationTier] = []
        for part in separated.split(separator: ";") {
            let sides = part.split(separator: ":", omittingEmptySubsequences: false)
            guard sides.count == 2, let minutes = minutes(String(sides[0])) else { return nil }
            let percentText = sides[1].filter { !$0.isWhitespace && $0 != "%" }
            guard (1...3).contains(percentText.count), percentText.allSatisfy(\.isASCII), let percent = Int(percentText) else {
                return nil
            }
            tiers.append(CancellationTier(withinMinutes: minutes, countedPercent: percent))
        }
        return tiers
    }

    /// `7 j`, `48 h`, `1,5 h`, `30 min`, `0 h` (after the start), in minutes.
    static func minutes(_ text: String) -> Int? {
        let compact = text.lowercased().filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        let units: [(String, Int)] = [
            ("jours", 1_440), ("jour", 1_440), ("j", 1_440), ("heures", 60), ("heure", 60), ("h", 60), ("minutes", 1), ("min", 1),
        ]
        guard let (suffix, factor) = units.first(where: { compact.hasSuffix($0.0) }) else { return nil }
        let number = String(compact.dropLast(suffix.count))
        guard !number.isEmpty, case .success(let hundredths) = AmountText.cents(number, limit: InputBounds.maxRuleMinutes * 100)
        else { return nil }
        let minutes = (hundredths * factor + 50) / 100
        return minutes <= InputBounds.maxRuleMinutes ? minutes : nil
    }

    /// `7 j : 50 % ; 48 h : 100 %`, furthest from the start first.
    static func write(_ tiers: [CancellationTier]) -> String {
        tiers.sorted { $0.withinMinutes > $1.withinMinutes }.map { tier in
            let minutes = tier.withinMinutes
            let duration =
                minutes >= 3 * 1_440 && minutes % 1_440 == 0
                ? "\(minutes / 1_440) j"
                : minutes % 60 == 0 ? "\(minutes / 60) h" : "\(FrenchFormat.decimal(Double(minutes) / 60, places: 2)) h"
            return "\(duration) : \(tier.countedPercent) %"
        }.joined(separator: " ; ")
    }
}
