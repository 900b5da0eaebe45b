import Foundation
import MutualisDomain
import PostgresClient

/// Bookings: made, listed, and moved through their states.
///
/// The database decides conflicts: units are chosen inside the transaction, and the exclusion
/// constraint on `booking_units` has the last word. A booking that loses a race for a unit
/// (23P01, or the 40P01 deadlock two conflicting inserts can meet) is retried a few times in a
/// new transaction, where another unit may still be free, and otherwise refused as a conflict
/// naming the time that is taken.
///
/// A booking costs few round trips: one query reads the resource, its rules, opening hours,
/// blackouts, the pole's time zone and the member; one statement chooses the units and writes
/// the booking, its units and its audit record.
public struct BookingStore: Sendable {
    let database: MutualisDatabase

    /// Attempts at a booking when concurrent ones keep taking the unit it chose. Contenders
    /// for a unit take turns on its row lock, so each lost attempt means that another booking
    /// now holds a unit this one could have had: after as many attempts as a resource can have
    /// units, none is left, and the booking is refused as taken, never as merely unlucky.
    static let attempts = 1_003

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Books one slot, or every occurrence of a recurring series.
    ///
    /// - Parameter confirm: true when a coordinator books: it needs no approval.
    ///
    /// A single booking needs no explicit transaction: everything it writes — the booking, its
    /// units, its audit record — is one statement, atomic by itself, and an explicit transaction
    /// would add nothing to what the checks before it read (read committed takes a new snapshot
    /// per statement anyway) but two round trips. Two cases take one: a resource with a monthly
    /// quota, whose check holds a lock until the booking commits, and a series, so that
    /// `onConflict: fail` books nothing.
    public func book(pole: PoleID, _ input: BookingInput, actor: Actor, confirm: Bool, now: Date = Date()) async throws -> BookingOutcome {
        try await retryingLostRaces { pool in
            let book: @Sendable (PostgresConnection) throws -> BookingOutcome = { connection in
                try Self.book(connection, pole: pole, input, actor: actor, confirm: confirm, now: now)
            }
            return input.recurrence == nil
                ? try await pool.withConnection(book)
                : try await pool.withTransaction(book)
        }
    }

    /// Runs a booking's work on the database's connections, and again when a concurrent
    /// booking took its unit first; the database's other failures become its usual store
    /// errors. The lost races are told apart here, before the façade would translate them.
    func retryingLostRaces<Value>(_ work: (PostgresConnectionPool) async throws -> Value) async throws -> Value {
        var attempt = 1
        while true {
            do {
                return try await work(database.pool)
            } catch let error as PostgresError where error.isExclusionViolation || error.isDeadlock {
                guard attempt < Self.attempts else {
                    throw StoreError.conflict("the slot was taken by a concurrent booking", field: "start")
                }
                attempt += 1
            } catch let error as PostgresError {
                throw MutualisDatabase.storeError(error)
            }
        }
    }

    /// What a booking is checked against, read in one query.
    struct Context {
        var resource: Resource
        var zone: PoleTimeZone
        var blackouts: [TimeRange]
        var membership: BookingRuleChecker.Membership
    }

