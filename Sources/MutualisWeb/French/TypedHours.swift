import MutualisDomain

/// Opening hours of one day as people type them: `8:00-12:00, 14:00-18:00`, `8h-12h`,
/// `8 h 30 à 12 h`; empty for a closed day. Written back the same way.
enum TypedHours {
    /// The ranges of `text`, or nil when a part is not a range of two times.
    static func read(_ text: String) -> [WeeklySchedule.Hours]? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "fermé" { return [] }
        var ranges: [WeeklySchedule.Hours] = []
        for part in trimmed.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" }) {
            let normalized = part.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " à ", with: "-")
            let ends = normalized.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let opens = time(String(ends[0])), let closes = time(String(ends[1])) else { return nil }
            ranges.append(WeeklySchedule.Hours(opens: opens, closes: closes))
        }
        return ranges
    }

    /// `8:00`, `08:00`, `8h`, `8h30`, `8 h 30`, `24:00`.
    static func time(_ text: String) -> LocalTime? {
        let compact = text.lowercased().filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        let parts = compact.split(separator: compact.contains(":") ? ":" : "h", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isASCII),
            let hour = Int(parts[0])
        else { return nil }
        let minuteText = parts.count == 2 ? parts[1] : ""
        guard minuteText.isEmpty || (minuteText.count == 2 && minuteText.allSatisfy(\.isASCII)) else { return nil }
        guard let minute = minuteText.isEmpty ? 0 : Int(minuteText), (0..<60).contains(minute), (0...24).contains(hour) else { return nil }
        return LocalTime(hour: hour, minute: minute)
    }

    /// `08:00-12:00, 14:00-18:00`.
    static func write(_ ranges: [WeeklySchedule.Hours]) -> String {
        ranges.sorted { $0.opens < $1.opens }.map { "\($0.opens)-\($0.closes)" }.joined(separator: ", ")
    }
}
