import Foundation
import MutualisDomain
import PostgresClient

/// A booking awaiting approval, with what else holds its resource around it: what a
/// coordinator weighs before deciding.
public struct PendingBooking: Sendable {
    public var booking: Booking
    /// The other pending or confirmed bookings of the resource within half a day of it.
    public var around: [Booking]
}

extension BookingStore {
    /// How far around a pending booking its neighbours are shown.
    static let approvalContext: TimeInterval = 12 * 3_600

    /// The pole's bookings awaiting approval, oldest request first, each with its neighbours;
    /// read in one snapshot, so that a neighbour is never a booking the queue no longer holds.
    public func pending(pole: PoleID, limit: Int = 200) async throws -> [PendingBooking] {
        try await database.withSnapshot { connection in
            let pending = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM bookings b
                WHERE pole_id = \(pole) AND status = 'pending'
                ORDER BY created_at, id LIMIT \(limit)
                """
            ).rows.map(Self.booking)
            guard !pending.isEmpty else { return [] }
            let neighbours = try connection.query(
                """
                SELECT \(sql: Self.columns), p.id
                FROM unnest(\(pending.map(\.id))) AS p(id)
                JOIN bookings q ON q.id = p.id
                JOIN bookings b ON b.resource_id = q.resource_id AND b.id <> q.id AND b.status IN ('pending', 'confirmed')
                 AND b.during && tstzrange(lower(q.during) - \(Self.approvalContext) * interval '1 second',
                                           upper(q.during) + \(Self.approvalContext) * interval '1 second', '[)')
                ORDER BY lower(b.during), b.id
                """
            ).rows.map { row in
                (try row.decode(BookingID.self, at: Self.columnCount), try Self.booking(row))
            }
            return pending.map { booking in
                PendingBooking(
                    booking: booking,
                    around: neighbours.filter { $0.0 == booking.id }.map(\.1))
            }
        }
    }
}
