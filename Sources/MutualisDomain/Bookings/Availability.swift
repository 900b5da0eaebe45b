import Foundation

/// Where a resource has free units: open by its opening hours, outside its blackouts, and on
/// each unit outside its bookings and the buffer kept around them.
///
/// The same opening hours decide whether a booking fits (``BookingRuleChecker``): both read
/// ``WeeklySchedule/openRanges(within:in:)``, so that what is shown free is what can be booked.
public struct Availability: Sendable {
    /// A span of time with a constant number of free units.
    public struct FreeSpan: Hashable, Sendable {
        public var range: TimeRange
        public var units: Int

        public init(range: TimeRange, units: Int) {
            self.range = range
            self.units = units
        }
    }

    /// The resource's rules: its opening hours and buffer.
    public var rules: ResourceRules
    /// The pole's time zone, in which opening hours are read.
    public var zone: PoleTimeZone
    /// Spans the resource is out of service.
    public var blackouts: [TimeRange]
    /// For each unit in service, the spans its active bookings hold: each booking with the
    /// buffer after it, as the database stores them.
    public var occupiedByUnit: [[TimeRange]]

    public init(rules: ResourceRules, zone: PoleTimeZone, blackouts: [TimeRange], occupiedByUnit: [[TimeRange]]) {
        self.rules = rules
        self.zone = zone
        self.blackouts = blackouts
        self.occupiedByUnit = occupiedByUnit
    }

    /// The spans of `window` in which the resource is open and not blacked out, in order.
    public func openSpans(within window: TimeRange) -> [TimeRange] {
        Self.subtracting(blackouts, from: rules.openingHours?.openRanges(within: window, in: zone) ?? [window])
    }

    /// The spans of `window` with free units, in order; neighbouring spans differ in count.
    public func freeSpans(within window: TimeRange) -> [FreeSpan] {
        freeSpans(inOpen: openSpans(within: window))
    }

    /// The free spans within open spans already found by ``openSpans(within:)``, for a caller
    /// that shows both.
    public func freeSpans(inOpen available: [TimeRange]) -> [FreeSpan] {
        // A booking may not start within the buffer before another one either: the buffer it
        // would hold after itself would overlap.
        let buffer = TimeInterval(rules.bufferMinutes * 60)
        var deltas: [Date: Int] = [:]
        for occupied in occupiedByUnit {
            let held = occupied.compactMap { TimeRange(start: $0.start.addingTimeInterval(-buffer), end: $0.end) }
            for piece in Self.subtracting(held, from: available) {
                deltas[piece.start, default: 0] += 1
                deltas[piece.end, default: 0] -= 1
            }
        }
        var spans: [FreeSpan] = []
        var units = 0
        let steps = deltas.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        for (step, next) in zip(steps, steps.dropFirst()) {
            units += step.value
            if units > 0, let range = TimeRange(start: step.key, end: next.key) {
                spans.append(FreeSpan(range: range, units: units))
            }
        }
        return spans
    }

    /// `ranges` (in order, disjoint) without any part of `holes` (in any order).
    static func subtracting(_ holes: [TimeRange], from ranges: [TimeRange]) -> [TimeRange] {
        let holes = holes.sorted { $0.start < $1.start }
        var result: [TimeRange] = []
        for range in ranges {
            var rest: TimeRange? = range
            for hole in holes where hole.end > range.start {
                guard let current = rest, hole.start < current.end else { break }
                if let before = TimeRange(start: current.start, end: min(hole.start, current.end)) { result.append(before) }
                rest = TimeRange(start: max(hole.end, current.start), end: current.end)
            }
            if let rest { result.append(rest) }
        }
        return result
    }
}
