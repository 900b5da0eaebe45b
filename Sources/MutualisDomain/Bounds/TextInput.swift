/// Text from outside, checked in one place: its length, and no control character (a NUL
/// cannot even be stored), except line breaks and tabs where a field allows several lines.
public enum TextInput {
    /// Names, labels, e-mail addresses: one line.
    public static let nameLength = 200
    /// Notes: several lines.
    public static let noteLength = 2_000

    /// What is wrong with a one-line text, if anything; `required` refuses an empty one.
    public static func lineProblem(_ text: String, field: String, maxLength: Int = nameLength, required: Bool = true) -> FieldError? {
        problem(text, field: field, maxLength: maxLength, required: required, multiline: false)
    }

    /// What is wrong with a text that may hold several lines, if anything.
    public static func notesProblem(_ text: String, field: String, maxLength: Int = noteLength) -> FieldError? {
        problem(text, field: field, maxLength: maxLength, required: false, multiline: true)
    }

    static func problem(_ text: String, field: String, maxLength: Int, required: Bool, multiline: Bool) -> FieldError? {
        for scalar in text.unicodeScalars where isControl(scalar, multiline: multiline) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let what = multiline ? "control characters other than line breaks and tabs" : "control characters or line breaks"
            return FieldError(
                field: field, message: "must not contain \(what) (found U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))")
        }
        if required && text.allSatisfy(\.isWhitespace) {
            return FieldError(field: field, message: "must not be empty")
        }
        if text.count > maxLength {
            return FieldError(field: field, message: "must be at most \(maxLength) characters")
        }
        return nil
    }

    private static func isControl(_ scalar: Unicode.Scalar, multiline: Bool) -> Bool {
        if multiline && (scalar == "\n" || scalar == "\r" || scalar == "\t") { return false }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        // Line and paragraph separators, and the direction overrides that make text read
        // otherwise than it is stored.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x2028, 0x2029: return !multiline
        default: return false
        }
    }
}
