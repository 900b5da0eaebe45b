/// Amounts and measures as people read them in CSV files: a point, a fixed number of decimals.
public enum DecimalText {
    /// Cents as euros with two decimals: `-1234.50`.
    public static func euros(_ cents: Int) -> String {
        scaled(cents, decimals: 2)
    }

    /// A measure rounded to a number of decimals: `12.50`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        return scaled(Int((value * scale).rounded()), decimals: decimals)
    }

    /// `units` hundredths (for 2 decimals) written out with its point.
    private static func scaled(_ units: Int, decimals: Int) -> String {
        let sign = units < 0 ? "-" : ""
        let digits = String(units.magnitude)
        guard decimals > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        return sign + padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }
}
