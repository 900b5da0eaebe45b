import Foundation
import MutualisDomain
import PostgresClient

/// The costs of the pole, to be shared by allocation runs.
public struct CostStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Records a cost.
    public func create(pole: PoleID, _ input: CostInput, actor: Actor) async throws -> Cost {
        let errors = input.validationErrors()
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        let rule = try input.rule.map(AllocationRuleJSON.encode)
        return try await database.withTransaction { connection in
            if let resource = input.resourceID {
                _ = try ResourceStore.get(pole: pole, resource, connection)
            }
            if let shares = input.rule?.fixedShares {
                try Self.requireMembers(Array(shares.keys), pole: pole, field: "rule.fixedShares", connection)
            }
            let id = try connection.query(
                """
                INSERT INTO costs (pole_id, resource_id, period_start, period_end, amount_cents, category, label, rule, created_by)
                VALUES (\(pole), \(input.resourceID), \(input.period.start), \(input.period.end), \(input.amountCents),
                        \(input.category)::cost_category, \(input.label.trimmingCharacters(in: .whitespaces)), \(rule)::jsonb, \(actor.userID))
                RETURNING id
                """
            ).first!.decode(CostID.self, at: 0)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "create", entity: "cost", entityID: id.uuid)
            return try Self.get(pole: pole, id, connection)
        }
    }

    /// One cost of the pole.
    public func get(pole: PoleID, _ id: CostID) async throws -> Cost {
        try await database.withConnection { try Self.get(pole: pole, id, $0) }
    }

    static func get(pole: PoleID, _ id: CostID, _ connection: PostgresConnection) throws -> Cost {
        guard
            let row = try connection.query(
                "SELECT \(sql: columns) FROM costs c WHERE c.pole_id = \(pole) AND c.id = \(id)"
            ).first
        else { throw StoreError.notFound("cost") }
        return try cost(row, pole: pole)
    }

    /// A page of the pole's costs whose period lies within `period` (all without one), by id.
    public func list(pole: PoleID, within period: DatePeriod?, page: PageRequest) async throws -> Page<Cost> {
        let after = try page.after(CostID.self)
        return try await database.withConnection { connection in
            let costs = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM costs c
                WHERE c.pole_id = \(pole)
                  AND (\(period?.start)::date IS NULL OR c.period_start >= \(period?.start))
                  AND (\(period?.end)::date IS NULL OR c.period_end <= \(period?.end))
                  AND (\(after)::uuid IS NULL OR c.id > \(after))
                ORDER BY c.id LIMIT \(page.limit + 1)
                """
            ).rows.map { try Self.cost($0, pole: pole) }
            return page.page(of: costs) { $0.id.description }
        }
    }

    /// The pole's costs whose period meets `period`, by resource (pole-wide ones first), then
    /// start and label; each says whether a finalised run shares it (and so never changes).
    public func ledger(pole: PoleID, meeting period: DatePeriod) async throws -> [(cost: Cost, locked: Bool)] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT \(sql: Self.columns),
                       EXISTS (SELECT 1 FROM allocation_run_costs rc WHERE rc.cost_id = c.id AND rc.finalized)
                FROM costs c LEFT JOIN resources r ON r.id = c.resource_id
                WHERE c.pole_id = \(pole) AND c.period_start < \(period.end) AND c.period_end > \(period.start)
                ORDER BY r.name NULLS FIRST, c.period_start, c.label, c.id
                LIMIT 2000 -- a pole records tens of costs a month: a page of them is bounded all the same
                """
            ).rows.map { row in (try Self.cost(row, pole: pole), try row.decode(Bool.self, at: 8)) }
        }
    }

    /// Every cost of the pole within a period, by id.
    public func all(pole: PoleID, within period: DatePeriod?) async throws -> [Cost] {
        try await PageRequest.collect { try await list(pole: pole, within: period, page: $0) }
    }

    /// A cost's columns (`c` is the costs table), read back by ``cost(_:pole:)``.
    static let columns: StaticString =
        "c.id, c.resource_id, c.period_start, c.period_end, c.amount_cents, c.category, c.label, c.rule::text"

    static func cost(_ row: PostgresRow, pole: PoleID) throws -> Cost {
        let (id, resource, start, end, amount, category, label, rule) = try row.decode(
            (CostID, ResourceID?, LocalDate, LocalDate, Int, Cost.Category, String, String?).self)
        return Cost(
            id: id, poleID: pole, resourceID: resource, period: DatePeriod(start: start, end: end)!, amountCents: amount,
            category: category, label: label, rule: try rule.map(AllocationRuleJSON.decode)
        )
    }

    /// Refuses member ids that are not members of the pole, naming `field`.
    static func requireMembers(_ ids: [MemberID], pole: PoleID, field: String, _ connection: PostgresConnection) throws {
        let known = try connection.query(
            "SELECT count(*) FROM members WHERE pole_id = \(pole) AND id = ANY(\(ids))"
        ).first!.decode(Int.self, at: 0)
        if known != Set(ids).count { throw StoreError.invalid(field, "names a member that is not a member of this pole") }
    }
}
