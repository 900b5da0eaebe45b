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
    /// each key's range.
    static func booked(_ keys: [Key], _ connection: PostgresConnection) throws -> [Key: Use] {
        guard !keys.isEmpty else { return [:] }
        var result: [Key: Use] = [:]
        let rows = try connection.query(
            """
            SELECT k.n, b.member_id,
                   sum(b.quantity * extract(epoch FROM upper(b.during * k.range) - lower(b.during * k.range)) * 1000)::bigint
            FROM (SELECT n, resource, tstzrange(lo, hi, '[)') AS range
                  FROM unnest(\(keys.map(\.resource)), \(keys.map(\.range.start)), \(keys.map(\.range.end)))
                       WITH ORDINALITY AS u(resource, lo, hi, n)) AS k
            JOIN bookings b ON b.resource_id = k.resource AND b.during && k.range
            WHERE b.status = 'confirmed' OR (b.status = 'cancelled' AND b.late_cancellation)
            GROUP BY k.n, b.member_id
            """
        ).rows
        for row in rows {
            let (n, member, milliseconds) = try row.decode((Int, MemberID, Int).self)
            result[keys[n - 1], default: Use()].byMember[member] = milliseconds
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
