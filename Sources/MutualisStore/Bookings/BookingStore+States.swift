import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// Moves a booking to a new state: approve (pending → confirmed), reject, or cancel. A
    /// cancellation after the resource's deadline is marked late, and stays chargeable. With
    /// `following`, cancels this occurrence of a series and every later one. A `reason` given
    /// with an approval or a rejection is kept for the member to read.
    public func move(
        _ id: BookingID, to next: BookingStatus, scope: BookingScope, actor: Actor, following: Bool = false, reason: String = "",
        now: Date = Date()
    ) async throws -> [Booking] {
        try await database.withTransaction { connection in
            let booking = try Self.get(id, scope: scope, connection, forUpdate: true)
            var targets = [booking]
            if following, let series = booking.seriesID {
                targets += try connection.query(
                    """
                    SELECT \(sql: Self.columns) FROM bookings b
                    WHERE series_id = \(series) AND id <> \(id) AND lower(during) > \(booking.range.start)
                      AND status IN ('pending', 'confirmed')
                      AND (\(scope.memberID)::uuid IS NULL OR member_id = \(scope.memberID))
                    ORDER BY lower(during) FOR UPDATE
                    """
                ).rows.map(Self.booking)
            }
            let resource = try ResourceStore.get(pole: scope.poleID, booking.resourceID, connection)
            let checker = BookingRuleChecker(
                rules: resource.rules, units: resource.units, zone: try Self.poleZone(connection, scope.poleID))
            var moved: [Booking] = []
            for var target in targets {
                guard target.status.canMove(to: next) else {
                    throw StoreError.conflict("a \(target.status.rawValue) booking cannot become \(next.rawValue)", field: "status")
                }
                let late = next == .cancelled && target.status == .confirmed && checker.cancellation(of: target.range, at: now) == .late
                try connection.execute(
                    """
                    UPDATE bookings SET status = \(next)::booking_status, late_cancellation = \(late), updated_at = now(),
                        decision_reason = CASE WHEN \(next == .cancelled) THEN decision_reason ELSE \(reason) END
                    WHERE id = \(target.id)
                    """
                )
                try AuditLog.record(
                    connection, pole: scope.poleID, actor: actor,
                    action: next == .cancelled ? "cancel" : (next == .confirmed ? "approve" : "reject"),
                    entity: "booking", entityID: target.id.uuid, from: target.status.rawValue, to: next.rawValue,
                    details: late ? #"{"late": true}"# : "{}"
                )
                target.status = next
                target.lateCancellation = late
                if next != .cancelled { target.decisionReason = reason }
                moved.append(target)
            }
            return moved
        }
    }
}
