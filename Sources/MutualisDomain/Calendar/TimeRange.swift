import Foundation

/// A half-open span of time `[start, end)`: a range ending at 10:00 and one starting at 10:00
/// do not overlap.
public struct TimeRange: Hashable, Sendable, Codable {
    /// The first instant.
    public let start: Date
    /// The first instant after the range.
    public let end: Date

    /// A range; `nil` unless `start` is before `end`.
    public init?(start: Date, end: Date) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// The length in seconds of real time, whatever the clocks did meanwhile.
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// True when the two ranges share an instant.
    public func overlaps(_ other: TimeRange) -> Bool {
        start < other.end && other.start < end
    }

    /// True when every instant of `other` is in this range.
    public func contains(_ other: TimeRange) -> Bool {
        start <= other.start && other.end <= end
    }

    /// The instants both ranges share, if any.
    public func intersection(_ other: TimeRange) -> TimeRange? {
        TimeRange(start: max(start, other.start), end: min(end, other.end))
    }

    /// The range extended by `seconds` after its end.
    public func extended(by seconds: TimeInterval) -> TimeRange {
        TimeRange(start: start, end: end.addingTimeInterval(max(0, seconds)))!
    }
}
