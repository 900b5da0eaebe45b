import MutualisDomain
import Testing

@Suite("Amounts typed the French way")
struct AmountTextTests {
    @Test(
        "a comma or a point before the cents, spaces between thousands, a euro sign: all read exactly",
        arguments: [
            ("1 234,56", 123_456), ("1234.56", 123_456), ("1 234", 123_400), ("1234,5", 123_450), ("0,07", 7),
            ("1\u{202F}234,56\u{00A0}€", 123_456), ("  12 345 678,90 ", 1_234_567_890), ("1 000 000", 100_000_000), ("€", -1),
            ("0", 0), ("999999999.99", 99_999_999_999),
        ])
    func readsExactly(text: String, cents: Int) {
        if cents < 0 {
            #expect(AmountText.cents(text) == .failure(.empty))
        } else {
            #expect(AmountText.cents(text) == .success(cents))
        }
    }

    @Test(
        "anything ambiguous or malformed is refused rather than guessed",
        arguments: ["1.234", "1,234,56", "1.234,56", "12 34", "1234 567", "-5", "+5", "5e3", "1,", ",5", "1,234 5", "١٢", "12,345", "0x10"])
    func refusesMalformed(text: String) {
        #expect(AmountText.cents(text) == .failure(.malformed))
    }

    @Test("empty text and amounts beyond the bound or beyond any integer are refused without trapping")
    func bounds() {
        #expect(AmountText.cents("   ") == .failure(.empty))
        #expect(AmountText.cents("10 000 000 000,01") == .failure(.tooLarge))
        #expect(AmountText.cents("99999999999999999999999999") == .failure(.tooLarge))
        #expect(AmountText.cents("12,50", limit: 1_000) == .failure(.tooLarge))
    }
}
