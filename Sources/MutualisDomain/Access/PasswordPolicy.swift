/// What a password must be, after the CNIL's recommendation on passwords (deliberation
/// 2022-100, about 80 bits of entropy when nothing else protects the account): at least 12
/// characters mixing upper case, lower case, digits and other characters, or at least 14
/// characters mixing upper case, lower case and digits. Sign-ins are also throttled, which the CNIL counts
/// as a measure of its own.
public enum PasswordPolicy {
    /// The shortest password with four kinds of characters.
    public static let minimumMixedLength = 12
    /// The shortest password without other characters than letters and digits.
    public static let minimumLength = 14
    /// The longest password read: far above any passphrase, far below what would cost time to hash.
    public static let maximumLength = 128

    /// Why a password is refused.
    public enum Refusal: Hashable, Sendable {
        /// Shorter than the rules allow for the kinds of characters it mixes.
        case tooShort
        /// Longer than ``maximumLength``.
        case tooLong
        /// Made of a control character, which no keyboard types.
        case controlCharacter
        /// The confirmation differs.
        case confirmationDiffers
    }

    /// The refusal of a new password, or nil when it may be used.
    public static func refusal(of password: String, confirmation: String) -> Refusal? {
        if password.count > maximumLength { return .tooLong }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .controlCharacter }
        let lower = password.contains { $0.isLowercase }
        let upper = password.contains { $0.isUppercase }
        let digit = password.contains { $0.isNumber }
        let other = password.contains { !$0.isLetter && !$0.isNumber }
        let mixed = lower && upper && digit && other
        let lettersAndDigits = lower && upper && digit
        guard (mixed && password.count >= minimumMixedLength) || (lettersAndDigits && password.count >= minimumLength) else {
            return .tooShort
        }
        guard password == confirmation else { return .confirmationDiffers }
        return nil
    }
}
