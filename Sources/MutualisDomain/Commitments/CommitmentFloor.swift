/// A member's commitment as the allocation engine sees it: a volume a year over a term.
public struct CommittedVolume: Hashable, Sendable {
    public var memberID: MemberID
    /// The volume a year, in the cost's units of use (milliseconds of unit-time, or
    /// thousandths of a km or a use).
    public var perYear: Int
    public var term: DatePeriod

    public init(memberID: MemberID, perYear: Int, term: DatePeriod) {
        self.memberID = memberID
        self.perYear = perYear
        self.term = term
    }
}

/// What set a member's basis under a rule with a floor.
public enum BasisSource: String, Sendable, NamedValue {
    /// The member used more than it committed to.
    case use
    /// The member used less than its commitment, pro rata of the period, and pays for that.
    case commitment
}

/// The commitment floor, exactly: a commitment counts its volume a year pro rata of the days
/// the period and its term share, each day being 1/365 or 1/366 of its own year.
///
/// Pro rata volumes are rarely whole units of use (100 hours over 31 days of 365), so every
/// use is counted in `scale` parts: 365 (or 366) for a period within one year, 133 590 (their
/// least common multiple) for one across a common and a leap year. Shares are then exact
/// fractions of exact bases, as without a floor.
public struct CommitmentFloor: Sendable {
    /// Parts per unit of use, making every pro rata volume of the period whole.
    public let scale: Int128
    private let period: DatePeriod

    /// The floor over a period.
    public init(period: DatePeriod) {
        self.period = period
        let lengths = Set((period.start.year...period.end.adding(days: -1).year).map(Self.daysIn(year:)))
        scale = lengths.count == 1 ? Int128(fast: lengths.first!) : 365 * 366
    }

    /// The volume of the commitments over the period, in `scale` parts of a unit of use.
    public func committed(_ commitments: [CommittedVolume]) -> Int128 {
        var total: Int128 = 0
        for commitment in commitments {
            guard let shared = period.intersection(commitment.term) else { continue }
            var day = shared.start
            while day < shared.end {
                // The shared days of one year, each worth scale / days-in-year parts a unit.
                let yearEnd = min(LocalDate(year: day.year + 1, month: 1, day: 1)!, shared.end)
                let days = Int128(fast: day.days(until: yearEnd))
                total += Int128(fast: commitment.perYear) * days * (scale / Int128(fast: Self.daysIn(year: day.year)))
                day = yearEnd
            }
        }
        return total
    }

    static func daysIn(year: Int) -> Int {
        LocalDate.daysIn(year: year, month: 2) == 29 ? 366 : 365
    }
}
