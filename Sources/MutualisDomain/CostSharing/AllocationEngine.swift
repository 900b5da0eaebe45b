/// Shares costs among members, exactly and deterministically.
///
/// Every share is computed as an exact fraction of the cost in 128-bit integers (coefficients,
/// headcounts and percentages are fixed-point integers), then rounded once with the largest
/// remainder method: the lines plus the unallocated amount always equal the cost, to the cent,
/// and the same input in any order gives the same result.
///
/// A cost that nobody used under `usage` stays whole as unallocated: charging it to members
/// who did not use it would need a rule the pole has not chosen.
public enum AllocationEngine {
    /// Ten-thousandths: the scale of coefficients and of a hybrid rule's fixed part.
    static let scale: Int128 = 10_000

    /// Shares each cost among the members; results in the order of the costs.
    public static func allocate(_ costs: [CostToShare], among members: [AllocationMember]) throws(AllocationError) -> [CostAllocation] {
        let sorted = members.sorted { $0.id < $1.id }
        let members = SortedMembers(sorted)
        var result: [CostAllocation] = []
        result.reserveCapacity(costs.count)
        for cost in costs {
            result.append(try allocate(cost, members: members))
        }
        return result
    }

    /// Shares one cost among the members.
    public static func allocate(_ cost: CostToShare, among members: [AllocationMember]) throws(AllocationError) -> CostAllocation {
        try allocate([cost], among: members)[0]
    }

    private static func allocate(_ cost: CostToShare, members sortedMembers: SortedMembers) throws(AllocationError) -> CostAllocation {
        let members = sortedMembers.members
        let index = sortedMembers.index
        let id = cost.costID
        guard cost.amountCents >= 0 else { throw .negativeAmount(id) }
        let ruleErrors = cost.rule.validationErrors()
        guard ruleErrors.isEmpty else { throw .invalidRule(id, ruleErrors) }
        // Each member's use, by position: looked up once, as it is checked.
        var usage = [Int](repeating: 0, count: members.count)
        for (member, amount) in cost.usage {
            guard let position = index[member] else { throw .unknownMember(id, member) }
            guard amount >= 0 else { throw .negativeUsage(id, member) }
            usage[position] = amount
        }
        if let capacity = cost.capacity, capacity < 0 { throw .negativeCapacity(id) }
        let measured = try MeasuredUse(cost, usage: usage, index: index)

        let keys = WeightKeys(cost: cost, members: sortedMembers, measured: measured)
        let rule = cost.rule
        var parts: [SharePart]
        let displayed: [Double]
        switch rule.method {
        case .usage:
            parts = [keys.usagePart(fraction: scale)]
            displayed = keys.usageDisplay
        case .equal:
            parts = [keys.membershipPart(fraction: scale)]
            displayed = keys.daysDisplay
        case .weighted:
            let weight = rule.weight!
            parts = [keys.attributePart(weight == .headcount ? .headcount : .budget, fraction: scale)]
            displayed = keys.attributeDisplay(weight == .headcount ? .headcount : .budget)
        case .fixed:
            let shares = rule.fixedShareTenThousandths!
            for member in shares.keys where index[member] == nil { throw .unknownMember(id, member) }
            parts = [keys.fixedPart(shares, fraction: scale)]
            displayed = members.map { Double(shares[$0.id] ?? 0) / 10_000 }
        case .hybrid:
            let fixed = Int128(fast: rule.fixedPartTenThousandths!)
            let fixedPart: SharePart =
                switch rule.fixedKey! {
                case .equal: keys.membershipPart(fraction: fixed)
                case .headcount: keys.attributePart(.headcount, fraction: fixed)
                case .budget: keys.attributePart(.budget, fraction: fixed)
                }
            parts = [fixedPart, keys.usagePart(fraction: scale - fixed)]
            displayed = keys.usageDisplay
        }
        parts = parts.map { $0.normalized() }

        guard let exact = ExactShares(parts: parts, amountCents: Int128(fast: cost.amountCents)) else { throw .basesTooLarge(id) }
        // The pole comes last: on equal remainders, members before the pole.
        let amounts = LargestRemainder.round(
            numerators: exact.numerators + [exact.poleNumerator],
            denominator: exact.denominator,
            total: cost.amountCents
        )
        var lines: [AllocationLine] = []
        for (position, member) in members.enumerated() where exact.numerators[position] != 0 || amounts[position] != 0 {
            lines.append(
                AllocationLine(
                    memberID: member.id, costID: id, basis: displayed[position],
                    share: parts.reduce(0) { $0 + $1.share(of: position) }, amountCents: amounts[position],
                    basisSetBy: measured.setBy?[position]
                ))
        }
        return CostAllocation(
            costID: id, amountCents: cost.amountCents, lines: lines, unallocatedCents: amounts[members.count],
            credit: cost.ownerMemberID.map { Credit(memberID: $0, costID: id, amountCents: cost.amountCents) }
        )
    }
}

