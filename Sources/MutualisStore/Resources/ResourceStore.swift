import Foundation
import MutualisDomain
import PostgresClient

/// Pooled resources, their units, opening hours and blackouts.
public struct ResourceStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Adds a resource with its units; rules without a horizon or a longest booking get the
    /// defaults (``ResourceRules/withDefaultLimits()``).
    public func create(pole: PoleID, _ given: ResourceInput, actor: Actor) async throws -> Resource {
        let input = given.withDefaultLimits()
        let errors = input.validationErrors()
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            let id: ResourceID
            do {
                id = try connection.query(
                    """
                    INSERT INTO resources (pole_id, name, kind, units, owner_member_id) VALUES
                    (\(pole), \(input.name.trimmingCharacters(in: .whitespaces)), \(input.kind)::resource_kind, \(Int32(input.units)), \(input.ownerMemberID))
                    RETURNING id
                    """
                ).first!.decode(ResourceID.self, at: 0)
            } catch let error as PostgresError where error.sqlState == .foreignKeyViolation {
                throw error.constraint == "resources_pole_id_fkey"
                    ? StoreError.notFound("pole") : StoreError.invalid("ownerMemberId", "no such member in this pole")
            }
            try connection.execute(
                "INSERT INTO resource_units (resource_id, number) SELECT \(id), n FROM generate_series(1, \(input.units)) AS n"
            )
            try Self.saveRules(connection, id, input.rules)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "create", entity: "resource", entityID: id.uuid)
            return try Self.get(pole: pole, id, connection)
        }
    }

    /// Changes a resource; more units add units, fewer retire the last ones if they hold no
    /// future booking.
    public func update(pole: PoleID, _ id: ResourceID, actor: Actor, _ change: @escaping @Sendable (inout ResourceInput) -> Void)
        async throws -> Resource
    {
        try await database.withTransaction { connection in
            let current = try Self.get(pole: pole, id, connection, forUpdate: true)
            var input = ResourceInput(
                name: current.name, kind: current.kind, units: current.units, ownerMemberID: current.ownerMemberID, rules: current.rules)
            change(&input)
            input = input.withDefaultLimits()
            let errors = input.validationErrors()
            guard errors.isEmpty else { throw StoreError.invalid(errors) }
            if input.units < current.units {
                // The resource's row is locked above, and every booking's foreign keys take a
                // key-share lock on it: a booking in flight commits before this check reads,
                // and one that starts meanwhile waits, then skips the retired units.
                let busy = try connection.query(
                    """
                    SELECT EXISTS (
                        SELECT 1 FROM booking_units bu JOIN resource_units u ON u.id = bu.unit_id
                        WHERE u.resource_id = \(id) AND u.number > \(input.units) AND bu.active AND upper(bu.occupied) > now())
                    """
                ).first!.decode(Bool.self, at: 0)
                if busy { throw StoreError.conflict("the units to remove hold future bookings", field: "units") }
                try connection.execute(
                    "UPDATE resource_units SET retired_at = now() WHERE resource_id = \(id) AND number > \(input.units) AND retired_at IS NULL"
                )
            } else if input.units > current.units {
                try connection.execute(
                    """
                    INSERT INTO resource_units (resource_id, number)
                    SELECT \(id), n FROM generate_series(1, \(input.units)) AS n
                    ON CONFLICT (resource_id, number) DO UPDATE SET retired_at = NULL
                    """
                )
            }
            do {
                try connection.execute(
                    """
                    UPDATE resources SET name = \(input.name.trimmingCharacters(in: .whitespaces)), units = \(Int32(input.units)),
                        owner_member_id = \(input.ownerMemberID), updated_at = now() WHERE id = \(id)
                    """
                )
            } catch let error as PostgresError where error.sqlState == .foreignKeyViolation {
                throw StoreError.invalid("ownerMemberId", "no such member in this pole")
            }
            try Self.saveRules(connection, id, input.rules)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "update", entity: "resource", entityID: id.uuid)
            return try Self.get(pole: pole, id, connection)
        }
    }

    /// Makes a resource unavailable over a span of time (maintenance, holidays).
    public func addBlackout(pole: PoleID, _ id: ResourceID, range: TimeRange, reason: String, actor: Actor) async throws {
        var errors: [FieldError] = []
        if !InputBounds.contains(range) {
            errors.append(FieldError(field: "start", message: "must lie \(InputBounds.yearsText)"))
        }
        if let problem = TextInput.notesProblem(reason, field: "reason") { errors.append(problem) }
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        try await database.withTransaction { connection in
            _ = try Self.get(pole: pole, id, connection)
            try connection.execute(
                "INSERT INTO blackouts (resource_id, during, reason) VALUES (\(id), tstzrange(\(range.start), \(range.end), '[)'), \(reason))"
            )
            try AuditLog.record(connection, pole: pole, actor: actor, action: "blackout", entity: "resource", entityID: id.uuid)
        }
    }

    /// The blackouts of a resource that have not ended by `after`, by start.
    public func blackouts(pole: PoleID, _ id: ResourceID, endingAfter after: Date) async throws -> [Blackout] {
        try await database.withConnection { connection in
            _ = try Self.get(pole: pole, id, connection)
            return try connection.query(
                """
                SELECT id, lower(during), upper(during), reason FROM blackouts
                WHERE resource_id = \(id) AND upper(during) > \(after) ORDER BY lower(during) LIMIT 500
                """
            ).rows.compactMap { row in
                let (blackout, start, end, reason) = try row.decode((BlackoutID, Date, Date, String).self)
                return TimeRange(start: start, end: end).map { Blackout(id: blackout, resourceID: id, range: $0, reason: reason) }
            }
        }
    }

    /// Retires a blackout: the resource can be booked over its span again, and the waitlist's
    /// requests that now fit are booked in the same transaction.
    public func removeBlackout(pole: PoleID, _ id: ResourceID, _ blackout: BlackoutID, actor: Actor, now: Date = Date()) async throws {
        try await database.withTransaction { connection in
            let resource = try Self.get(pole: pole, id, connection)
            guard
                let row = try connection.query(
                    "DELETE FROM blackouts WHERE resource_id = \(id) AND id = \(blackout) RETURNING lower(during), upper(during)"
                ).first
            else { throw StoreError.notFound("blackout") }
            let (start, end) = try row.decode((Date, Date).self)
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "blackout-removed", entity: "resource", entityID: id.uuid,
                details: #"{"blackout": "\#(blackout)"}"#)
            if let freed = TimeRange(start: start, end: end) {
                try Waitlist.promote(connection, pole: pole, resource: resource, freed: freed, now: now)
            }
        }
    }

    /// A page of the pole's resources, by id.
    public func list(pole: PoleID, page: PageRequest) async throws -> Page<Resource> {
        let after = try page.after(ResourceID.self)
        return try await database.withConnection { connection in
            let resources = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM resources r
                WHERE r.pole_id = \(pole) AND (\(after)::uuid IS NULL OR r.id > \(after))
                ORDER BY r.id LIMIT \(page.limit + 1)
                """
            ).rows.map { try Self.resource($0, pole: pole) }
            return page.page(of: resources) { $0.id.description }
        }
    }

    /// Every resource of the pole, by id.
    public func all(pole: PoleID) async throws -> [Resource] {
        try await PageRequest.collect { try await list(pole: pole, page: $0) }
    }

    /// One resource of the pole, with its rules and opening hours.
    public func get(pole: PoleID, _ id: ResourceID) async throws -> Resource {
        try await database.withConnection { try Self.get(pole: pole, id, $0) }
    }

    static func get(pole: PoleID, _ id: ResourceID, _ connection: PostgresConnection, forUpdate: Bool = false) throws -> Resource {
        guard
            let row = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM resources r WHERE r.pole_id = \(pole) AND r.id = \(id)
                \(sql: forUpdate ? "FOR UPDATE" : "")
                """
            ).first
        else { throw StoreError.notFound("resource") }
        return try resource(row, pole: pole)
    }

    /// A resource with its rules and opening hours, in one row (`r` is the resources table);
    /// ``resource(_:pole:)`` reads these first columns back.
    static let columns: StaticString = """
        r.id, r.name, r.kind, r.units, r.owner_member_id, r.slot_minutes, r.min_duration_minutes,
        r.max_duration_minutes, r.min_notice_minutes, r.max_horizon_days, r.buffer_minutes, r.approval_required,
        (SELECT coalesce(array_agg(t.within_minutes::bigint ORDER BY t.within_minutes DESC), '{}')
                || coalesce(array_agg(t.counted_percent::bigint ORDER BY t.within_minutes DESC), '{}')
         FROM cancellation_tiers t WHERE t.resource_id = r.id),
        r.monthly_quota_minutes,
        (SELECT coalesce(array_agg(oh.iso_weekday::bigint ORDER BY oh.iso_weekday, oh.opens_at), '{}')
                || coalesce(array_agg(extract(epoch FROM oh.opens_at)::bigint / 60 ORDER BY oh.iso_weekday, oh.opens_at), '{}')
                || coalesce(array_agg(extract(epoch FROM oh.closes_at)::bigint / 60 ORDER BY oh.iso_weekday, oh.opens_at), '{}')
         FROM opening_hours oh WHERE oh.resource_id = r.id)
        """

    /// How many leading columns ``columns`` spans.
    static let columnCount = 15

    static func resource(_ row: PostgresRow, pole: PoleID) throws -> Resource {
        let (resourceID, name, kind, units, owner) = try row.decode((ResourceID, String, Resource.Kind, Int, MemberID?).self)
        var rules = ResourceRules(
            slotMinutes: try row.decode(Int?.self, at: 5),
            minDurationMinutes: try row.decode(Int?.self, at: 6),
            maxDurationMinutes: try row.decode(Int?.self, at: 7),
            minNoticeMinutes: try row.decode(Int?.self, at: 8),
            maxHorizonDays: try row.decode(Int?.self, at: 9),
            bufferMinutes: try row.decode(Int.self, at: 10),
            approvalRequired: try row.decode(Bool.self, at: 11),
            monthlyQuotaMinutes: try row.decode(Int?.self, at: 13)
        )
        // Cancellation tiers come as one array: their minutes, then their percentages.
        let tiers = try row.decode([Int].self, at: 12)
        rules.cancellationTiers = zip(tiers[..<(tiers.count / 2)], tiers[(tiers.count / 2)...]).map {
            CancellationTier(withinMinutes: $0, countedPercent: $1)
        }
        // Opening hours come as one array, read in one scan: the weekdays, then the opening
        // minutes, then the closing minutes (24:00 is 1440).
        let hours = try row.decode([Int].self, at: 14)
        let count = hours.count / 3
        if count > 0 {
            var days: [Weekday: [WeeklySchedule.Hours]] = [:]
            for index in 0..<count {
                guard let weekday = Weekday(isoNumber: hours[index]), let opens = LocalTime(minutes: hours[count + index]),
                    let closes = LocalTime(minutes: hours[2 * count + index])
                else { throw StoreError.invalid("rules.openingHours", "cannot be read") }
                days[weekday, default: []].append(WeeklySchedule.Hours(opens: opens, closes: closes))
            }
            rules.openingHours = WeeklySchedule(days)
        }
        return Resource(id: resourceID, poleID: pole, name: name, kind: kind, units: units, ownerMemberID: owner, rules: rules)
    }

    static func saveRules(_ connection: PostgresConnection, _ id: ResourceID, _ rules: ResourceRules) throws {
        try connection.execute(
            """
            UPDATE resources SET slot_minutes = \(rules.slotMinutes), min_duration_minutes = \(rules.minDurationMinutes),
                max_duration_minutes = \(rules.maxDurationMinutes), min_notice_minutes = \(rules.minNoticeMinutes),
                max_horizon_days = \(rules.maxHorizonDays), buffer_minutes = \(rules.bufferMinutes),
                approval_required = \(rules.approvalRequired),
                monthly_quota_minutes = \(rules.monthlyQuotaMinutes)
            WHERE id = \(id)
            """
        )
        try connection.execute("DELETE FROM cancellation_tiers WHERE resource_id = \(id)")
        for tier in rules.cancellationTiers {
            try connection.execute(
                """
                INSERT INTO cancellation_tiers (resource_id, within_minutes, counted_percent)
                VALUES (\(id), \(tier.withinMinutes), \(tier.countedPercent))
                """
            )
        }
        try connection.execute("DELETE FROM opening_hours WHERE resource_id = \(id)")
        for (weekday, ranges) in (rules.openingHours?.days ?? [:]) {
            for range in ranges {
                try connection.execute(
                    """
                    INSERT INTO opening_hours (resource_id, iso_weekday, opens_at, closes_at)
                    VALUES (\(id), \(weekday.isoNumber), \(range.opens)::time, \(range.closes)::time)
                    """
                )
            }
        }
    }
}
