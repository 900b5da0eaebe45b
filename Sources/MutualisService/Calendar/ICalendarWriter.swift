import Foundation

/// Writes RFC 5545 text: CRLF line ends, lines folded at 75 octets, text values escaped,
/// instants in UTC.
struct ICalendarWriter {
    private(set) var text = ""

    /// Adds one content line, folded.
    mutating func line(_ name: String, _ value: String) {
        var line = Array("\(name):\(value)".utf8)
        var first = true
        while !line.isEmpty {
            let limit = first ? 75 : 74
            var cut = min(limit, line.count)
            // Never split a UTF-8 sequence: back up to the start of a character.
            while cut < line.count && cut > 0 && (line[cut] & 0xC0) == 0x80 { cut -= 1 }
            text += (first ? "" : " ") + String(decoding: line[..<cut], as: UTF8.self) + "\r\n"
            line.removeFirst(cut)
            first = false
        }
    }

    /// A TEXT value with its special characters escaped.
    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }

    /// A DATE-TIME in UTC: `20270310T080000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))\(pad(parts.month))\(pad(parts.day))T\(pad(parts.hour))\(pad(parts.minute))\(pad(parts.second))Z"
    }
}
