import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// Moves a booking to a new state: approve (pending → confirmed), reject, or cancel. A
    /// cancellation of a confirmed booking keeps the share of its time that the resource's
    /// tiers count at that moment. With `following`, cancels this occurrence of a series and
    /// every later one. A `reason` given with an approval or a rejection is kept for the
    /// member to read. Units freed by a rejection or a cancellation go, in the same
    /// transaction, to the waitlist's oldest requests that now fit.
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
            let checker = try Self.checker(resource, pole: scope.poleID, connection)
            var moved: [Booking] = []
            for var target in targets {
                guard target.status.canMove(to: next) else {
                    throw StoreError.conflict("a \(target.status.rawValue) booking cannot become \(next.rawValue)", field: "status")
                }
                if target.noShow {
                    throw StoreError.conflict("a booking marked as a no-show cannot be cancelled", field: "status")
                }
                let counted =
                    next == .cancelled && target.status == .confirmed
                    ? checker.cancellation(of: target.range, at: now).countedPercent : 0
                try connection.execute(
                    """
                    UPDATE bookings SET status = \(next)::booking_status, counted_percent = \(counted), updated_at = now(),
                        decision_reason = CASE WHEN \(next == .cancelled) THEN decision_reason ELSE \(reason) END
                    WHERE id = \(target.id)
                    """
                )
                try AuditLog.record(
                    connection, pole: scope.poleID, actor: actor,
                    action: next == .cancelled ? "cancel" : (next == .confirmed ? "approve" : "reject"),
                    entity: "booking", entityID: target.id.uuid, from: target.status.rawValue, to: next.rawValue,
                    details: counted > 0 ? #"{"countedPercent": \#(counted)}"# : "{}"
                )
                target.status = next
                target.countedPercent = counted
                if next != .cancelled { target.decisionReason = reason }
                moved.append(target)
            }
            if !next.holdsUnits {
                for target in moved {
                    try Waitlist.promote(connection, pole: scope.poleID, resource: resource, freed: target.range, now: now)
                }
            }
            return moved
        }
    }

    /// Marks a confirmed booking whose start has passed as a no-show, or takes the mark back:
    /// a no-show counts its whole time when costs are shared.
    public func markNoShow(_ id: BookingID, pole: PoleID, _ noShow: Bool = true, actor: Actor, now: Date = Date()) async throws -> Booking {
        try await database.withTransaction { connection in
            var booking = try Self.get(id, scope: BookingScope(poleID: pole, memberID: nil), connection, forUpdate: true)
            guard booking.status == .confirmed else {
                throw StoreError.conflict(
                    "only a confirmed booking can be a no-show; this one is \(booking.status.rawValue)", field: "status")
            }
            guard booking.range.start <= now else {
                throw StoreError.conflict("a booking is a no-show only once it has started", field: "status")
            }
            guard booking.noShow != noShow else { return booking }
            try connection.execute("UPDATE bookings SET no_show = \(noShow), updated_at = now() WHERE id = \(id)")
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: noShow ? "no-show" : "no-show-withdrawn", entity: "booking",
                entityID: id.uuid)
            booking.noShow = noShow
            return booking
        }
    }

    /// What cancelling a booking now would count of its time, by its resource's tiers.
    public func cancellationPreview(_ id: BookingID, scope: BookingScope, now: Date = Date()) async throws -> Cancellation {
        try await database.withConnection { connection in
            let booking = try Self.get(id, scope: scope, connection)
            guard booking.status == .confirmed else { return .free }
            let resource = try ResourceStore.get(pole: scope.poleID, booking.resourceID, connection)
            return try Self.checker(resource, pole: scope.poleID, connection).cancellation(of: booking.range, at: now)
        }
    }

    /// The rules of a booking's resource in its pole's time zone, for what happens to a
    /// booking once made: cancelling, shortening.
    static func checker(_ resource: Resource, pole: PoleID, _ connection: PostgresConnection) throws -> BookingRuleChecker {
        BookingRuleChecker(rules: resource.rules, units: resource.units, zone: try poleZone(connection, pole))
    }
}
