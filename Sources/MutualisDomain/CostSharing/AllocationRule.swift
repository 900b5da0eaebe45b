/// How a cost is shared among members.
public struct AllocationRule: Hashable, Sendable, Codable {
    /// The key of the shares.
    public enum Method: String, Sendable, NamedValue {
        /// In proportion to each member's use.
        case usage
        /// Equally among active members, pro rata of their days of membership.
        case equal
        /// In proportion to a member attribute (headcount, budget).
        case weighted
        /// Agreed percentages summing to 100.
        case fixed
        /// A fixed part by one key, the rest by use; each member's parts added before rounding.
        case hybrid
    }

    /// What counts as use.
    public enum Basis: String, Sendable, NamedValue {
        /// Unit-hours of confirmed bookings (and late cancellations) within the period.
        case booked
        /// Recorded actual usage: hours, km or uses.
        case actual
    }

    /// Who pays for unused capacity.
    public enum Idle: String, Sendable, NamedValue {
        /// The users share the whole cost.
        case full
        /// Users pay `cost × used / available`; the pole keeps the rest, unallocated.
        case absorb
    }

    /// A lower bound on each member's use.
    public enum Floor: String, Sendable, NamedValue {
        /// The larger of the use and the member's commitments, pro rata of the period.
        case commitment
    }

    /// A member attribute to weigh by.
    public enum Weight: String, Sendable, NamedValue {
        case headcount, budget
    }

    /// The key of a hybrid rule's fixed part.
    public enum FixedKey: String, Sendable, NamedValue {
        case equal, headcount, budget
    }

    public var method: Method
    public var basis: Basis
    public var idle: Idle
    public var weight: Weight?
    /// Percentages by member, for `fixed`; they sum to 100.
    public var fixedShares: [MemberID: Double]?
    /// The fixed part of a hybrid rule, 0...1 (0.4 is 40 %).
    public var fixedPart: Double?
    public var fixedKey: FixedKey?
    /// What each member's use counts at least, for `usage` and the variable part of `hybrid`.
    public var floor: Floor?

    public init(
        method: Method, basis: Basis = .booked, idle: Idle = .full, weight: Weight? = nil,
        fixedShares: [MemberID: Double]? = nil, fixedPart: Double? = nil, fixedKey: FixedKey? = nil, floor: Floor? = nil
    ) {
        self.method = method
        self.basis = basis
        self.idle = idle
        self.weight = weight
        self.fixedShares = fixedShares
        self.fixedPart = fixedPart
        self.fixedKey = fixedKey
        self.floor = floor
    }

    enum CodingKeys: String, CodingKey {
        case method, basis, idle, weight, fixedShares, fixedPart, fixedKey, floor
    }

    /// Reads a rule as the API writes it; `basis` and `idle` default to booked and full.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        method = try container.decode(Method.self, forKey: .method)
        basis = try container.decodeIfPresent(Basis.self, forKey: .basis) ?? .booked
        idle = try container.decodeIfPresent(Idle.self, forKey: .idle) ?? .full
        weight = try container.decodeIfPresent(Weight.self, forKey: .weight)
        fixedShares = try container.decodeIfPresent([MemberID: Double].self, forKey: .fixedShares)
        fixedPart = try container.decodeIfPresent(Double.self, forKey: .fixedPart)
        fixedKey = try container.decodeIfPresent(FixedKey.self, forKey: .fixedKey)
        floor = try container.decodeIfPresent(Floor.self, forKey: .floor)
    }

    /// The rule of a resource without one: usage, booked, full.
    public static let resourceDefault = AllocationRule(method: .usage)
    /// The rule of a pole-wide cost without one: equal.
    public static let poleWideDefault = AllocationRule(method: .equal)

    /// What the basis of a line counts under this rule, given what a unit of use is
    /// (`hours` for bookings, the recorded unit for actual usage).
    public func basisUnit(usageUnit: String) -> String {
        switch method {
        case .usage, .hybrid: usageUnit
        case .equal: "days"
        case .weighted: weight == .budget ? "euros" : "fte"
        case .fixed: "percent"
        }
    }

    /// What is missing or wrong, each naming its field. Every field given is checked, even
    /// one the method does not use: what is stored can always be used later.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        if let fixedShares {
            // Each percentage within 0...100 keeps their sum in ten-thousandths far from overflow.
            if fixedShares.values.contains(where: { !(0...100).contains($0) }) {
                errors.append(FieldError(field: "fixedShares", message: "percentages are between 0 and 100"))
            } else if let shares = fixedShareTenThousandths {
                if method == .fixed && shares.values.reduce(0, +) != 1_000_000 {
                    errors.append(FieldError(field: "fixedShares", message: "percentages must sum to 100"))
                }
            } else {
                errors.append(FieldError(field: "fixedShares", message: "percentages have at most four decimals"))
            }
        }
        if let fixedPart, !(0...1).contains(fixedPart) || fixedPartTenThousandths == nil {
            errors.append(FieldError(field: "fixedPart", message: "the fixed part is between 0 and 1, with at most four decimals"))
        }
        if floor != nil && method != .usage && method != .hybrid {
            errors.append(FieldError(field: "floor", message: "a floor applies to use: the usage and hybrid methods only"))
        }
        switch method {
        case .usage, .equal:
            break
        case .weighted:
            if weight == nil { errors.append(FieldError(field: "weight", message: "a weighted rule needs a weight: headcount or budget")) }
        case .fixed:
            if fixedShares?.isEmpty ?? true {
                errors.append(FieldError(field: "fixedShares", message: "a fixed rule needs the members' percentages"))
            }
        case .hybrid:
            if fixedPart == nil {
                errors.append(FieldError(field: "fixedPart", message: "a hybrid rule needs its fixed part, between 0 and 1"))
            }
            if fixedKey == nil {
                errors.append(
                    FieldError(field: "fixedKey", message: "a hybrid rule needs the key of its fixed part: equal, headcount or budget"))
            }
        }
        return errors
    }

    /// Percentages in ten-thousandths of a percent (100 % is 1 000 000), if exact to four decimals.
    var fixedShareTenThousandths: [MemberID: Int]? {
        guard let fixedShares else { return nil }
        var result: [MemberID: Int] = [:]
        for (member, percent) in fixedShares {
            guard let exact = FixedPoint.exact(percent, scale: 10_000) else { return nil }
            result[member] = exact
        }
        return result
    }

    /// The fixed part in ten-thousandths (0.4 is 4 000), if exact to four decimals.
    var fixedPartTenThousandths: Int? {
        fixedPart.flatMap { FixedPoint.exact($0, scale: 10_000) }
    }
}
