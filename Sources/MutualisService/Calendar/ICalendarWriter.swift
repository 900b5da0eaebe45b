import Foundation

/// Writes RFC 5545 text: CRLF line ends, lines folded at 75 octets, text values escaped,
/// instants in UTC.
struct ICalendarWriter {
    private(set) var text = ""

    /// Adds one content line, folded. The value is written as given, but for control
    /// characters, which no property value may hold: a line can never be split into two.
    mutating func line(_ name: String, _ value: String) {
        var line = Array("\(name):".utf8)
        line += value.unicodeScalars.filter { !Self.isControl($0) }.flatMap { Array(String($0).utf8) }
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

    /// Adds a TEXT property, escaped.
    mutating func text(_ name: String, _ value: String) {
        line(name, Self.escape(value))
    }

    /// A TEXT value escaped per RFC 5545 (3.3.11): backslash, semicolon and comma behind a
    /// backslash, each line break (CRLF, LF or a lone CR) as `\n`, other control characters
    /// dropped. Read by Unicode scalar: Swift sees CRLF as one Character.
    static func escape(_ value: String) -> String {
        var result = ""
        var afterCR = false
        for scalar in value.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !afterCR { result += "\\n" }
            default: if !isControl(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Controls other than the tab, which RFC 5545 allows in values.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
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
