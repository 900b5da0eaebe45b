/// A `date`: a day of the calendar, with no time and no time zone.
public struct PostgresCalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int

    /// A date; `nil` when the day does not exist (say 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))"
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension PostgresCalendarDate: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .date }
    public var postgresText: String? { description }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        var scanner = ASCIIScanner(try text.requireText())
        guard
            let year = scanner.digits(4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.digits(2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.digits(2), scanner.isAtEnd,
            let date = PostgresCalendarDate(year: year, month: month, day: day)
        else { throw .invalidText }
        self = date
    }
}
