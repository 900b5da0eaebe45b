/// A French establishment number: 14 digits whose Luhn checksum holds.
public struct SIRET: Hashable, Sendable, StringCodable {
    /// The 14 digits.
    public let digits: String

    public static var expectedText: String { "a SIRET: 14 digits whose checksum holds" }

    /// A SIRET, or `nil` if the text is not 14 digits passing the check. Spaces are ignored.
    ///
    /// La Poste's establishments (SIREN 356 000 000) are numbered by another rule, the sum of
    /// the digits being a multiple of 5, and are accepted by it too.
    public init?(_ text: String) {
        let digits = text.filter { $0 != " " }
        guard digits.count == 14, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let values = digits.map { Int(String($0))! }
        let laPoste = digits.hasPrefix("356000000") && values.reduce(0, +) % 5 == 0
        guard SIRET.luhnSum(values) % 10 == 0 || laPoste else { return nil }
        self.digits = digits
    }

    static func luhnSum(_ values: [Int]) -> Int {
        var sum = 0
        for (position, value) in values.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = value * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += value
            }
        }
        return sum
    }

    public var description: String { digits }
}
