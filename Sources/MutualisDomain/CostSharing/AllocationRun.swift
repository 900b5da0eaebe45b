/// A computation of every cost of a period into charges per member.
public struct AllocationRun: Hashable, Sendable {
    /// A draft can be recomputed; a finalised run never changes.
    public enum Status: String, Sendable, Codable {
        case draft, finalized
    }

    public var id: AllocationRunID
    public var poleID: PoleID
    public var period: DatePeriod
    public var status: Status
    public var allocations: [CostAllocation]

    public init(id: AllocationRunID, poleID: PoleID, period: DatePeriod, status: Status, allocations: [CostAllocation]) {
        self.id = id
        self.poleID = poleID
        self.period = period
        self.status = status
        self.allocations = allocations
    }

    /// Every member line of every cost.
    public var lines: [AllocationLine] { allocations.flatMap(\.lines) }

    /// The members the run charges or credits, by id: those who have a statement.
    public var involvedMembers: [MemberID] {
        Set(lines.map(\.memberID) + allocations.compactMap { $0.credit?.memberID }).sorted()
    }

    /// What the members pay, over all costs.
    public var allocatedCents: Int { allocations.reduce(0) { $0 + $1.allocatedCents } }

    /// What no member pays, over all costs.
    public var unallocatedCents: Int { allocations.reduce(0) { $0 + $1.unallocatedCents } }

    /// The statement of one member.
    public func statement(for member: MemberID) -> Statement {
        Statement(
            memberID: member,
            lines: lines.filter { $0.memberID == member },
            credits: allocations.compactMap(\.credit).filter { $0.memberID == member }
        )
    }
}

/// What one member owes for a run: its lines, minus credits for resources it contributed.
public struct Statement: Hashable, Sendable {
    public var memberID: MemberID
    public var lines: [AllocationLine]
    public var credits: [Credit]

    public init(memberID: MemberID, lines: [AllocationLine], credits: [Credit]) {
        self.memberID = memberID
        self.lines = lines
        self.credits = credits
    }

    /// Charges over all lines.
    public var chargedCents: Int { lines.reduce(0) { $0 + $1.amountCents } }
    /// Credits over all contributed resources.
    public var creditedCents: Int { credits.reduce(0) { $0 + $1.amountCents } }
    /// What the member pays (negative: what it receives).
    public var netCents: Int { chargedCents - creditedCents }
}
