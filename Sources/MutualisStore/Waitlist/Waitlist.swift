import Foundation
import MutualisDomain
import PostgresClient

/// The waitlist's rules inside a transaction: who gets freed units, and when a slot is taken.
///
/// The waiting requests of one resource take turns on one advisory lock, held until commit,
/// by whoever frees units and whoever joins: a request that joins while units free up either
/// sees them free (and is refused: book it) or waits until they are given out, and two
/// transactions freeing units hand them out one after the other, in the order of joining.
enum Waitlist {
    static func lock(_ connection: PostgresConnection, resource: ResourceID) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended('waitlist ' || \(resource)::text, 0))")
    }

    /// Books, in the order they joined, the waiting requests near `freed` that now fit every
    /// rule; each booked request tells its member.
    static func promote(_ connection: PostgresConnection, pole: PoleID, resource: Resource, freed: TimeRange, now: Date) throws {
        try lock(connection, resource: resource.id)
        // A freed booking also frees the buffer after it, and the buffer an earlier request needs.
        let buffer = Double(resource.rules.bufferMinutes * 60)
        let near = freed.extended(by: buffer)
        let entries = try connection.query(
            """
            SELECT \(sql: WaitlistStore.columns) FROM waitlist_entries w
            WHERE w.resource_id = \(resource.id) AND w.status = 'waiting' AND lower(w.during) > \(now)
              AND w.during && tstzrange(\(near.start.addingTimeInterval(-buffer)), \(near.end), '[)')
            ORDER BY w.position
            FOR UPDATE
            """
        ).rows.map(WaitlistStore.entry)
        for entry in entries {
            guard let booking = try book(connection, entry, now: now) else { continue }
            try connection.execute(
                """
                UPDATE waitlist_entries SET status = 'booked', booking_id = \(booking.id), changed_at = now() WHERE id = \(entry.id)
                """
            )
            try connection.execute(
                """
                INSERT INTO notifications (pole_id, member_id, kind, booking_id)
                VALUES (\(pole), \(entry.memberID), \(MemberNotification.Kind.waitlistBooked.rawValue), \(booking.id))
                """
            )
            try AuditLog.record(
                connection, pole: pole, actor: Actor(userID: nil, name: "system"), action: "waitlist-booked", entity: "booking",
                entityID: booking.id.uuid, details: #"{"waitlistEntry": "\#(entry.id)"}"#)
        }
    }

    /// The entry booked as its member would book it, or `nil` when it does not fit now: a
    /// rule refuses it, or no unit is free. A refusal undoes only this attempt.
    static func book(_ connection: PostgresConnection, _ entry: WaitlistEntry, now: Date) throws -> Booking? {
        do {
            return try connection.withSavepoint {
                let input = BookingInput(
                    resourceID: entry.resourceID, memberID: entry.memberID, range: entry.range, quantity: entry.quantity,
                    note: entry.note)
                let context = try BookingStore.context(
                    connection, pole: entry.poleID, resource: entry.resourceID, member: entry.memberID, around: entry.range)
                return try BookingStore.bookOne(
                    connection, pole: entry.poleID, context: context, input: input, range: entry.range, series: nil,
                    actor: Actor(userID: entry.createdBy, name: "waitlist"), confirm: false, now: now)
            }
        } catch StoreError.rulesViolated, StoreError.conflict {
            return nil
        } catch let error as PostgresError where error.isExclusionViolation {
            return nil
        }
    }
}
