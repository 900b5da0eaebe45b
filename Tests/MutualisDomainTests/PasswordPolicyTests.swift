import MutualisDomain
import Testing

@Suite("Password policy (CNIL 2022-100)")
struct PasswordPolicyTests {
    @Test("12 characters of four kinds, or 14 of upper, lower case and digits; the confirmation must match")
    func lengthsAndKinds() {
        #expect(PasswordPolicy.refusal(of: "Ab3!efghijkl", confirmation: "Ab3!efghijkl") == nil)
        #expect(PasswordPolicy.refusal(of: "Ab3!efghijk", confirmation: "Ab3!efghijk") == .tooShort)
        #expect(PasswordPolicy.refusal(of: "Ab3defghijklmn", confirmation: "Ab3defghijklmn") == nil)
        #expect(PasswordPolicy.refusal(of: "ab3defghijklmn", confirmation: "ab3defghijklmn") == .tooShort)
        #expect(PasswordPolicy.refusal(of: "abcdefghijklmnopqrstu", confirmation: "abcdefghijklmnopqrstu") == .tooShort)
        #expect(PasswordPolicy.refusal(of: "Ab3!efghijkl", confirmation: "Ab3!efghijkm") == .confirmationDiffers)
    }

    @Test("nothing longer than 128 characters, and no control character")
    func bounds() {
        let long = "Ab3!" + String(repeating: "x", count: 125)
        #expect(PasswordPolicy.refusal(of: long, confirmation: long) == .tooLong)
        #expect(PasswordPolicy.refusal(of: "Ab3!efghijkl\u{7}", confirmation: "Ab3!efghijkl\u{7}") == .controlCharacter)
    }
}
