/// The members of a run in the engine's order, with what every cost weighs them by.
///
/// Worked out once per run, not per cost: a year's run shares thousands of costs among a
/// thousand members, over a dozen periods.
final class SortedMembers {
    let members: [AllocationMember]
    let index: [MemberID: Int]
    let coefficients: [Int128]
    private var daysByPeriod: [DatePeriod: [Int]] = [:]

    init(_ sorted: [AllocationMember]) {
        members = sorted
        index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.id, $0) })
        coefficients = sorted.map { Int128(fast: $0.coefficient.tenThousandths) }
    }

    /// Each member's days of membership within a period.
    func days(in period: DatePeriod) -> [Int] {
        if let days = daysByPeriod[period] { return days }
        let days = members.map { Member.membershipDays(joinedOn: $0.joinedOn, leftOn: $0.leftOn, in: period) }
        daysByPeriod[period] = days
        return days
    }
}
