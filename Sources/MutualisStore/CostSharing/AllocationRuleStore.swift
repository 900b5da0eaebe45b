import Foundation
import MutualisDomain
import PostgresClient

/// A resource's allocation rule and the day it takes effect (`nil`: since always).
public struct DatedAllocationRule: Sendable, Equatable {
    public var resourceID: ResourceID
    public var effectiveFrom: LocalDate?
    public var rule: AllocationRule
    /// True when the resource has no rule for that day and the default applies.
    public var isDefault: Bool

    public init(resourceID: ResourceID, effectiveFrom: LocalDate?, rule: AllocationRule, isDefault: Bool = false) {
        self.resourceID = resourceID
        self.effectiveFrom = effectiveFrom
        self.rule = rule
        self.isDefault = isDefault
    }
}

/// The rules by which each resource's costs are shared, dated: a change applies from a day
/// on, and a run shares each cost by the rule in force on the first day of its period.
public struct AllocationRuleStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Sets the rule in force from `effectiveFrom` (since always without one), replacing a
    /// rule set for that same day.
    public func set(
        pole: PoleID, resource: ResourceID, rule: AllocationRule, effectiveFrom: LocalDate?, actor: Actor
    ) async throws -> DatedAllocationRule {
        let errors = rule.validationErrors()
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        let json = try AllocationRuleJSON.encode(rule)
        return try await database.withTransaction { connection in
            _ = try ResourceStore.get(pole: pole, resource, connection, forUpdate: true)
            if let shares = rule.fixedShares {
                try CostStore.requireMembers(Array(shares.keys), pole: pole, field: "fixedShares", connection)
            }
            try connection.execute(
                """
                INSERT INTO allocation_rules (pole_id, resource_id, effective_from, rule, created_by)
                VALUES (\(pole), \(resource), coalesce(\(effectiveFrom)::date, '-infinity'), \(json)::jsonb, \(actor.userID))
                ON CONFLICT (resource_id, effective_from)
                DO UPDATE SET rule = EXCLUDED.rule, created_by = EXCLUDED.created_by, created_at = now()
                """
            )
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "set-allocation-rule", entity: "resource", entityID: resource.uuid,
                to: effectiveFrom?.description ?? "always", details: json
            )
            return DatedAllocationRule(resourceID: resource, effectiveFrom: effectiveFrom, rule: rule)
        }
    }

    /// The rule in force on a day (today in the pole's time zone without one); the default
    /// (usage, booked, full) if none is.
    public func rule(pole: PoleID, resource: ResourceID, on day: LocalDate?) async throws -> DatedAllocationRule {
        try await database.withSnapshot { connection in
            _ = try ResourceStore.get(pole: pole, resource, connection)
            let day = try day ?? BookingStore.poleZone(connection, pole).date(of: Date())
            guard
                let row = try connection.query(
                    """
                    SELECT CASE WHEN isfinite(effective_from) THEN effective_from END, rule::text FROM allocation_rules
                    WHERE resource_id = \(resource) AND effective_from <= \(day)
                    ORDER BY effective_from DESC LIMIT 1
                    """
                ).first
            else {
                return DatedAllocationRule(resourceID: resource, effectiveFrom: nil, rule: .resourceDefault, isDefault: true)
            }
            let (from, rule) = try row.decode((LocalDate?, String).self)
            return DatedAllocationRule(resourceID: resource, effectiveFrom: from, rule: try AllocationRuleJSON.decode(rule))
        }
    }

    /// Every dated rule of a resource, oldest first.
    public func history(pole: PoleID, resource: ResourceID) async throws -> [DatedAllocationRule] {
        try await database.withSnapshot { connection in
            _ = try ResourceStore.get(pole: pole, resource, connection)
            return try connection.query(
                """
                SELECT CASE WHEN isfinite(effective_from) THEN effective_from END, rule::text FROM allocation_rules
                WHERE resource_id = \(resource) ORDER BY effective_from
                """
            ).rows.map { row in
                let (from, rule) = try row.decode((LocalDate?, String).self)
                return DatedAllocationRule(resourceID: resource, effectiveFrom: from, rule: try AllocationRuleJSON.decode(rule))
            }
        }
    }
}
