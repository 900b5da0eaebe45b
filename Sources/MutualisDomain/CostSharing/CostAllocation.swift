/// How one cost was shared.
public struct CostAllocation: Hashable, Sendable {
    public var costID: CostID
    public var amountCents: Int
    /// One line per member with a share, by member id.
    public var lines: [AllocationLine]
    /// What no member pays: idle capacity under `absorb`, what solidarity coefficients took
    /// off under `absorb`, or a cost nobody used.
    public var unallocatedCents: Int
    /// The member that contributed the resource, credited with the whole cost.
    public var credit: Credit?

    public init(costID: CostID, amountCents: Int, lines: [AllocationLine], unallocatedCents: Int, credit: Credit?) {
        self.costID = costID
        self.amountCents = amountCents
        self.lines = lines
        self.unallocatedCents = unallocatedCents
        self.credit = credit
    }

    /// The amount a member pays for this cost, 0 if it has no line.
    public func amount(for member: MemberID) -> Int {
        lines.first { $0.memberID == member }?.amountCents ?? 0
    }

    /// What the members' lines charge, together.
    public var allocatedCents: Int { lines.reduce(0) { $0 + $1.amountCents } }

    /// The lines and the unallocated part add up to the cost, to the cent, none negative.
    public var isBalanced: Bool {
        allocatedCents + unallocatedCents == amountCents && unallocatedCents >= 0 && lines.allSatisfy { $0.amountCents >= 0 }
    }
}

/// A member's share of one cost.
public struct AllocationLine: Hashable, Sendable, Codable {
    public var memberID: MemberID
    public var costID: CostID
    /// The member's basis after its coefficient, in display units: hours, days, FTE, euros of
    /// budget, or percent for fixed shares; for hybrid rules, the basis of the variable part.
    public var basis: Double
    /// The member's exact share of the cost, before rounding to the cent (0...1).
    public var share: Double
    public var amountCents: Int
    /// Under a rule with a floor, whether the use or the commitment set the basis.
    public var basisSetBy: BasisSource?

    public init(memberID: MemberID, costID: CostID, basis: Double, share: Double, amountCents: Int, basisSetBy: BasisSource? = nil) {
        self.memberID = memberID
        self.costID = costID
        self.basis = basis
        self.share = share
        self.amountCents = amountCents
        self.basisSetBy = basisSetBy
    }
}

/// Money given back to the member that contributed a resource, for the cost it carried.
public struct Credit: Hashable, Sendable, Codable {
    public var memberID: MemberID
    public var costID: CostID
    public var amountCents: Int

    public init(memberID: MemberID, costID: CostID, amountCents: Int) {
        self.memberID = memberID
        self.costID = costID
        self.amountCents = amountCents
    }
}

/// Why a cost cannot be shared.
public enum AllocationError: Error, Hashable, Sendable, CustomStringConvertible {
    case negativeAmount(CostID)
    case negativeUsage(CostID, MemberID)
    case negativeCapacity(CostID)
    /// Usage or a fixed share names a member the run does not know.
    case unknownMember(CostID, MemberID)
    /// The rule is incomplete or wrong.
    case invalidRule(CostID, [FieldError])
    /// The bases are too large to share exactly (beyond 128-bit arithmetic).
    case basesTooLarge(CostID)

    public var description: String {
        switch self {
        case .negativeAmount(let cost): "cost \(cost) has a negative amount"
        case .negativeUsage(let cost, let member): "cost \(cost): member \(member) has negative usage"
        case .negativeCapacity(let cost): "cost \(cost) has a negative capacity"
        case .unknownMember(let cost, let member): "cost \(cost) names member \(member), who is not a member of the pole"
        case .invalidRule(let cost, let errors):
            "cost \(cost) has an invalid rule: " + errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case .basesTooLarge(let cost): "cost \(cost): the bases are too large to share exactly"
        }
    }
}
