import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// What decides a resource's free units over a window: its rules, blackouts and each
    /// unit's bookings near the window, read in one statement (so one snapshot);
    /// ``Availability`` computes the free spans with the opening hours the booking checks use.
    public func availability(pole: PoleID, resource: ResourceID, window: TimeRange) async throws -> Availability {
        guard window.duration <= 366 * 86_400 else { throw StoreError.invalid("to", "the window is at most 366 days") }
        return try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    SELECT \(sql: ResourceStore.columns), p.time_zone,
                        (SELECT count(*) FROM resource_units u WHERE u.resource_id = r.id AND u.retired_at IS NULL),
                        held.units, held.starts, held.ends, closed.starts, closed.ends
                    FROM resources r
                    JOIN poles p ON p.id = r.pole_id
                    CROSS JOIN LATERAL (
                        SELECT coalesce(array_agg(u.ordinal), '{}') AS units,
                               coalesce(array_agg(lower(bu.occupied)), '{}') AS starts,
                               coalesce(array_agg(upper(bu.occupied)), '{}') AS ends
                        FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS ordinal
                              FROM resource_units WHERE resource_id = r.id AND retired_at IS NULL) u
                        JOIN booking_units bu ON bu.unit_id = u.id AND bu.active
                            AND bu.occupied && tstzrange(\(window.start) - make_interval(mins => r.buffer_minutes),
                                                         \(window.end) + make_interval(mins => r.buffer_minutes), '[)')
                    ) held
                    CROSS JOIN LATERAL (
                        SELECT coalesce(array_agg(lower(b.during)), '{}') AS starts, coalesce(array_agg(upper(b.during)), '{}') AS ends
                        FROM blackouts b WHERE b.resource_id = r.id AND b.during && tstzrange(\(window.start), \(window.end), '[)')
                    ) closed
                    WHERE r.pole_id = \(pole) AND r.id = \(resource)
                    """
                ).first
            else { throw StoreError.notFound("resource") }
            let rules = try ResourceStore.resource(row, pole: pole).rules
            let column = ResourceStore.columnCount
            let zoneName = try row.decode(String.self, at: column)
            guard let zone = PoleTimeZone(identifier: zoneName) else {
                throw StoreError.invalid("timeZone", "unknown time zone \(zoneName)")
            }
            var occupied = Array(repeating: [TimeRange](), count: try row.decode(Int.self, at: column + 1))
            let units = try row.decode([Int].self, at: column + 2)
            for (unit, range) in zip(units, try Self.ranges(row, starts: column + 3, ends: column + 4)) {
                guard occupied.indices.contains(unit) else { throw StoreError.corrupt("a booking on a unit out of service") }
                occupied[unit].append(range)
            }
            let blackouts = try Self.ranges(row, starts: column + 5, ends: column + 6)
            return Availability(rules: rules, zone: zone, blackouts: blackouts, occupiedByUnit: occupied)
        }
    }

    /// The ranges whose starts and ends two array columns hold, pair by pair.
    private static func ranges(_ row: PostgresRow, starts: Int, ends: Int) throws -> [TimeRange] {
        let (starts, ends) = (try row.decode([Date].self, at: starts), try row.decode([Date].self, at: ends))
        guard starts.count == ends.count else { throw StoreError.corrupt("ranges with unpaired bounds") }
        return try zip(starts, ends).map { start, end in
            guard let range = TimeRange(start: start, end: end) else { throw StoreError.corrupt("an empty range") }
            return range
        }
    }
}
