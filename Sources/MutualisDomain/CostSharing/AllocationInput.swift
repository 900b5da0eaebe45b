/// A member as the allocation engine sees it.
public struct AllocationMember: Hashable, Sendable {
    public var id: MemberID
    /// The solidarity coefficient of its category (1 without one).
    public var coefficient: Coefficient
    /// FTE in hundredths, for `headcount` keys.
    public var headcountHundredths: Int
    /// For `budget` keys.
    public var annualBudgetCents: Int
    public var joinedOn: LocalDate
    public var leftOn: LocalDate?

    public init(
        id: MemberID, coefficient: Coefficient = .one, headcountHundredths: Int = 0, annualBudgetCents: Int = 0,
        joinedOn: LocalDate, leftOn: LocalDate? = nil
    ) {
        self.id = id
        self.coefficient = coefficient
        self.headcountHundredths = headcountHundredths
        self.annualBudgetCents = annualBudgetCents
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }
}

/// One cost to share, with the use made of its resource in its period.
public struct CostToShare: Hashable, Sendable {
    public var costID: CostID
    public var amountCents: Int
    public var period: DatePeriod
    /// The rule in force for the cost.
    public var rule: AllocationRule
    /// Each member's use, in ``Measure`` units (booked seconds, or thousandths of the
    /// recorded unit), as the rule's basis asks.
    public var usage: [MemberID: Int]
    /// What one display unit of use is worth in those units: 3 600 for seconds shown as hours.
    public var usagePerDisplayUnit: Int
    /// Available capacity in the same units, for `absorb`: units × open time in the period.
    public var capacity: Int?
    /// The member that contributed the resource, credited with the cost.
    public var ownerMemberID: MemberID?
    /// The members' commitments on the resource, for a rule with the commitment floor.
    public var commitments: [CommittedVolume]

    public init(
        costID: CostID, amountCents: Int, period: DatePeriod, rule: AllocationRule, usage: [MemberID: Int] = [:],
        usagePerDisplayUnit: Int = 3_600, capacity: Int? = nil, ownerMemberID: MemberID? = nil, commitments: [CommittedVolume] = []
    ) {
        self.costID = costID
        self.amountCents = amountCents
        self.period = period
        self.rule = rule
        self.usage = usage
        self.usagePerDisplayUnit = usagePerDisplayUnit
        self.capacity = capacity
        self.ownerMemberID = ownerMemberID
        self.commitments = commitments
    }
}
