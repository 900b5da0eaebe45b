/// A solidarity coefficient, exact to four decimals: 0.5 is 5 000 ten-thousandths.
///
/// It multiplies a member's basis when costs are shared, so that a small association with 0.5
/// counts half its use; kept as an integer so that shares are computed exactly.
public struct Coefficient: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Ten-thousandths: 10 000 is 1.
    public let tenThousandths: Int

    /// The neutral coefficient, 1.
    public static let one = Coefficient(tenThousandths: 10_000)!

    /// A coefficient from ten-thousandths, between 0 and 10.
    public init?(tenThousandths: Int) {
        guard (0...100_000).contains(tenThousandths) else { return nil }
        self.tenThousandths = tenThousandths
    }

    /// A coefficient from a decimal such as 0.5; `nil` outside 0...10 or beyond four decimals.
    public init?(_ value: Double) {
        guard let exact = FixedPoint.exact(value, scale: 10_000) else { return nil }
        self.init(tenThousandths: exact)
    }

    /// The coefficient as a decimal number.
    public var value: Double { Double(tenThousandths) / 10_000 }
    public var description: String { String(value) }

    public static func < (lhs: Coefficient, rhs: Coefficient) -> Bool {
        lhs.tenThousandths < rhs.tenThousandths
    }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        guard let coefficient = Coefficient(value) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "a coefficient is between 0 and 10, with at most four decimals"))
        }
        self = coefficient
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
