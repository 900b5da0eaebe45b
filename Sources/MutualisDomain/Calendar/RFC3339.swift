import Foundation

/// RFC 3339 instants, read strictly and written in UTC.
///
/// Reading accepts only what the RFC's `date-time` allows: a real calendar date (no 30
/// February), hours 00–23, minutes and seconds 00–59, an optional fraction, and an offset
/// (`Z` or `±HH:MM`); the instant must lie within ``InputBounds``. Fractions are kept to the
/// microsecond, as PostgreSQL stores them.
public enum RFC3339 {
    /// What a valid instant looks like, for messages.
    public static let expectedText = "an RFC 3339 instant with an offset, such as 2027-03-10T09:00:00+01:00, \(InputBounds.yearsText)"

    /// The instant a text denotes, or `nil` when it is not a strict RFC 3339 date-time within
    /// the accepted years.
    public static func parse(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            scanner.skip(UInt8(ascii: "T")) || scanner.skip(UInt8(ascii: "t")),
            let hour = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
            let minute = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
            let second = scanner.digits(2),
            let date = LocalDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var micros = 0
        if scanner.skip(UInt8(ascii: ".")) {
            var count = 0
            while let digit = scanner.digit() {
                count += 1
                guard count <= 9 else { return nil }
                if count <= 6 { micros = micros * 10 + digit }
            }
            guard count > 0 else { return nil }
            if count < 6 { for _ in count..<6 { micros *= 10 } }
        }
        let offset: Int
        if scanner.skip(UInt8(ascii: "Z")) || scanner.skip(UInt8(ascii: "z")) {
            offset = 0
        } else {
            let sign: Int
            if scanner.skip(UInt8(ascii: "+")) { sign = 1 } else if scanner.skip(UInt8(ascii: "-")) { sign = -1 } else { return nil }
            guard let hours = scanner.digits(2), scanner.skip(UInt8(ascii: ":")), let minutes = scanner.digits(2),
                hours < 24, minutes < 60
            else { return nil }
            offset = sign * (hours * 3_600 + minutes * 60)
        }
        guard scanner.atEnd else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3_600 + minute * 60 + second - offset
        let instant = Date(timeIntervalSince1970: Double(seconds) + Double(micros) / 1_000_000)
        return InputBounds.contains(instant) ? instant : nil
    }

    /// `2027-03-10T08:00:00Z`, with a fraction only when the instant has one (to the microsecond).
    public static func format(_ instant: Date) -> String {
        // Instants from the database lie within PostgreSQL's years; anything stranger is
        // written by Foundation rather than trapping here.
        guard abs(instant.timeIntervalSince1970) < 1e13 else { return instant.formatted(.iso8601) }
        let totalMicros = Int64((instant.timeIntervalSince1970 * 1_000_000).rounded())
        let (seconds, micros) = (Int(totalMicros.floorDiv64(1_000_000)), Int(totalMicros - totalMicros.floorDiv64(1_000_000) * 1_000_000))
        let date = LocalDate(daysSinceEpoch: seconds.floorDiv(86_400))
        let secondOfDay = seconds.floorMod(86_400)
        var text = date.description + "T" + pad(secondOfDay / 3_600) + ":" + pad(secondOfDay % 3_600 / 60) + ":" + pad(secondOfDay % 60)
        if micros != 0 {
            var fraction = String(micros)
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// Reads ASCII digits and separators off a buffer.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - UInt8(ascii: "0"))
        }

        mutating func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }
    }
}

extension Int64 {
    fileprivate func floorDiv64(_ divisor: Int64) -> Int64 {
        (self >= 0 ? self : self - divisor + 1) / divisor
    }
}
