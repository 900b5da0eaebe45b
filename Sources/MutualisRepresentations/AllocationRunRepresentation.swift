import Foundation
import MutualisDomain
import MutualisStore

/// An allocation run as the API answers and the CLI prints it with `--json`: its costs with
/// the rule each was shared by, and every member's line.
public struct AllocationRunRepresentation: Encodable, Sendable {
    /// A cost of the run and how it was shared.
    public struct CostShare: Encodable, Sendable {
        public var costId: String
        public var label: String
        public var category: String
        @NullEncoded public var resourceId: String?
        public var amountCents: Int
        public var unallocatedCents: Int
        public var rule: AllocationRule
        public var basisUnit: String
        /// The member that contributed the resource, credited with the cost.
        @NullEncoded public var creditMemberId: String?
    }

    /// A member's share of a cost.
    public struct Line: Encodable, Sendable {
        public var memberId: String
        public var costId: String
        /// The member's basis after its coefficient, in the cost's `basisUnit`.
        public var basis: Double
        /// The exact share of the cost before rounding, 0...1.
        public var share: Double
        public var amountCents: Int
    }

    public var id: String
    public var status: String
    public var periodStart: String
    public var periodEnd: String
    public var totalCents: Int
    public var allocatedCents: Int
    public var unallocatedCents: Int
    public var createdAt: Date
    public var computedAt: Date
    @NullEncoded public var finalizedAt: Date?
    public var costs: [CostShare]
    public var lines: [Line]

    public init(_ stored: StoredAllocationRun) {
        let run = stored.run
        id = run.id.description
        status = run.status.rawValue
        periodStart = run.period.start.description
        periodEnd = run.period.end.description
        totalCents = stored.totalCents
        unallocatedCents = run.unallocatedCents
        allocatedCents = totalCents - unallocatedCents
        createdAt = stored.createdAt
        computedAt = stored.computedAt
        finalizedAt = stored.finalizedAt
        costs = zip(stored.costs, run.allocations).map { shared, allocation in
            CostShare(
                costId: shared.cost.id.description, label: shared.cost.label, category: shared.cost.category.rawValue,
                resourceId: shared.cost.resourceID?.description, amountCents: shared.cost.amountCents,
                unallocatedCents: allocation.unallocatedCents, rule: shared.rule, basisUnit: shared.basisUnit,
                creditMemberId: allocation.credit?.memberID.description
            )
        }
        lines = run.allocations.flatMap { allocation in
            allocation.lines.map {
                Line(
                    memberId: $0.memberID.description, costId: $0.costID.description, basis: $0.basis, share: $0.share,
                    amountCents: $0.amountCents)
            }
        }
    }
}

/// A run as lists show it: no costs, no lines.
public struct AllocationRunSummaryRepresentation: Encodable, Sendable {
    public var id: String
    public var status: String
    public var periodStart: String
    public var periodEnd: String
    public var totalCents: Int
    public var unallocatedCents: Int
    public var costCount: Int
    public var createdAt: Date
    public var finalizedAt: Date?

    public init(_ summary: AllocationRunSummary) {
        id = summary.id.description
        status = summary.status.rawValue
        periodStart = summary.period.start.description
        periodEnd = summary.period.end.description
        totalCents = summary.totalCents
        unallocatedCents = summary.unallocatedCents
        costCount = summary.costCount
        createdAt = summary.createdAt
        finalizedAt = summary.finalizedAt
    }
}
