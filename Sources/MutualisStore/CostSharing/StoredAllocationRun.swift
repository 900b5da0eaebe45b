import Foundation
import MutualisDomain

/// An allocation run as stored: the domain run, what each of its costs was and the rule that
/// shared it, and when it was computed and finalised.
public struct StoredAllocationRun: Sendable {
    public var run: AllocationRun
    /// The costs of the run, by id.
    public var costs: [SharedCost]
    public var createdAt: Date
    public var computedAt: Date
    public var finalizedAt: Date?
    /// The draft as it stood before its last recompute, if it was recomputed.
    public var previous: RunRevision?

    /// The total of the run's costs.
    public var totalCents: Int { costs.reduce(0) { $0 + $1.cost.amountCents } }

    /// What one cost of the run is.
    public func cost(_ id: CostID) -> SharedCost? {
        costs.first { $0.cost.id == id }
    }

    /// Which computation of the run this is: its time in microseconds, which a recompute
    /// changes. A review carries it to the finalisation.
    public var version: Int { Self.version(of: computedAt) }

    static func version(of computedAt: Date) -> Int {
        Int((computedAt.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// What the last recompute changed, if the run was recomputed.
    public var changes: RunChanges? { previous.map { run.changes(since: $0) } }
}

/// One cost of a run, with the rule the run shared it by (frozen with the run).
public struct SharedCost: Sendable {
    public var cost: Cost
    public var rule: AllocationRule
    /// What the basis of its lines counts: hours, days, fte, euros, percent, km, uses.
    public var basisUnit: String

    public init(cost: Cost, rule: AllocationRule, basisUnit: String) {
        self.cost = cost
        self.rule = rule
        self.basisUnit = basisUnit
    }
}

/// A run as lists show it, without its lines.
public struct AllocationRunSummary: Sendable {
    public var id: AllocationRunID
    public var period: DatePeriod
    public var status: AllocationRun.Status
    public var totalCents: Int
    public var unallocatedCents: Int
    public var costCount: Int
    public var createdAt: Date
    public var finalizedAt: Date?
}

/// One member's part of a run: the run, and who the member is.
public struct MemberStatement: Sendable {
    /// The run; lines of other members, if it has them, are left out of the statement.
    public var run: StoredAllocationRun
    public var member: Member
    public var currency: String
    /// The member's late cancellations and no-shows in the run's period: time that counts
    /// in its use although nobody used it.
    public var countedBookings: [Booking]

    public init(run: StoredAllocationRun, member: Member, currency: String, countedBookings: [Booking] = []) {
        self.run = run
        self.member = member
        self.currency = currency
        self.countedBookings = countedBookings
    }
}

/// Something that happened to a run, from the audit log.
public struct RunEvent: Sendable, Equatable {
    public enum Action: String, Sendable {
        case create, recompute, finalize, other
    }

    public var action: Action
    public var at: Date
    /// The name of the user who acted, or `admin-cli`.
    public var actor: String
}
