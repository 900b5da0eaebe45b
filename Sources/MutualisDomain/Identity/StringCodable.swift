/// A value that travels in JSON as its string form (`"2026-03-01"`, `"09:30"`, an id), and is
/// refused when the string does not read as one.
public protocol StringCodable: LosslessStringConvertible, Codable {
    /// What a valid string looks like, for the message that refuses another ("a date YYYY-MM-DD").
    static var expectedText: String { get }
}

extension StringCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be \(Self.expectedText)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
