import Testing

@testable import MutualisDomain

/// Rounding exact shares to whole cents, whatever the size of their common denominator.
@Suite("Largest remainder")
struct LargestRemainderTests {
    /// Numerators over a denominator, the total they make, and the cents expected.
    static let cases: [(numerators: [Int128], denominator: Int128, total: Int, cents: [Int])] = [
        ([100, 100, 100], 3, 100, [34, 33, 33]),
        ([10, 20, 30], 6, 10, [2, 3, 5]),
        ([7, 0, 5, 11], 23, 1, [0, 0, 0, 1]),
        ([1, 1, 1, 1], 4, 1, [1, 0, 0, 0]),
    ]

    @Test("the cents left over go to the largest remainders, ties to the earlier participant")
    func smallDenominator() {
        for example in Self.cases {
            #expect(
                LargestRemainder.round(numerators: example.numerators, denominator: example.denominator, total: example.total)
                    == example.cents)
        }
    }

    @Test("a denominator beyond 64 bits rounds the same fractions the same way")
    func wideDenominator() {
        let scale = Int128(1) << 70
        for example in Self.cases {
            let cents = LargestRemainder.round(
                numerators: example.numerators.map { $0 * scale }, denominator: example.denominator * scale, total: example.total)
            #expect(cents == example.cents)
        }
    }
}
