/// An amount of money as French people type it, read exactly into cents: `1 234,56`,
/// `1234.56`, `1 234`, `1 234,5 €`. Never through a floating-point number, so that no cent is
/// lost; anything ambiguous (`1.234`, `1,234,5`) or malformed is refused rather than guessed.
public enum AmountText {
    /// Why a text is not an amount.
    public enum Refusal: Error, Hashable, Sendable {
        case empty
        case malformed
        case tooLarge
    }

    /// Spaces people put between groups of digits: the plain one, and the no-break ones that
    /// word processors and our own pages write.
    static let groupSeparators: Set<Character> = [" ", "\u{00A0}", "\u{202F}"]

    /// The cents of `text`, or why it is not an amount of at most `limit` cents.
    public static func cents(_ text: String, limit: Int = InputBounds.maxAmountCents) -> Result<Int, Refusal> {
        var text = Substring(text)
        func trimSpaces() {
            while let first = text.first, first == "\t" || groupSeparators.contains(first) { text.removeFirst() }
            while let last = text.last, last == "\t" || groupSeparators.contains(last) { text.removeLast() }
        }
        trimSpaces()
        if text.last == "€" {
            text.removeLast()
            trimSpaces()
        }
        guard !text.isEmpty else { return .failure(.empty) }
        let separators = text.filter { $0 == "," || $0 == "." }
        guard separators.count <= 1 else { return .failure(.malformed) }
        let parts = text.split(separator: separators.first ?? "\0", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else {
            return .failure(.malformed)
        }
        // Groups: the first of one to three digits, every other of exactly three.
        let groups = whole.split(omittingEmptySubsequences: false) { groupSeparators.contains($0) }
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            groups.count == 1 || (groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 })
        else { return .failure(.malformed) }
        let digits = groups.joined() + fraction + String(repeating: "0", count: 2 - fraction.count)
        guard digits.count <= 18, let cents = Int(digits) else { return .failure(.tooLarge) }
        return cents > limit ? .failure(.tooLarge) : .success(cents)
    }
}

extension Character {
    /// 0 to 9, and no other script's digits.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