/// A part of a cost (`fraction` ten-thousandths of it) shared in proportion to `weights`
/// out of `total`; what the weights leave of the total is the pole's.
struct SharePart {
    var fraction: Int128
    var weights: [Int128]
    var total: Int128

    /// The same part with weights and total divided by their greatest common divisor, so that
    /// exact arithmetic stays small; a part nobody has a weight in is given to the pole whole.
    func normalized() -> SharePart {
        guard total > 0 else { return SharePart(fraction: fraction, weights: weights.map { _ in 0 }, total: 1) }
        var divisor = total
        for weight in weights where weight != 0 {
            divisor = gcd(divisor, weight)
            // Nothing to divide: not a 128-bit division by 1 per member.
            if divisor == 1 { return self }
        }
        return SharePart(fraction: fraction, weights: weights.map { $0 / divisor }, total: total / divisor)
    }

    /// A member's exact share of the whole cost from this part, as a decimal.
    func share(of position: Int) -> Double {
        fraction.fastDouble / 10_000 * weights[position].fastDouble / total.fastDouble
    }
}

func gcd(_ a: Int128, _ b: Int128) -> Int128 {
    var (x, y) = (a.magnitude, b.magnitude)
    // Bases nearly always fit in 64 bits, where division is done by the processor.
    while y != 0 {
        if x <= UInt64.max && y <= UInt64.max {
            var (small, smaller) = (UInt64(x), UInt64(y))
            while smaller != 0 { (small, smaller) = (smaller, small % smaller) }
            return Int128(_low: small, _high: 0)
        }
        (x, y) = (y, x % y)
    }
    return Int128(x)
}

/// Every participant's exact amount as `numerator / denominator` cents, over one common
/// denominator; `nil` if that does not fit in 128 bits.
struct ExactShares {
    var numerators: [Int128]
    var poleNumerator: Int128
    var denominator: Int128

    init?(parts: [SharePart], amountCents: Int128) {
        func times(_ a: Int128, _ b: Int128) -> Int128? {
            let (value, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? nil : value
        }
        func plus(_ a: Int128, _ b: Int128) -> Int128? {
            let (value, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : value
        }
        let count = parts[0].weights.count
        var numerators = [Int128](repeating: 0, count: count)
        let denominator: Int128
        if parts.count == 1 {
            // One part is the whole cost: amount × weight / total.
            denominator = parts[0].total
            for position in 0..<count {
                guard let value = times(amountCents, parts[0].weights[position]) else { return nil }
                numerators[position] = value
            }
        } else {
            // amount × Σ fraction_p × weight_p / total_p / scale, over scale × Π total.
            guard var product = times(AllocationEngine.scale, parts[0].total) else { return nil }
            for part in parts.dropFirst() {
                guard let next = times(product, part.total) else { return nil }
                product = next
            }
            denominator = product
            for (p, part) in parts.enumerated() {
                var factor = part.fraction
                for (q, other) in parts.enumerated() where q != p {
                    guard let next = times(factor, other.total) else { return nil }
                    factor = next
                }
                guard let scaled = times(amountCents, factor) else { return nil }
                for position in 0..<count where part.weights[position] != 0 {
                    guard let term = times(scaled, part.weights[position]),
                        let sum = plus(numerators[position], term)
                    else { return nil }
                    numerators[position] = sum
                }
            }
        }
        guard let whole = times(amountCents, denominator) else { return nil }
        var pole = whole
        for numerator in numerators {
            guard let rest = plus(pole, -numerator) else { return nil }
            pole = rest
        }
        self.numerators = numerators
        self.poleNumerator = max(0, pole)
        self.denominator = denominator
    }
}
