/// A day of the week, numbered as ISO 8601 does: Monday is 1, Sunday 7.
public enum Weekday: Int, CaseIterable, Comparable, Sendable, Codable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of an ISO number, 1...7.
    public init?(isoNumber: Int) {
        self.init(rawValue: isoNumber)
    }

    /// The ISO number, 1...7.
    public var isoNumber: Int { rawValue }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
