import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// Why a shortening is refused once the resource's cancellation tiers count some of the time.
    public static let tooLateToShorten = "too late to give time back: a cancellation now counts part of the booking"

    /// Shortens a booking to a span within its own: a later start, an earlier end (the van
    /// brought back at 15:00 instead of 18:00). The units it no longer holds go, in the same
    /// transaction, to the waitlist's oldest requests that now fit.
    ///
    /// Only while a cancellation would be free: once the resource's tiers count some of the
    /// time, giving part of it back would count too, and the booking is cancelled or kept.
    /// The new span keeps to the slots and the minimum duration, starts no earlier than now
    /// unless it already had, and ends after now.
    public func shorten(_ id: BookingID, to range: TimeRange, scope: BookingScope, actor: Actor, now: Date = Date()) async throws
        -> Booking
    {
        try await database.withTransaction { connection in
            var booking = try Self.get(id, scope: scope, connection, forUpdate: true)
            guard booking.status.holdsUnits, !booking.noShow else {
                throw StoreError.conflict(
                    "a \(booking.noShow ? "no-show" : booking.status.rawValue) booking cannot be shortened", field: "status")
            }
            guard booking.range.contains(range), range != booking.range else {
                throw StoreError.invalid("end", "a shortened booking lies within its own span, and is shorter")
            }
            guard range.end > now else { throw StoreError.invalid("end", "the shortened booking must end after now") }
            if range.start != booking.range.start && range.start < now {
                throw StoreError.invalid("start", "a booking starts later only from now on")
            }
            let resource = try ResourceStore.get(pole: scope.poleID, booking.resourceID, connection)
            let checker = try Self.checker(resource, pole: scope.poleID, connection)
            let cancellation = checker.cancellation(of: booking.range, at: now)
            guard !cancellation.isLate else { throw StoreError.conflict(Self.tooLateToShorten, field: "status") }
            let request = BookingRequest(resourceID: resource.id, memberID: booking.memberID, range: range, quantity: booking.quantity)
            let broken = checker.violations(of: request, at: now).filter { [.slotGranularity, .minimumDuration].contains($0.rule) }
            guard broken.isEmpty else { throw StoreError.rulesViolated(broken) }

            let occupied = range.extended(by: Double(resource.rules.bufferMinutes * 60))
            try connection.execute(
                "UPDATE bookings SET during = tstzrange(\(range.start), \(range.end), '[)'), updated_at = now() WHERE id = \(id)")
            try connection.execute(
                """
                UPDATE booking_units SET occupied = tstzrange(\(occupied.start), \(occupied.end), '[)') WHERE booking_id = \(id)
                """
            )
            try AuditLog.record(
                connection, pole: scope.poleID, actor: actor, action: "shorten", entity: "booking", entityID: id.uuid,
                details: #"{"from": "\#(RFC3339.format(booking.range.start))/\#(RFC3339.format(booking.range.end))"}"#)
            let freed = booking.range
            booking.range = range
            try Waitlist.promote(connection, pole: scope.poleID, resource: resource, freed: freed, now: now)
            return booking
        }
    }
}
