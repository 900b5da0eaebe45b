// The standard library converts between Int128 and Int or Double through its generic,
// unspecialised integer code on Linux, which made those conversions most of the engine's
// time. These go through the two 64-bit halves instead.

extension Int128 {
    /// The same value, from a machine integer.
    @inline(__always)
    init(fast value: Int) {
        self.init(_low: UInt64(bitPattern: Int64(value)), _high: value < 0 ? -1 : 0)
    }

    /// The value as a machine integer, when it fits.
    @inline(__always)
    var fastInt: Int? {
        let negative = _low >> 63 == 1
        guard _high == (negative ? -1 : 0) else { return nil }
        return Int(Int64(bitPattern: _low))
    }

    /// The nearest double.
    @inline(__always)
    var fastDouble: Double {
        if let small = fastInt { return Double(small) }
        return Double(_high) * 18_446_744_073_709_551_616.0 + Double(_low)
    }
}
