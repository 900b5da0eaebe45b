/// The members' weights under each key, for one cost, in the order of the sorted members.
struct WeightKeys {
    enum Attribute { case headcount, budget }

    let cost: CostToShare
    let members: [AllocationMember]
    private let coefficients: [Int128]
    /// Each member's days of membership within the cost's period.
    private let days: [Int]
    /// Each member's use of the cost's resource, after any floor.
    private let usage: [Int128]
    /// What one display unit of use is worth, in the units of `usage`.
    private let usagePerDisplayUnit: Int128
    /// The resource's capacity, in the units of `usage`.
    private let capacity: Int128?

    /// The keys of `cost`, whose use is measured as `measured` says (by member position).
    init(cost: CostToShare, members sorted: SortedMembers, measured: MeasuredUse) {
        self.cost = cost
        members = sorted.members
        coefficients = sorted.coefficients
        days = sorted.days(in: cost.period)
        usage = measured.usage
        usagePerDisplayUnit = measured.perDisplayUnit
        capacity = measured.capacity
    }

    /// Use × coefficient; out of the total use (`full`) or of the capacity (`absorb`).
    func usagePart(fraction: Int128) -> SharePart {
        let weights = zip(usage, coefficients).map { $0 * $1 }
        let weighted = weights.reduce(0, +)
        let total: Int128
        switch cost.rule.idle {
        case .full:
            total = weighted
        case .absorb:
            let used = usage.reduce(0, +)
            let available = max(capacity ?? 0, used)
            total = max(available * AllocationEngine.scale, weighted)
        }
        return SharePart(fraction: fraction, weights: weights, total: total)
    }

    /// Days of membership in the period × coefficient.
    func membershipPart(fraction: Int128) -> SharePart {
        let weights = zip(days, coefficients).map { Int128(fast: $0) * $1 }
        return SharePart(fraction: fraction, weights: weights, total: weights.reduce(0, +))
    }

    /// A member attribute × coefficient, for members active in the period.
    func attributePart(_ attribute: Attribute, fraction: Int128) -> SharePart {
        let weights = members.indices.map { position -> Int128 in
            guard days[position] > 0 else { return 0 }
            return Int128(fast: attributeValue(attribute, members[position])) * coefficients[position]
        }
        return SharePart(fraction: fraction, weights: weights, total: weights.reduce(0, +))
    }

    /// Agreed percentages, in ten-thousandths of a percent; coefficients do not apply.
    func fixedPart(_ shares: [MemberID: Int], fraction: Int128) -> SharePart {
        SharePart(fraction: fraction, weights: members.map { Int128(fast: shares[$0.id] ?? 0) }, total: 1_000_000)
    }

    var usageDisplay: [Double] {
        let perUnit = max(1, usagePerDisplayUnit).fastDouble
        return members.indices.map { position in
            usage[position].fastDouble * members[position].coefficient.value / perUnit
        }
    }

    var daysDisplay: [Double] {
        zip(days, members).map { Double($0) * $1.coefficient.value }
    }

    func attributeDisplay(_ attribute: Attribute) -> [Double] {
        members.indices.map { position in
            days[position] > 0 ? Double(attributeValue(attribute, members[position])) / 100 * members[position].coefficient.value : 0
        }
    }

    private func attributeValue(_ attribute: Attribute, _ member: AllocationMember) -> Int {
        switch attribute {
        case .headcount: member.headcountHundredths
        case .budget: member.annualBudgetCents
        }
    }
}
