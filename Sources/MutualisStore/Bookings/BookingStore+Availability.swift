import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// The free units of a resource over a window, as spans with a constant number of free
    /// units: opening hours (in the pole's time zone), blackouts, existing bookings and the
    /// buffers around them are all taken into account by the database, with range arithmetic.
    public func availability(pole: PoleID, resource: ResourceID, window: TimeRange) async throws -> [(range: TimeRange, units: Int)] {
        guard window.duration <= 366 * 86_400 else { throw StoreError.invalid("to", "the window is at most 366 days") }
        return try await database.withConnection { connection in
            // A first row stands for the resource itself, so that one query tells a resource
            // with no free time from no resource at all.
            let rows = try connection.query(
                """
                WITH res AS (
                    SELECT r.id, make_interval(mins => r.buffer_minutes) AS buffer, p.time_zone AS tz
                    FROM resources r JOIN poles p ON p.id = r.pole_id
                    WHERE r.pole_id = \(pole) AND r.id = \(resource)
                ), win AS (
                    SELECT tstzrange(\(window.start), \(window.end), '[)') AS w
                ), days AS (
                    SELECT day::date AS day
                    FROM res, win, generate_series((lower(w) AT TIME ZONE res.tz)::date - 1, (upper(w) AT TIME ZONE res.tz)::date, interval '1 day') AS day
                ), hours AS (
                    SELECT range_agg(tstzrange((days.day + oh.opens_at) AT TIME ZONE res.tz, (days.day + oh.closes_at) AT TIME ZONE res.tz, '[)')) AS open
                    FROM res CROSS JOIN days JOIN opening_hours oh ON oh.resource_id = res.id AND oh.iso_weekday = extract(isodow FROM days.day)
                ), available AS (
                    SELECT (CASE WHEN EXISTS (SELECT 1 FROM opening_hours oh JOIN res ON oh.resource_id = res.id)
                                 THEN coalesce((SELECT open FROM hours), '{}'::tstzmultirange)
                                 ELSE tstzmultirange(w) END * tstzmultirange(w))
                           - coalesce((SELECT range_agg(during) FROM blackouts b JOIN res ON b.resource_id = res.id WHERE during && w), '{}'::tstzmultirange) AS m
                    FROM win
                ), unit_free AS (
                    SELECT u.id, (SELECT m FROM available) - coalesce((
                        SELECT range_agg(tstzrange(lower(bu.occupied) - res.buffer, upper(bu.occupied), '[)'))
                        FROM booking_units bu
                        WHERE bu.unit_id = u.id AND bu.active AND bu.occupied && tstzrange(lower(w) - res.buffer, upper(w) + res.buffer, '[)')
                    ), '{}'::tstzmultirange) AS free
                    FROM res CROSS JOIN win JOIN resource_units u ON u.resource_id = res.id AND u.retired_at IS NULL
                ), edges AS (
                    SELECT lower(piece) AS at, 1 AS delta FROM unit_free, unnest(free) AS piece
                    UNION ALL
                    SELECT upper(piece), -1 FROM unit_free, unnest(free) AS piece
                ), steps AS (
                    SELECT at, sum(delta) AS delta FROM edges GROUP BY at HAVING sum(delta) <> 0
                ), counts AS (
                    SELECT at, sum(delta) OVER (ORDER BY at) AS units, lead(at) OVER (ORDER BY at) AS until FROM steps
                )
                SELECT NULL::timestamptz AS at, NULL::timestamptz AS until, NULL::bigint AS units FROM res
                UNION ALL
                (SELECT at, until, units::bigint FROM counts WHERE units > 0 AND until IS NOT NULL)
                ORDER BY at NULLS FIRST
                """
            ).rows
            guard let found = rows.first, try found.decode(Date?.self, at: 0) == nil else { throw StoreError.notFound("resource") }
            return try rows.dropFirst().map { row in
                let (start, end, units) = try row.decode((Date, Date, Int).self)
                return (TimeRange(start: start, end: end)!, units)
            }
        }
    }
}
