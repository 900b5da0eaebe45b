import Foundation
import MutualisDomain
import PostgresClient

/// Allocation runs: computed from the database, recomputed while draft, frozen once final.
public struct AllocationRunStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Computes a draft run sharing every cost whose period lies in `period` and that no
    /// finalised run shares yet.
    public func create(pole: PoleID, period: DatePeriod, actor: Actor) async throws -> StoredAllocationRun {
        if let problem = period.lengthProblem(field: "periodEnd") { throw StoreError.invalid([problem]) }
        return try await database.withTransaction { try Self.create(pole: pole, period: period, actor: actor, $0) }
    }

    /// The draft of `period`, computed again if the pole has one for exactly that period (so
    /// that choosing a month twice does not make two drafts), otherwise a new one. Drafts of
    /// one pole are made one at a time (a transaction-scoped advisory lock), so that two
    /// coordinators choosing the same month at once still make one draft.
    public func draft(pole: PoleID, period: DatePeriod, actor: Actor) async throws -> StoredAllocationRun {
        if let problem = period.lengthProblem(field: "periodEnd") { throw StoreError.invalid([problem]) }
        return try await database.withTransaction { connection in
            try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended('allocation-draft:' || \(pole)::text, 0))")
            let existing = try connection.query(
                """
                SELECT id FROM allocation_runs
                WHERE pole_id = \(pole) AND period_start = \(period.start) AND period_end = \(period.end) AND status = 'draft'
                ORDER BY created_at DESC LIMIT 1
                """
            ).first?.decode(AllocationRunID.self, at: 0)
            if let existing { return try Self.recompute(pole: pole, existing, actor: actor, connection) }
            return try Self.create(pole: pole, period: period, actor: actor, connection)
        }
    }

    /// Computes a draft again from what the database holds now; the run remembers what it
    /// charged before, for ``StoredAllocationRun/changes``.
    public func recompute(pole: PoleID, _ id: AllocationRunID, actor: Actor) async throws -> StoredAllocationRun {
        try await database.withTransaction { try Self.recompute(pole: pole, id, actor: actor, $0) }
    }

    private static func create(pole: PoleID, period: DatePeriod, actor: Actor, _ connection: PostgresConnection) throws
        -> StoredAllocationRun
    {
        let id = try connection.query(
            """
            INSERT INTO allocation_runs (pole_id, period_start, period_end, created_by)
            VALUES (\(pole), \(period.start), \(period.end), \(actor.userID)) RETURNING id
            """
        ).first!.decode(AllocationRunID.self, at: 0)
        let run = try compute(id, pole: pole, period: period, connection)
        try AuditLog.record(
            connection, pole: pole, actor: actor, action: "create", entity: "allocation-run", entityID: id.uuid, to: "draft")
        return run
    }

    private static func recompute(pole: PoleID, _ id: AllocationRunID, actor: Actor, _ connection: PostgresConnection) throws
        -> StoredAllocationRun
    {
        let (period, status, _) = try lock(pole: pole, id, connection)
        guard status == .draft else { throw StoreError.conflict("the run is finalised and never changes", field: "status") }
        try connection.execute(
            """
            UPDATE allocation_runs SET previous_computed_at = computed_at,
                previous_charges = (SELECT coalesce(jsonb_object_agg(l.member_id, (SELECT sum(a) FROM unnest(l.amounts_cents) a)), '{}')
                                    FROM allocation_lines l WHERE l.run_id = \(id)),
                previous_costs = (SELECT coalesce(jsonb_object_agg(rc.cost_id, rc.amount_cents), '{}')
                                  FROM allocation_run_costs rc WHERE rc.run_id = \(id))
            WHERE id = \(id)
            """
        )
        try connection.execute("DELETE FROM allocation_lines WHERE run_id = \(id)")
        try connection.execute("DELETE FROM allocation_run_costs WHERE run_id = \(id)")
        var run = try compute(id, pole: pole, period: period, connection)
        run.previous = try revision(id, connection)
        try AuditLog.record(connection, pole: pole, actor: actor, action: "recompute", entity: "allocation-run", entityID: id.uuid)
        return run
    }

    /// Freezes a draft: from then on the database refuses any change to the run, its lines
    /// and the costs it shares, and no other run can finalise those costs. With `version`
    /// (the ``StoredAllocationRun/version`` someone reviewed), a draft recomputed since is
    /// refused, so that what is finalised is what was reviewed.
    public func finalize(pole: PoleID, _ id: AllocationRunID, version: Int? = nil, actor: Actor) async throws -> StoredAllocationRun {
        try await database.withTransaction { connection in
            let (_, status, computed) = try Self.lock(pole: pole, id, connection)
            guard status == .draft else { throw StoreError.conflict("the run is already finalised", field: "status") }
            if let version, version != StoredAllocationRun.version(of: computed) {
                throw StoreError.conflict("the draft was computed again since it was reviewed; review it again", field: "version")
            }
            do {
                try connection.execute("UPDATE allocation_run_costs SET finalized = true WHERE run_id = \(id)")
            } catch let error as PostgresError where error.isUniqueViolation {
                throw StoreError.conflict("a cost of this run is already shared by a finalised run; recompute the draft", field: "costs")
            }
            try connection.execute(
                "UPDATE allocation_runs SET status = 'finalized', finalized_at = now(), finalized_by = \(actor.userID) WHERE id = \(id)"
            )
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "finalize", entity: "allocation-run", entityID: id.uuid,
                from: "draft", to: "finalized"
            )
            return try Self.get(pole: pole, id, member: nil, connection)
        }
    }

    /// A run with all its lines, or only one member's.
    ///
    /// Read in one snapshot: a run recomputed meanwhile is seen whole, before or after.
    public func get(pole: PoleID, _ id: AllocationRunID, member: MemberID? = nil) async throws -> StoredAllocationRun {
        try await database.withSnapshot { try Self.get(pole: pole, id, member: member, $0) }
    }

    /// One member's statement for a run. A member's own user sees only finalised runs: a
    /// draft is the coordinators' work in progress.
    public func statement(pole: PoleID, _ id: AllocationRunID, member: MemberID, finalizedOnly: Bool) async throws -> MemberStatement {
        try await database.withSnapshot { connection in
            let run = try Self.get(pole: pole, id, member: member, connection)
            if finalizedOnly && run.run.status != .finalized { throw StoreError.notFound("allocation run") }
            let memberRecord = try MemberStore.get(pole: pole, member, connection)
            let record = try PoleStore.get(pole, connection)
            let counted = try Self.countedBookings(
                pole: pole, members: [member], over: try record.zone().range(of: run.run.period), connection)
            return MemberStatement(run: run, member: memberRecord, currency: record.currency, countedBookings: counted[member] ?? [])
        }
    }

    /// The statements of every member a run charges or credits, by member id, read in one
    /// snapshot: what a month's exports hold.
    public func statements(pole: PoleID, _ id: AllocationRunID) async throws -> [MemberStatement] {
        try await database.withSnapshot { connection in
            let run = try Self.get(pole: pole, id, member: nil, connection)
            let record = try PoleStore.get(pole, connection)
            let involved = run.run.involvedMembers
            let counted = try Self.countedBookings(
                pole: pole, members: involved, over: try record.zone().range(of: run.run.period), connection)
            return try involved.map { member in
                MemberStatement(
                    run: run, member: try MemberStore.get(pole: pole, member, connection), currency: record.currency,
                    countedBookings: counted[member] ?? [])
            }
        }
    }

    /// The bookings of some members that count although nobody used them — late
    /// cancellations, no-shows — over a span, by member, in time order.
    static func countedBookings(pole: PoleID, members: [MemberID], over range: TimeRange, _ connection: PostgresConnection) throws
        -> [MemberID: [Booking]]
    {
        Dictionary(
            grouping: try connection.query(
                """
                SELECT \(sql: BookingStore.columns) FROM bookings b
                WHERE b.pole_id = \(pole) AND b.member_id = ANY(\(members))
                  AND ((b.status = 'cancelled' AND b.counted_percent > 0) OR b.no_show)
                  AND b.during && tstzrange(\(range.start), \(range.end), '[)')
                ORDER BY lower(b.during), b.id
                """
            ).rows.map(BookingStore.booking), by: \.memberID)
    }

    /// What happened to a run, in the order it happened (the log's own order: a transaction's
    /// time is when it began, and one may wait on another), each with when and by whom.
    public func history(pole: PoleID, _ id: AllocationRunID) async throws -> [RunEvent] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT a.action, a.occurred_at, coalesce(u.name, a.actor) FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
                WHERE a.entity = 'allocation-run' AND a.entity_id = \(id) AND a.pole_id = \(pole)
                ORDER BY a.id
                """
            ).rows.map { row in
                let (action, at, actor) = try row.decode((String, Date, String).self)
                return RunEvent(action: RunEvent.Action(rawValue: action) ?? .other, at: at, actor: actor)
            }
        }
    }

    /// Every run of the pole, latest period first.
    public func all(pole: PoleID) async throws -> [AllocationRunSummary] {
        try await PageRequest.collect { try await list(pole: pole, page: $0) }
            .sorted { ($0.period.start, $0.createdAt) > ($1.period.start, $1.createdAt) }
    }

    /// A page of the pole's runs, by id.
    public func list(pole: PoleID, page: PageRequest) async throws -> Page<AllocationRunSummary> {
        let after = try page.after(AllocationRunID.self)
        return try await database.withConnection { connection in
            let runs = try connection.query(
                """
                SELECT r.id, r.period_start, r.period_end, r.status, r.unallocated_cents, r.created_at, r.finalized_at,
                       coalesce(sum(rc.amount_cents), 0)::bigint, count(rc.cost_id)
                FROM allocation_runs r LEFT JOIN allocation_run_costs rc ON rc.run_id = r.id
                WHERE r.pole_id = \(pole) AND (\(after)::uuid IS NULL OR r.id > \(after))
                GROUP BY r.id ORDER BY r.id LIMIT \(page.limit + 1)
                """
            ).rows.map { row in
                let (id, start, end, status, unallocated, created, finalized, total, count) = try row.decode(
                    (AllocationRunID, LocalDate, LocalDate, AllocationRun.Status, Int, Date, Date?, Int, Int).self)
                return AllocationRunSummary(
                    id: id, period: DatePeriod(start: start, end: end)!, status: status, totalCents: total,
                    unallocatedCents: unallocated, costCount: count, createdAt: created, finalizedAt: finalized
                )
            }
            return page.page(of: runs) { $0.id.description }
        }
    }

    private static func lock(pole: PoleID, _ id: AllocationRunID, _ connection: PostgresConnection) throws -> (
        DatePeriod, AllocationRun.Status, Date
    ) {
        guard
            let row = try connection.query(
                """
                SELECT period_start, period_end, status, computed_at FROM allocation_runs
                WHERE pole_id = \(pole) AND id = \(id) FOR UPDATE
                """
            ).first
        else { throw StoreError.notFound("allocation run") }
        let (start, end, status, computed) = try row.decode((LocalDate, LocalDate, AllocationRun.Status, Date).self)
        return (DatePeriod(start: start, end: end)!, status, computed)
    }

    static func get(pole: PoleID, _ id: AllocationRunID, member: MemberID?, _ connection: PostgresConnection) throws -> StoredAllocationRun
    {
        guard
            let row = try connection.query(
                """
                SELECT period_start, period_end, status, created_at, computed_at, finalized_at
                FROM allocation_runs WHERE pole_id = \(pole) AND id = \(id)
                """
            ).first
        else { throw StoreError.notFound("allocation run") }
        let (start, end, status, created, computed, finalized) = try row.decode(
            (LocalDate, LocalDate, AllocationRun.Status, Date, Date, Date?).self)
        var costs: [SharedCost] = []
        var allocations: [CostAllocation] = []
        // Under a floor, the members whose commitment set their basis, by cost position.
        var committedMembers: [Set<MemberID>?] = []
        for row in try connection.query(
            """
            SELECT \(sql: CostStore.columns), rc.rule::text, rc.basis_unit, rc.unallocated_cents, rc.credit_member_id,
                   rc.committed_members
            FROM allocation_run_costs rc JOIN costs c ON c.id = rc.cost_id
            WHERE rc.run_id = \(id) ORDER BY rc.position
            """
        ).rows {
            let cost = try CostStore.cost(row, pole: pole)
            let (ruleText, unit, unallocated, credit, committed) = try row.decode(
                (String, String, Int, MemberID?, [MemberID]).self, startingAt: 8)
            let rule = try AllocationRuleJSON.decode(ruleText)
            costs.append(SharedCost(cost: cost, rule: rule, basisUnit: unit))
            committedMembers.append(rule.floor == nil ? nil : Set(committed))
            allocations.append(
                CostAllocation(
                    costID: cost.id, amountCents: cost.amountCents, lines: [], unallocatedCents: unallocated,
                    credit: credit.map { Credit(memberID: $0, costID: cost.id, amountCents: cost.amountCents) }
                ))
        }
        for row in try connection.query(
            """
            SELECT member_id, cost_positions, bases, shares, amounts_cents FROM allocation_lines
            WHERE run_id = \(id) AND (\(member)::uuid IS NULL OR member_id = \(member))
            ORDER BY member_id
            """
        ).rows {
            let (memberID, positions, bases, shares, amounts) = try row.decode((MemberID, [Int], [Double], [Double], [Int]).self)
            // The arrays come from the database: check them before indexing by them.
            guard bases.count == positions.count, shares.count == positions.count, amounts.count == positions.count,
                positions.allSatisfy({ allocations.indices.contains($0 - 1) })
            else { throw StoreError.corrupt("the lines of allocation run \(id) do not match its costs") }
            for index in positions.indices {
                let position = positions[index] - 1
                allocations[position].lines.append(
                    AllocationLine(
                        memberID: memberID, costID: allocations[position].costID, basis: bases[index], share: shares[index],
                        amountCents: amounts[index],
                        basisSetBy: committedMembers[position].map { $0.contains(memberID) ? .commitment : .use }))
            }
        }
        return StoredAllocationRun(
            run: AllocationRun(id: id, poleID: pole, period: DatePeriod(start: start, end: end)!, status: status, allocations: allocations),
            costs: costs, createdAt: created, computedAt: computed, finalizedAt: finalized,
            previous: try revision(id, connection)
        )
    }

    /// What a draft charged before its last recompute, if it was recomputed.
    static func revision(_ id: AllocationRunID, _ connection: PostgresConnection) throws -> RunRevision? {
        let row = try connection.query(
            """
            SELECT previous_computed_at,
                   (SELECT array_agg(e.key::uuid ORDER BY e.key) FROM jsonb_each_text(previous_charges) e),
                   (SELECT array_agg(e.value::bigint ORDER BY e.key) FROM jsonb_each_text(previous_charges) e),
                   (SELECT array_agg(e.key::uuid ORDER BY e.key) FROM jsonb_each_text(previous_costs) e),
                   (SELECT array_agg(e.value::bigint ORDER BY e.key) FROM jsonb_each_text(previous_costs) e)
            FROM allocation_runs WHERE id = \(id) AND previous_computed_at IS NOT NULL
            """
        ).first
        guard let row else { return nil }
        let (at, members, charged, costs, amounts) = try row.decode((Date, [MemberID]?, [Int]?, [CostID]?, [Int]?).self)
        return RunRevision(
            computedAt: at,
            charges: Dictionary(zip(members ?? [], charged ?? []), uniquingKeysWith: { first, _ in first }),
            costs: Dictionary(zip(costs ?? [], amounts ?? []), uniquingKeysWith: { first, _ in first }))
    }

    // MARK: Computing

    /// Shares the costs of the period into the run: bases from SQL, shares from the engine,
    /// lines written back in one statement; answers the run as stored, without reading it back.
    static func compute(_ run: AllocationRunID, pole: PoleID, period: DatePeriod, _ connection: PostgresConnection) throws
        -> StoredAllocationRun
    {
        let zone = try BookingStore.poleZone(connection, pole)
        var costs: [(cost: Cost, rule: AllocationRule)] = []
        for row in try connection.query(
            """
            SELECT \(sql: CostStore.columns),
                   (SELECT ar.rule::text FROM allocation_rules ar
                    WHERE ar.resource_id = c.resource_id AND ar.effective_from <= c.period_start
                    ORDER BY ar.effective_from DESC LIMIT 1)
            FROM costs c
            WHERE c.pole_id = \(pole) AND c.period_start >= \(period.start) AND c.period_end <= \(period.end)
              AND NOT EXISTS (SELECT 1 FROM allocation_run_costs rc WHERE rc.cost_id = c.id AND rc.finalized)
            ORDER BY c.id
            """
        ).rows {
            let cost = try CostStore.cost(row, pole: pole)
            let resourceRule = try row.decode(String?.self, at: 8).map(AllocationRuleJSON.decode)
            let rule = cost.rule ?? resourceRule ?? (cost.resourceID == nil ? .poleWideDefault : .resourceDefault)
            costs.append((cost, rule))
        }
        let members = try allocationMembers(pole: pole, connection)
        let resources = Dictionary(
            uniqueKeysWithValues: try connection.query(
                "SELECT \(sql: ResourceStore.columns) FROM resources r WHERE r.pole_id = \(pole)"
            ).rows.map { row in
                let resource = try ResourceStore.resource(row, pole: pole)
                return (resource.id, resource)
            })

        func key(_ cost: Cost) -> AllocationBases.Key? {
            cost.resourceID.map { AllocationBases.Key(resource: $0, range: zone.range(of: cost.period)) }
        }
        func measured(_ rule: AllocationRule) -> Bool { rule.method == .usage || rule.method == .hybrid }
        let bookedKeys = Set(costs.filter { measured($0.rule) && $0.rule.basis == .booked }.compactMap { key($0.cost) })
        let actualKeys = Set(costs.filter { measured($0.rule) && $0.rule.basis == .actual }.compactMap { key($0.cost) })
        let booked = try AllocationBases.booked(Array(bookedKeys), members: members.map(\.id), connection)
        let actual = try AllocationBases.actual(Array(actualKeys), connection)
        let floored = Set(costs.filter { measured($0.rule) && $0.rule.floor == .commitment }.compactMap(\.cost.resourceID))
        let commitments = Dictionary(
            grouping: try CommitmentStore.inForce(resources: Array(floored), over: period, connection), by: \.resourceID)

        var toShare: [CostToShare] = []
        var basisUnits: [String] = []
        for (cost, rule) in costs {
            var share = CostToShare(
                costID: cost.id, amountCents: cost.amountCents, period: cost.period, rule: rule,
                ownerMemberID: cost.resourceID.flatMap { resources[$0]?.ownerMemberID }
            )
            var usageUnit = "hours"
            if measured(rule), let key = key(cost) {
                var use = (rule.basis == .booked ? booked[key] : actual[key]) ?? AllocationBases.Use()
                if rule.floor == .commitment {
                    let committed = commitments[key.resource] ?? []
                    // Nothing recorded yet: the use is counted in what the members committed to.
                    if rule.basis == .actual && use.byMember.isEmpty, let first = committed.first { use.unit = first.unit }
                    share.commitments = try committed.map { commitment in
                        guard commitment.unit == use.unit else {
                            throw StoreError.invalid(
                                "costs",
                                "cost \(cost.id) (\(cost.label)): a commitment counts \(commitment.unit.rawValue), but this resource's use is counted in \(use.unit.rawValue)"
                            )
                        }
                        let perYear = use.unit == .hours ? commitment.volumeThousandths * 3_600 : commitment.volumeThousandths
                        return CommittedVolume(memberID: commitment.memberID, perYear: perYear, term: commitment.term)
                    }
                }
                share.usage = use.byMember
                share.usagePerDisplayUnit = use.perDisplayUnit
                usageUnit = use.unit.rawValue
                if rule.idle == .absorb {
                    guard use.unit == .hours else {
                        throw StoreError.invalid(
                            "costs",
                            "cost \(cost.id) (\(cost.label)): absorb compares use with open hours, but this resource's use is recorded in \(use.unit.rawValue)"
                        )
                    }
                    share.capacity = resources[key.resource].map { AllocationBases.capacity(of: $0, over: key.range, in: zone) }
                }
            }
            toShare.append(share)
            basisUnits.append(rule.basisUnit(usageUnit: usageUnit))
        }

        let allocations: [CostAllocation]
        do {
            allocations = try AllocationEngine.allocate(toShare, among: members)
        } catch {
            throw StoreError.invalid("costs", error.description)
        }
        let (created, computed) = try store(
            run, costs: costs.map(\.rule), basisUnits: basisUnits, allocations: allocations, members: members, connection)
        return StoredAllocationRun(
            run: AllocationRun(id: run, poleID: pole, period: period, status: .draft, allocations: allocations),
            costs: zip(costs, basisUnits).map { SharedCost(cost: $0.cost, rule: $0.rule, basisUnit: $1) },
            createdAt: created, computedAt: computed, finalizedAt: nil
        )
    }

    /// Every member of the pole with what the engine weighs: coefficient, headcount, budget,
    /// days of membership.
    static func allocationMembers(pole: PoleID, _ connection: PostgresConnection) throws -> [AllocationMember] {
        try connection.query(
            """
            SELECT m.id, coalesce((k.coefficient * 10000)::int, 10000), (m.headcount * 100)::bigint,
                   m.annual_budget_cents, m.joined_on, m.left_on
            FROM members m LEFT JOIN member_categories k ON k.id = m.category_id
            WHERE m.pole_id = \(pole) ORDER BY m.id
            """
        ).rows.map { row in
            let (id, coefficient, headcount, budget, joined, left) = try row.decode((MemberID, Int, Int, Int, LocalDate, LocalDate?).self)
            return AllocationMember(
                id: id, coefficient: Coefficient(tenThousandths: coefficient)!, headcountHundredths: headcount,
                annualBudgetCents: budget, joinedOn: joined, leftOn: left
            )
        }
    }

    private static func store(
        _ run: AllocationRunID, costs rules: [AllocationRule], basisUnits: [String], allocations: [CostAllocation],
        members: [AllocationMember], _ connection: PostgresConnection
    ) throws -> (createdAt: Date, computedAt: Date) {
        // A pole has a handful of rules for thousands of costs: each is written out once.
        var ruleTexts: [AllocationRule: String] = [:]
        let ruleColumn = try rules.map { rule in
            if let text = ruleTexts[rule] { return text }
            let text = try AllocationRuleJSON.encode(rule)
            ruleTexts[rule] = text
            return text
        }
        try connection.execute(
            """
            INSERT INTO allocation_run_costs (run_id, cost_id, position, rule, basis_unit, amount_cents, unallocated_cents, credit_member_id,
                                              committed_members)
            SELECT \(run), c.cost, c.position, c.rule::jsonb, c.unit, c.amount, c.unallocated, nullif(c.credit, '')::uuid,
                   coalesce(string_to_array(nullif(c.committed, ''), ',')::uuid[], '{}')
            FROM unnest(\(allocations.map(\.costID)), \(ruleColumn), \(basisUnits),
                        \(allocations.map(\.amountCents)), \(allocations.map(\.unallocatedCents)),
                        \(allocations.map { $0.credit?.memberID.description ?? "" }),
                        \(allocations.map { $0.lines.filter { $0.basisSetBy == .commitment }.map(\.memberID.description).joined(separator: ",") }))
                 WITH ORDINALITY AS c(cost, rule, unit, amount, unallocated, credit, committed, position)
            """
        )
        let (created, computed) = try connection.query(
            """
            UPDATE allocation_runs SET unallocated_cents = \(allocations.reduce(0) { $0 + $1.unallocatedCents }), computed_at = now()
            WHERE id = \(run) RETURNING created_at, computed_at
            """
        ).first!.decode((Date, Date).self)
        // Lines are placed by member with a counting sort: a million of them, in two passes;
        // then each member's lines become one row, streamed to the server by a binary COPY.
        let positions = MemberPositions(members)
        var counts = [Int](repeating: 0, count: members.count)
        for allocation in allocations {
            positions.forEach(allocation.lines) { position, _ in counts[position] += 1 }
        }
        var next = [Int](repeating: 0, count: members.count)
        var total = 0
        for (position, count) in counts.enumerated() {
            next[position] = total
            total += count
        }
        var lines = LineArrays(count: total)
        for (costPosition, allocation) in allocations.enumerated() {
            positions.forEach(allocation.lines) { member, line in
                lines.set(next[member], cost: Int32(costPosition + 1), line)
                next[member] += 1
            }
        }
        try connection.copy(into: "allocation_lines (run_id, member_id, cost_positions, bases, shares, amounts_cents)") { rows in
            for (position, count) in counts.enumerated() where count > 0 {
                // Once filled, a member's lines end where its next line would have gone.
                let range = (next[position] - count)..<next[position]
                try rows.append(
                    row: run, members[position].id, lines.costs[range], lines.bases[range], lines.shares[range], lines.amounts[range])
            }
        }
        return (created, computed)
    }

    /// Where each member stands in the run's list of members.
    private struct MemberPositions {
        let members: [AllocationMember]
        let index: [MemberID: Int]

        init(_ members: [AllocationMember]) {
            self.members = members
            index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.id, $0) })
        }

        /// Calls `body` with each line and its member's position. The engine lists a cost's
        /// lines in the order of the members, so the positions are found by walking both
        /// lists together, a million hash lookups costing more than the walk; lines in
        /// another order are looked up.
        func forEach(_ lines: [AllocationLine], _ body: (Int, AllocationLine) -> Void) {
            var position = 0
            var walking = true
            for line in lines {
                if walking {
                    while position < members.count && members[position].id != line.memberID { position += 1 }
                    walking = position < members.count
                }
                body(walking ? position : index[line.memberID]!, line)
            }
        }
    }

    /// Lines as parallel arrays, the way they travel and are stored.
    private struct LineArrays {
        var costs: [Int32]
        var bases: [Double]
        var shares: [Double]
        var amounts: [Int]

        init(count: Int) {
            costs = [Int32](repeating: 0, count: count)
            bases = [Double](repeating: 0, count: count)
            shares = [Double](repeating: 0, count: count)
            amounts = [Int](repeating: 0, count: count)
        }

        mutating func set(_ index: Int, cost: Int32, _ line: AllocationLine) {
            costs[index] = cost
            bases[index] = line.basis
            shares[index] = line.share
            amounts[index] = line.amountCents
        }
    }
}
