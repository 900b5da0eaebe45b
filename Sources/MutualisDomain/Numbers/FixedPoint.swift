/// Decimal numbers as exact integers of a fixed scale: coefficients and fixed parts in
/// ten-thousandths, recorded quantities in thousandths.
public enum FixedPoint {
    /// `value` × `scale` when that is a whole number (0.4 at 10 000 is 4 000); nil when the
    /// value has more decimals than the scale holds, or is not finite.
    public static func exact(_ value: Double, scale: Int) -> Int? {
        let scaled = (value * Double(scale)).rounded()
        guard value.isFinite, abs(scaled - value * Double(scale)) < 1e-6 else { return nil }
        return Int(exactly: scaled)
    }
}
