import struct Foundation.Date

/// `timestamptz`, exchanged as UTC with microsecond precision.
extension Date: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .timestamptz }

    public var postgresText: String? {
        let micros = Int((timeIntervalSince1970 * 1_000_000).rounded())
        let (days, microsOfDay) = micros.floorDivided(by: 86_400_000_000)
        let (year, month, day) = CivilCalendar.date(days: days)
        let seconds = microsOfDay / 1_000_000
        return "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))T"
            + "\(zeroPadded(seconds / 3600, 2)):\(zeroPadded(seconds / 60 % 60, 2)):\(zeroPadded(seconds % 60, 2))"
            + ".\(zeroPadded(microsOfDay % 1_000_000, 6))Z"
    }

    /// Reads the ISO output of `timestamptz` (`2026-03-29 01:30:00.5+00`), whatever the offset.
    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        var scanner = ASCIIScanner(try text.requireText())
        guard
            let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.digits(2),
            scanner.skip(UInt8(ascii: " ")) || scanner.skip(UInt8(ascii: "T")),
            let hour = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
            let minute = scanner.digits(2), scanner.skip(UInt8(ascii: ":")),
            let second = scanner.digits(2)
        else { throw .invalidText }
        var micros = 0
        if scanner.skip(UInt8(ascii: ".")) {
            guard let (fraction, count) = scanner.digitRun(), count <= 6 else { throw .invalidText }
            micros = fraction * [1, 100_000, 10_000, 1_000, 100, 10, 1][count]
        }
        var offsetSeconds = 0
        if scanner.skip(UInt8(ascii: "Z")) {
            offsetSeconds = 0
        } else {
            let sign: Int
            if scanner.skip(UInt8(ascii: "+")) {
                sign = 1
            } else if scanner.skip(UInt8(ascii: "-")) {
                sign = -1
            } else {
                throw .invalidText
            }
            guard let hours = scanner.digits(2) else { throw .invalidText }
            var seconds = hours * 3600
            if scanner.skip(UInt8(ascii: ":")) {
                guard let minutes = scanner.digits(2) else { throw .invalidText }
                seconds += minutes * 60
                if scanner.skip(UInt8(ascii: ":")) {
                    guard let extra = scanner.digits(2) else { throw .invalidText }
                    seconds += extra
                }
            }
            offsetSeconds = sign * seconds
        }
        guard scanner.isAtEnd, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { throw .invalidText }
        let days = CivilCalendar.days(year: year, month: month, day: day)
        let wholeSeconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        self = Date(timeIntervalSince1970: Double(wholeSeconds) + Double(micros) / 1_000_000)
    }
}

extension Int {
    /// Floor division with a non-negative remainder.
    func floorDivided(by divisor: Int) -> (quotient: Int, remainder: Int) {
        let quotient = (self >= 0 ? self : self - divisor + 1) / divisor
        return (quotient, self - quotient * divisor)
    }
}
