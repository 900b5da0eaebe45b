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

    /// Unit-time of confirmed bookings, and of cancellations too late to be free, clipped to
    /// each key's range. Members travel as their positions in `members`: a year's run
    /// answers hundreds of thousands of rows, and integers read faster than UUIDs.
    static func booked(_ keys: [Key], members: [MemberID], _ connection: PostgresConnection) throws -> [Key: Use] {
        guard !keys.isEmpty else { return [:] }
        var result: [Key: Use] = [:]
        // date_part gives float8 seconds, much faster to sum than the numeric of extract;
        // bookings fall on whole seconds, whose milliseconds add up exactly far below 2^53.
        let rows = try connection.query(
            """
            SELECT k.n, m.n, sum(b.quantity * date_part('epoch', least(upper(b.during), k.hi) - greatest(lower(b.during), k.lo)) * 1000)::bigint
            FROM unnest(\(keys.map(\.resource)), \(keys.map(\.range.start)), \(keys.map(\.range.end)))
                 WITH ORDINALITY AS k(resource, lo, hi, n)
            JOIN bookings b ON b.resource_id = k.resource AND b.during && tstzrange(k.lo, k.hi, '[)')
            JOIN unnest(\(members)) WITH ORDINALITY AS m(id, n) ON m.id = b.member_id
            WHERE b.status = 'confirmed' OR (b.status = 'cancelled' AND b.late_cancellation)
            GROUP BY k.n, m.n
            """
        ).rows
        for row in rows {
            let (key, member, milliseconds) = try row.decode((Int, Int, Int).self)
            result[keys[key - 1], default: Use()].byMember[members[member - 1]] = milliseconds
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