    static func context(
        _ connection: PostgresConnection, pole: PoleID, resource: ResourceID, member: MemberID, around range: TimeRange
    ) throws -> Context {
        guard
            let row = try connection.query(
                """
                SELECT \(sql: ResourceStore.columns), p.time_zone, m.joined_on, m.left_on,
                       (SELECT coalesce(array_agg(lower(b.during) ORDER BY lower(b.during)), '{}')
                               || coalesce(array_agg(upper(b.during) ORDER BY lower(b.during)), '{}')
                        FROM blackouts b WHERE b.resource_id = r.id AND b.during && tstzrange(\(range.start), \(range.end), '[)'))
                FROM resources r JOIN poles p ON p.id = r.pole_id
                LEFT JOIN members m ON m.pole_id = r.pole_id AND m.id = \(member)
                WHERE r.pole_id = \(pole) AND r.id = \(resource)
                """
            ).first
        else { throw StoreError.notFound("resource") }
        let columns = ResourceStore.columnCount
        let zoneName = try row.decode(String.self, at: columns)
        guard let zone = PoleTimeZone(identifier: zoneName) else { throw StoreError.invalid("timeZone", "unknown time zone \(zoneName)") }
        guard let joinedOn = try row.decode(LocalDate?.self, at: columns + 1) else {
            throw StoreError.invalid("memberId", "no such member in this pole")
        }
        let leftOn = try row.decode(LocalDate?.self, at: columns + 2)
        // Blackouts come as one array: their starts, then their ends.
        let bounds = try row.decode([Date].self, at: columns + 3)
        let half = bounds.count / 2
        return Context(
            resource: try ResourceStore.resource(row, pole: pole),
            zone: zone,
            blackouts: zip(bounds[..<half], bounds[half...]).compactMap { TimeRange(start: $0, end: $1) },
            membership: BookingRuleChecker.Membership(joinedOn: joinedOn, leftOn: leftOn)
        )
    }

    static func book(
        _ connection: PostgresConnection, pole: PoleID, _ input: BookingInput, actor: Actor, confirm: Bool, now: Date
    ) throws -> BookingOutcome {
        let errors = input.validationErrors()
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        guard let recurrence = input.recurrence else {
            let context = try context(connection, pole: pole, resource: input.resourceID, member: input.memberID, around: input.range)
            let book = {
                try bookOne(
                    connection, pole: pole, context: context, input: input, range: input.range,
                    series: nil, actor: actor, confirm: confirm, now: now)
            }
            // A quota is read, then written against: that takes a transaction to hold its lock.
            let needsTransaction = context.resource.rules.monthlyQuotaMinutes != nil && connection.isIdle
            let booking = needsTransaction ? try connection.withTransaction(book) : try book()
            return BookingOutcome(bookings: [booking], seriesID: nil, refused: [])
        }
        let zone = try poleZone(connection, pole)
        let occurrences: [TimeRange]
        do {
            occurrences = try recurrence.occurrences(startingWith: input.range, in: zone)
        } catch {
            throw StoreError.invalid(error.field, error.description)
        }
        let span = TimeRange(start: occurrences.first?.start ?? input.range.start, end: occurrences.last?.end ?? input.range.end)!
        let context = try context(connection, pole: pole, resource: input.resourceID, member: input.memberID, around: span)
        let series = try connection.query(
            """
            INSERT INTO booking_series (pole_id, resource_id, member_id, rule, created_by)
            VALUES (\(pole), \(input.resourceID), \(input.memberID), \(try recurrenceJSON(recurrence))::jsonb, \(actor.userID))
            RETURNING id
            """
        ).first!.decode(SeriesID.self, at: 0)
        var booked: [Booking] = []
        var refused: [RefusedOccurrence] = []
        for occurrence in occurrences {
            do {
                booked.append(
                    try bookOccurrence(
                        connection, pole: pole, context: context, input: input, range: occurrence,
                        series: series, actor: actor, confirm: confirm, now: now))
            } catch StoreError.rulesViolated(let violations) {
                refused.append(RefusedOccurrence(range: occurrence, reason: violations[0].message, rule: violations[0].rule))
            } catch StoreError.conflict(let message, _) {
                refused.append(RefusedOccurrence(range: occurrence, reason: message, rule: nil))
            }
        }
        if booked.isEmpty || (!refused.isEmpty && input.onConflict == .fail) {
            throw StoreError.seriesRefused(refused)
        }
        return BookingOutcome(bookings: booked, seriesID: series, refused: refused)
    }

    /// One occurrence of a series, in savepoints: a refused occurrence undoes only itself, and
    /// one that loses a race is retried while the others stay booked.
    private static func bookOccurrence(
        _ connection: PostgresConnection, pole: PoleID, context: Context, input: BookingInput, range: TimeRange,
        series: SeriesID, actor: Actor, confirm: Bool, now: Date
    ) throws -> Booking {
        for attempt in 1...attempts {
            do {
                return try connection.withSavepoint {
                    try bookOne(
                        connection, pole: pole, context: context, input: input, range: range, series: series,
                        actor: actor, confirm: confirm, now: now)
                }
            } catch let error as PostgresError where (error.isExclusionViolation || error.isDeadlock) && attempt < attempts {
                continue
            } catch let error as PostgresError where error.isExclusionViolation || error.isDeadlock {
                throw StoreError.conflict("the slot was taken by a concurrent booking", field: "start")
            }
        }
        throw StoreError.conflict("the slot was taken by a concurrent booking", field: "start")
    }

