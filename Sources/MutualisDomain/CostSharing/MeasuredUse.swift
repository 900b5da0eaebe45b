/// Each member's use of a cost's resource as the shares weigh it: the use measured, or under
/// the commitment floor the larger of the use and the commitment, in the floor's exact parts.
struct MeasuredUse {
    /// Use by member position.
    var usage: [Int128]
    /// What one display unit (an hour, a km) is worth in the units of `usage`.
    var perDisplayUnit: Int128
    /// The capacity of the resource, in the units of `usage`.
    var capacity: Int128?
    /// Under a floor, what set each member's basis, by member position.
    var setBy: [BasisSource]?

    init(_ cost: CostToShare, usage measured: [Int], index: [MemberID: Int]) throws(AllocationError) {
        usage = measured.map { Int128(fast: $0) }
        perDisplayUnit = Int128(fast: cost.usagePerDisplayUnit)
        capacity = cost.capacity.map { Int128(fast: $0) }
        guard cost.rule.floor == .commitment else { return }
        var byMember = [[CommittedVolume]](repeating: [], count: usage.count)
        for commitment in cost.commitments {
            guard let position = index[commitment.memberID] else { throw .unknownMember(cost.costID, commitment.memberID) }
            guard commitment.perYear >= 0 else { throw .negativeUsage(cost.costID, commitment.memberID) }
            byMember[position].append(commitment)
        }
        let floor = CommitmentFloor(period: cost.period)
        var setBy = [BasisSource](repeating: .use, count: usage.count)
        for position in usage.indices {
            let used = usage[position] * floor.scale
            let committed = floor.committed(byMember[position])
            usage[position] = max(used, committed)
            if committed > used { setBy[position] = .commitment }
        }
        self.setBy = setBy
        perDisplayUnit *= floor.scale
        capacity = capacity.map { $0 * floor.scale }
    }
}
