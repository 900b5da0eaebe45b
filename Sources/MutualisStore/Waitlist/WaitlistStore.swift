import Foundation
import MutualisDomain
import PostgresClient

/// Waiting requests for taken slots, and what their members are told when one is booked.
public struct WaitlistStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Why joining is refused when the slot is free: the caller books it instead.
    public static let slotIsFree = "the slot is free: book it instead of waiting"

    /// Puts a request on the waitlist of its slot. Refused when the slot is free (book it),
    /// and when a rule refuses it that no cancellation or retired blackout would change: the
    /// request is tried as a booking would be, for real, and undone.
    public func join(pole: PoleID, _ input: BookingInput, actor: Actor, now: Date = Date()) async throws -> WaitlistEntry {
        var errors = input.validationErrors()
        if input.recurrence != nil {
            errors.append(FieldError(field: "recurrence", message: "a waitlist takes one slot at a time"))
        }
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            try Waitlist.lock(connection, resource: input.resourceID)
            let context = try BookingStore.context(
                connection, pole: pole, resource: input.resourceID, member: input.memberID, around: input.range)
            struct Undo: Error {}
            do {
                try connection.withSavepoint {
                    _ = try BookingStore.bookOne(
                        connection, pole: pole, context: context, input: input, range: input.range, series: nil, actor: actor,
                        confirm: false, now: now)
                    throw Undo()
                }
            } catch is Undo {
                throw StoreError.conflict(Self.slotIsFree, field: "start")
            } catch StoreError.conflict {
                // Taken: what the waitlist is for.
            } catch StoreError.rulesViolated(let violations) where violations.allSatisfy(\.rule.mayFreeUp) {
                // Closed, or too close to a neighbour: a retired blackout or a cancellation frees it.
            } catch let error as PostgresError where error.isExclusionViolation {
                // Taken by a booking being made right now.
            }
            let row = try connection.query(
                """
                INSERT INTO waitlist_entries (pole_id, resource_id, member_id, created_by, during, quantity, note)
                VALUES (\(pole), \(input.resourceID), \(input.memberID), \(actor.userID),
                        tstzrange(\(input.range.start), \(input.range.end), '[)'), \(input.quantity), \(input.note))
                ON CONFLICT DO NOTHING
                RETURNING id
                """
            ).first
            guard let id = try row?.decode(WaitlistEntryID.self, at: 0) else {
                throw StoreError.conflict("this member already waits for this slot", field: "start")
            }
            try AuditLog.record(connection, pole: pole, actor: actor, action: "waitlist-join", entity: "waitlist", entityID: id.uuid)
            return try Self.get(id, pole: pole, member: nil, connection)
        }
    }

    /// Takes a waiting request off the list.
    public func leave(_ id: WaitlistEntryID, pole: PoleID, member: MemberID?, actor: Actor) async throws -> WaitlistEntry {
        try await database.withTransaction { connection in
            let entry = try Self.get(id, pole: pole, member: member, connection)
            guard entry.status == .waiting else {
                throw StoreError.conflict("this request is \(entry.status.rawValue), no longer waiting", field: "status")
            }
            try connection.execute("UPDATE waitlist_entries SET status = 'left', changed_at = now() WHERE id = \(id)")
            try AuditLog.record(connection, pole: pole, actor: actor, action: "waitlist-leave", entity: "waitlist", entityID: id.uuid)
            return try Self.get(id, pole: pole, member: member, connection)
        }
    }

    /// The requests of a pole, or of one member, latest first.
    public func list(pole: PoleID, member: MemberID?, resource: ResourceID? = nil, limit: Int = 200) async throws -> [WaitlistEntry] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT \(sql: Self.columns) FROM waitlist_entries w
                WHERE w.pole_id = \(pole) AND (\(member)::uuid IS NULL OR w.member_id = \(member))
                  AND (\(resource)::uuid IS NULL OR w.resource_id = \(resource))
                ORDER BY w.joined_at DESC, w.position DESC LIMIT \(limit)
                """
            ).rows.map(Self.entry)
        }
    }

    /// A member's notifications, latest first, with the bookings they are about.
    public func notifications(pole: PoleID, member: MemberID, unreadOnly: Bool = false, limit: Int = 100) async throws
        -> [MemberNotification]
    {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT \(sql: BookingStore.columns), n.id, n.member_id, n.kind, n.created_at, n.read_at
                FROM notifications n JOIN bookings b ON b.id = n.booking_id
                WHERE n.pole_id = \(pole) AND n.member_id = \(member) AND (NOT \(unreadOnly) OR n.read_at IS NULL)
                ORDER BY n.created_at DESC LIMIT \(limit)
                """
            ).rows.map { row in
                let (id, memberID, kind, created, read) = try row.decode(
                    (NotificationID, MemberID, String, Date, Date?).self, startingAt: BookingStore.columnCount)
                guard let kind = MemberNotification.Kind(rawValue: kind) else { throw StoreError.corrupt("notification kind \(kind)") }
                return MemberNotification(
                    id: id, memberID: memberID, kind: kind, booking: try BookingStore.booking(row), createdAt: created, readAt: read)
            }
        }
    }

    /// Marks every notification of a member as read; returns how many were unread.
    @discardableResult
    public func markRead(pole: PoleID, member: MemberID) async throws -> Int {
        try await database.withConnection { connection in
            try connection.query(
                """
                WITH marked AS (
                    UPDATE notifications SET read_at = now()
                    WHERE pole_id = \(pole) AND member_id = \(member) AND read_at IS NULL RETURNING 1)
                SELECT count(*) FROM marked
                """
            ).first!.decode(Int.self, at: 0)
        }
    }

    // MARK: Rows

    static func get(_ id: WaitlistEntryID, pole: PoleID, member: MemberID?, _ connection: PostgresConnection) throws -> WaitlistEntry {
        guard
            let row = try connection.query(
                """
                SELECT \(sql: columns) FROM waitlist_entries w
                WHERE w.id = \(id) AND w.pole_id = \(pole) AND (\(member)::uuid IS NULL OR w.member_id = \(member))
                """
            ).first
        else { throw StoreError.notFound("waitlist entry") }
        return try entry(row)
    }

    /// An entry's columns, from `waitlist_entries w`; a waiting entry whose slot has started
    /// reads as expired.
    static let columns: StaticString = """
        w.id, w.pole_id, w.resource_id, w.member_id, lower(w.during), upper(w.during), w.quantity, w.note,
        CASE WHEN w.status = 'waiting' AND lower(w.during) <= now() THEN 'expired' ELSE w.status::text END,
        w.booking_id, w.joined_at, w.created_by
        """

    static func entry(_ row: PostgresRow) throws -> WaitlistEntry {
        let (id, pole, resource, member, start, end, quantity, note, status, booking, joined, creator) = try row.decode(
            (WaitlistEntryID, PoleID, ResourceID, MemberID, Date, Date, Int, String, String, BookingID?, Date, UserID?).self)
        guard let status = WaitlistEntry.Status(rawValue: status), let range = TimeRange(start: start, end: end) else {
            throw StoreError.corrupt("waitlist entry \(id)")
        }
        return WaitlistEntry(
            id: id, poleID: pole, resourceID: resource, memberID: member, range: range, quantity: quantity, note: note,
            status: status, bookingID: booking, joinedAt: joined, createdBy: creator)
    }
}
