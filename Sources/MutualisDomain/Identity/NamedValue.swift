/// One of a closed set of values, exchanged by its name; any other name is refused with the
/// list of valid ones ("must be one of: rent, salary, ...").
public protocol NamedValue: CaseIterable, RawRepresentable, Codable where RawValue == String {}

extension NamedValue {
    /// The valid names, in declaration order, as a message lists them.
    public static var namesText: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be one of: \(Self.namesText)")
        }
        self = value
    }
}