    static func bookOne(
        _ connection: PostgresConnection, pole: PoleID, context: Context, input: BookingInput,
        range: TimeRange, series: SeriesID?, actor: Actor, confirm: Bool, now: Date
    ) throws -> Booking {
        let resource = context.resource
        let request = BookingRequest(resourceID: resource.id, memberID: input.memberID, range: range, quantity: input.quantity)
        var held: [LocalDate: Int] = [:]
        if resource.rules.monthlyQuotaMinutes != nil {
            // One member's bookings of one resource take turns until commit, so that each
            // reads what the others hold.
            try connection.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended('quota ' || \(resource.id)::text || ' ' || \(input.memberID)::text, 0))"
            )
            for month in request.unitMinutesByMonth(in: context.zone).keys {
                let monthRange = TimeRange(start: context.zone.startOfDay(month), end: context.zone.startOfDay(month.adding(months: 1)!))!
                held[month] = try connection.query(
                    """
                    SELECT coalesce(sum(ceil(extract(epoch FROM upper(part) - lower(part)) / 60)::bigint * quantity), 0)::bigint
                    FROM (SELECT during * tstzrange(\(monthRange.start), \(monthRange.end), '[)') AS part, quantity
                          FROM bookings
                          WHERE resource_id = \(resource.id) AND member_id = \(input.memberID)
                            AND status IN ('pending', 'confirmed')
                            AND during && tstzrange(\(monthRange.start), \(monthRange.end), '[)')) AS parts
                    """
                ).first!.decode(Int.self, at: 0)
            }
        }
        let checker = BookingRuleChecker(
            rules: resource.rules, units: resource.units, zone: context.zone, blackouts: context.blackouts,
            membership: context.membership, pastAllowed: confirm
        )
        let violations = checker.violations(of: request, at: now, heldMinutesByMonth: held)
        guard violations.isEmpty else { throw StoreError.rulesViolated(violations) }

        let status: BookingStatus = resource.rules.approvalRequired && !confirm ? .pending : .confirmed
        let occupied = range.extended(by: Double(resource.rules.bufferMinutes * 60))
        // Units, booking, holdings and audit record in one statement; no row means no free unit.
        // The chosen units' rows are locked until commit: a concurrent booking of the same unit
        // waits, then finds the holding committed and fails at once. Without the lock, two
        // uncommitted holdings of one unit each wait for the other inside the exclusion
        // constraint, a deadlock PostgreSQL breaks only after a second.
        guard
            let id = try connection.query(
                """
                WITH free AS (
                    SELECT u.id FROM resource_units u
                    WHERE u.resource_id = \(resource.id) AND u.retired_at IS NULL
                      AND NOT EXISTS (
                          SELECT 1 FROM booking_units bu
                          WHERE bu.unit_id = u.id AND bu.active AND bu.occupied && tstzrange(\(occupied.start), \(occupied.end), '[)'))
                    ORDER BY u.number LIMIT \(input.quantity)
                    FOR UPDATE OF u
                ), chosen AS (
                    SELECT array_agg(id) AS units FROM free HAVING count(*) = \(input.quantity)
                ), booking AS (
                    INSERT INTO bookings (pole_id, resource_id, member_id, created_by, quantity, during, status, note, series_id)
                    SELECT \(pole), \(resource.id), \(input.memberID), \(actor.userID), \(Int32(input.quantity)),
                           tstzrange(\(range.start), \(range.end), '[)'), \(status)::booking_status, \(input.note), \(series)
                    FROM chosen
                    RETURNING id
                ), holdings AS (
                    INSERT INTO booking_units (booking_id, resource_id, unit_id, occupied)
                    SELECT booking.id, \(resource.id), unit, tstzrange(\(occupied.start), \(occupied.end), '[)')
                    FROM booking, chosen, unnest(chosen.units) AS unit
                ), audit AS (
                    INSERT INTO audit_log (pole_id, actor_user_id, actor, action, entity, entity_id, to_state)
                    SELECT \(pole), \(actor.userID), \(actor.name), 'create', 'booking', booking.id, \(status.rawValue) FROM booking
                )
                SELECT id FROM booking
                """
            ).first?.decode(BookingID.self, at: 0)
        else {
            throw try refusal(connection, resource: resource, range: range, occupied: occupied, quantity: input.quantity)
        }
        return Booking(
            id: id, poleID: pole, resourceID: resource.id, memberID: input.memberID, range: range, quantity: input.quantity,
            status: status, note: input.note, seriesID: series
        )
    }

    /// Why no unit is free: the buffer rule if the slot itself is free, else the time taken.
    private static func refusal(
        _ connection: PostgresConnection, resource: Resource, range: TimeRange, occupied: TimeRange, quantity: Int
    ) throws -> StoreError {
        if resource.rules.bufferMinutes > 0 {
            let freeWithoutBuffers = try connection.query(
                """
                SELECT count(*) FROM resource_units u
                WHERE u.resource_id = \(resource.id) AND u.retired_at IS NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM booking_units bu JOIN bookings b ON b.id = bu.booking_id
                      WHERE bu.unit_id = u.id AND bu.active AND b.during && tstzrange(\(range.start), \(range.end), '[)'))
                """
            ).first!.decode(Int.self, at: 0)
            if freeWithoutBuffers >= quantity {
                return .rulesViolated([
                    BookingRuleViolation(
                        rule: .buffer, field: "start",
                        message: "\(resource.rules.bufferMinutes) minutes must stay free between bookings"
                    )
                ])
            }
        }
        let taken = try connection.query(
            """
            SELECT lower(b.during), upper(b.during)
            FROM resource_units u JOIN booking_units bu ON bu.unit_id = u.id JOIN bookings b ON b.id = bu.booking_id
            WHERE u.resource_id = \(resource.id) AND bu.active AND bu.occupied && tstzrange(\(occupied.start), \(occupied.end), '[)')
            ORDER BY lower(b.during) LIMIT 1
            """
        ).first
        guard let taken else { return .conflict("the slot was taken by a concurrent booking", field: "start") }
        let (start, end) = try taken.decode((Date, Date).self)
        return .conflict("the slot is taken from \(RFC3339.format(start)) to \(RFC3339.format(end))", field: "start")
    }

    // MARK: Rows

    /// A booking's columns, from `bookings b`; ``booking(_:)`` reads them back.
    static let columns: StaticString = """
        b.id, b.pole_id, b.resource_id, b.member_id, lower(b.during), upper(b.during), b.quantity, b.status, b.note,
        b.series_id, b.counted_percent, b.no_show, b.decision_reason, b.created_at
        """
    /// How many columns ``columns`` holds: a query's own columns come after them.
    static let columnCount = 14

    static func booking(_ row: PostgresRow) throws -> Booking {
        let (id, pole, resource, member, start, end, quantity, status, note, series, counted, noShow, reason, created) = try row.decode(
            (BookingID, PoleID, ResourceID, MemberID, Date, Date, Int, BookingStatus, String, SeriesID?, Int, Bool, String, Date).self
        )
        return Booking(
            id: id, poleID: pole, resourceID: resource, memberID: member, range: TimeRange(start: start, end: end)!,
            quantity: quantity, status: status, note: note, seriesID: series, countedPercent: counted, noShow: noShow,
            decisionReason: reason,
            createdAt: created
        )
    }

    static func poleZone(_ connection: PostgresConnection, _ pole: PoleID) throws -> PoleTimeZone {
        try PoleStore.get(pole, connection).zone()
    }

    static func recurrenceJSON(_ rule: RecurrenceRule) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(rule), as: UTF8.self)
    }
}
