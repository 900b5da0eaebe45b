/// Rounds exact shares to whole cents so that they add up to the total exactly.
///
/// Each share first gets its whole cents; the cents left over go one each to the largest
/// remainders, ties going to the earlier participant — callers list members by id, so ties
/// go to the smallest member id.
enum LargestRemainder {
    /// `numerators[i] / denominator` is participant i's exact share; they sum to `total`.
    static func round(numerators: [Int128], denominator: Int128, total: Int) -> [Int] {
        var amounts = [Int](repeating: 0, count: numerators.count)
        var remainders: [(remainder: Int128, index: Int)] = []
        for (index, numerator) in numerators.enumerated() where numerator != 0 {
            let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
            amounts[index] = quotient.fastInt!
            if remainder != 0 { remainders.append((remainder, index)) }
        }
        let leftover = total - amounts.reduce(0, +)
        guard leftover > 0 else { return amounts }
        // Remainders are below the denominator, which nearly always fits in 64 bits, where
        // the processor compares them; sorting a thousand 128-bit ones per cost is slow.
        let order: [Int] =
            if denominator._high == 0 {
                largestFirst(remainders.map { (UInt64($0.remainder._low), $0.index) })
            } else {
                largestFirst(remainders)
            }
        for index in order.prefix(leftover) {
            amounts[index] += 1
        }
        return amounts
    }

    /// The participants' indices, largest remainder first, the earlier first on a tie.
    private static func largestFirst<Remainder: Comparable>(_ remainders: [(remainder: Remainder, index: Int)]) -> [Int] {
        remainders.sorted { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }.map(\.index)
    }
}
