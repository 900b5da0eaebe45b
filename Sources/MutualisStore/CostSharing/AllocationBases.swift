import Foundation
import MutualisDomain
import PostgresClient

/// The use each member made of a resource over a span of time, aggregated in SQL so that a
/// year's million bookings never travel to Swift.
///
/// Use is counted in milliseconds of unit-time (booked or recorded hours), or in
/// thousandths of a recorded km or use.
struct AllocationBases {
    /// A resource over the local days of a cost's period.
    struct Key: Hashable {
        var resource: ResourceID
        var range: TimeRange
    }

    /// Each member's use, and what the use is counted in.
    struct Use {
        var byMember: [MemberID: Int] = [:]
        /// `hours`, `km` or `uses`.
        var unit: UsageRecord.Unit = .hours

        /// Use units per displayed unit: an hour is 3 600 000 ms, a km 1 000 thousandths.
        var perDisplayUnit: Int { unit == .hours ? 3_600_000 : 1_000 }
    }

    /// Unit-time of confirmed bookings (no-shows included), and the counted share of
    /// cancellations too late to be free (half of a 4-hour booking is 2 hours), clipped to
    /// each key's range.
    ///
    /// The keys' boundaries cut time into segments (a year of monthly costs: twelve). One
    /// pass over the bookings sums each member's time per resource and segment, a booking
    /// across a boundary counting in each segment for its part; each key then adds up the
    /// segments it spans. Finding a booking's segment is a binary search over a dozen
    /// instants, where joining each booking to its keys costs an index probe per key.
    /// Resources and members travel as their positions: integers read faster than UUIDs.
    static func booked(_ keys: [Key], members: [MemberID], _ connection: PostgresConnection) throws -> [Key: Use] {
        guard !keys.isEmpty else { return [:] }
        let bounds = Set(keys.flatMap { [$0.range.start, $0.range.end] }).sorted()
        let segment = Dictionary(uniqueKeysWithValues: bounds.enumerated().map { ($1, $0 + 1) })
        let resources = Array(Set(keys.map(\.resource)))
        let resourcePosition = Dictionary(uniqueKeysWithValues: resources.enumerated().map { ($1, $0 + 1) })
        // Per resource position, its keys with the first and last segment each spans.
        var spans = [[(key: Int, first: Int, last: Int)]](repeating: [], count: resources.count + 1)
        for (index, key) in keys.enumerated() {
            spans[resourcePosition[key.resource]!].append((index, segment[key.range.start]!, segment[key.range.end]! - 1))
        }
        // For this statement only: enough memory to group a year's million bookings without
        // spilling to disk; planned for each run's own period (a year's is best read in one
        // pass, a week's through the index, which a plan cached from earlier runs would not
        // know); no JIT compilation, which the planner would start on its guess of the
        // bookings' segments, a thousand each instead of one, and which takes longer than the
        // query it compiles; no merge joins, which on that same guess it prefers for numbering
        // the grouped rows, sorting them first at a quarter of the query's time. Not for the
        // rest of the run: the triggers and foreign keys checked as it is stored run their
        // cached statements thousands of times, and planning each anew costs more than the
        // rows they check.
        try connection.executeScript(
            unsafeSQL: """
                SET LOCAL work_mem = '256MB'; SET LOCAL plan_cache_mode = force_custom_plan;
                SET LOCAL jit = off; SET LOCAL enable_mergejoin = off
                """)
        // width_bucket(t, bounds) is the segment i with bounds[i] <= t < bounds[i + 1]; a
        // booking's last instant is a microsecond before its end, bookings being half-open.
        // date_part gives float8 seconds, much faster to sum than the numeric of extract;
        // times on whole milliseconds add up exactly, a year's sums staying far below 2^53.
        let rows = try connection.query(
            """
            SELECT r.n, m.n, g.segment, g.milliseconds
            FROM (
                SELECT s.resource_id, s.member_id, s.segment,
                       sum(s.quantity * s.counted * date_part('epoch', least(upper(s.during), (\(bounds)::timestamptz[])[s.segment + 1])
                                                           - greatest(lower(s.during), (\(bounds)::timestamptz[])[s.segment])) * 10)::bigint
                       AS milliseconds
                FROM (
                    SELECT b.resource_id, b.member_id, b.quantity, b.during,
                           CASE WHEN b.status = 'confirmed' THEN 100 ELSE b.counted_percent END AS counted,
                           generate_series(greatest(width_bucket(lower(b.during), \(bounds)::timestamptz[]), 1),
                                           least(width_bucket(upper(b.during) - interval '1 microsecond', \(bounds)::timestamptz[]),
                                                 \(bounds.count - 1)::int)) AS segment
                    FROM bookings b
                    WHERE b.resource_id = ANY(\(resources)) AND b.during && tstzrange(\(bounds.first!), \(bounds.last!), '[)')
                      AND (b.status = 'confirmed' OR (b.status = 'cancelled' AND b.counted_percent > 0))
                ) AS s
                GROUP BY s.resource_id, s.member_id, s.segment
            ) AS g
            JOIN unnest(\(resources)) WITH ORDINALITY AS r(id, n) ON r.id = g.resource_id
            JOIN unnest(\(members)) WITH ORDINALITY AS m(id, n) ON m.id = g.member_id
            """
        ).rows
        try connection.executeScript(
            unsafeSQL: """
                SET LOCAL work_mem TO DEFAULT; SET LOCAL plan_cache_mode TO DEFAULT;
                SET LOCAL jit TO DEFAULT; SET LOCAL enable_mergejoin TO DEFAULT
                """)
        // Each key's uses are gathered by member position first, then added up by member in
        // a table sized once: hashing a member's id is the cost here, not adding.
        var parts = [[(member: Int, milliseconds: Int)]](repeating: [], count: keys.count)
        for row in rows {
            let (resource, member, segment, milliseconds) = try row.decode((Int, Int, Int, Int).self)
            for span in spans[resource] where span.first <= segment && segment <= span.last {
                parts[span.key].append((member - 1, milliseconds))
            }
        }
        var result: [Key: Use] = [:]
        for (index, part) in parts.enumerated() where !part.isEmpty {
            var byMember = [MemberID: Int](minimumCapacity: part.count)
            for (member, milliseconds) in part { byMember[members[member], default: 0] += milliseconds }
            result[keys[index]] = Use(byMember: byMember)
        }
        return result
    }

