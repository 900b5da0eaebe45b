import Foundation

/// A draft run as it stood before it was computed again: what each member was charged and
/// which costs it shared, so that what a recompute changed can be said before finalising.
public struct RunRevision: Hashable, Sendable {
    /// When that computation was made.
    public var computedAt: Date
    /// The cents charged to each member (members charged nothing may be absent).
    public var charges: [MemberID: Int]
    /// The amount of each cost it shared.
    public var costs: [CostID: Int]

    public init(computedAt: Date, charges: [MemberID: Int], costs: [CostID: Int]) {
        self.computedAt = computedAt
        self.charges = charges
        self.costs = costs
    }
}

/// What changed between a revision of a run and the run as it is now.
public struct RunChanges: Hashable, Sendable {
    /// A member whose charge moved.
    public struct Charge: Hashable, Sendable {
        public var memberID: MemberID
        public var beforeCents: Int
        public var afterCents: Int
        public var differenceCents: Int { afterCents - beforeCents }

        public init(memberID: MemberID, beforeCents: Int, afterCents: Int) {
            self.memberID = memberID
            self.beforeCents = beforeCents
            self.afterCents = afterCents
        }
    }

    /// A cost whose amount differs (added costs count from 0, removed ones go to 0).
    public struct CostChange: Hashable, Sendable {
        public var costID: CostID
        public var beforeCents: Int?
        public var afterCents: Int?

        public init(costID: CostID, beforeCents: Int?, afterCents: Int?) {
            self.costID = costID
            self.beforeCents = beforeCents
            self.afterCents = afterCents
        }
    }

    public var charges: [Charge]
    public var costs: [CostChange]

    /// Nothing moved: the recompute found what the previous one had found.
    public var isEmpty: Bool { charges.isEmpty && costs.isEmpty }
}

extension AllocationRun {
    /// The cents charged to each member that has a line.
    public var charges: [MemberID: Int] {
        var charges: [MemberID: Int] = [:]
        for line in lines { charges[line.memberID, default: 0] += line.amountCents }
        return charges
    }

    /// What moved since `revision`: members in the order of their ids, costs likewise.
    public func changes(since revision: RunRevision) -> RunChanges {
        let now = charges
        let members = Set(now.keys).union(revision.charges.keys).sorted()
        let chargeChanges = members.compactMap { member -> RunChanges.Charge? in
            let before = revision.charges[member] ?? 0
            let after = now[member] ?? 0
            return before == after ? nil : RunChanges.Charge(memberID: member, beforeCents: before, afterCents: after)
        }
        let amounts = Dictionary(uniqueKeysWithValues: allocations.map { ($0.costID, $0.amountCents) })
        let costs = Set(amounts.keys).union(revision.costs.keys).sorted()
        let costChanges = costs.compactMap { cost -> RunChanges.CostChange? in
            let before = revision.costs[cost]
            let after = amounts[cost]
            return before == after ? nil : RunChanges.CostChange(costID: cost, beforeCents: before, afterCents: after)
        }
        return RunChanges(charges: chargeChanges, costs: costChanges)
    }
}