    /// Recorded actual usage starting within each key's range. A resource records one unit
    /// (``UsageStore`` refuses a second), so each key's uses add up.
    static func actual(_ keys: [Key], _ connection: PostgresConnection) throws -> [Key: Use] {
        guard !keys.isEmpty else { return [:] }
        var result: [Key: Use] = [:]
        let rows = try connection.query(
            """
            SELECT k.n, u.member_id, u.unit, sum(u.quantity_thousandths)::bigint
            FROM unnest(\(keys.map(\.resource)), \(keys.map(\.range.start)), \(keys.map(\.range.end)))
                 WITH ORDINALITY AS k(resource, lo, hi, n)
            JOIN usage_records u ON u.resource_id = k.resource AND lower(u.during) >= k.lo AND lower(u.during) < k.hi
            GROUP BY k.n, u.member_id, u.unit
            """
        ).rows
        for row in rows {
            let (n, member, unit, thousandths) = try row.decode((Int, MemberID, UsageRecord.Unit, Int).self)
            let key = keys[n - 1]
            result[key, default: Use()].unit = unit
            result[key, default: Use()].byMember[member, default: 0] += unit == .hours ? thousandths * 3_600 : thousandths
        }
        return result
    }

    /// What a resource could have been used over a range, in milliseconds of unit-time: its
    /// units × its opening hours, or × every hour where it has none. Real hours: a day of a
    /// daylight-saving change is 23 or 25 hours long.
    static func capacity(of resource: Resource, over range: TimeRange, in zone: PoleTimeZone) -> Int {
        let seconds = resource.rules.openingHours?.openSeconds(within: range, in: zone) ?? range.duration
        return resource.units * Int((seconds * 1_000).rounded())
    }
}
