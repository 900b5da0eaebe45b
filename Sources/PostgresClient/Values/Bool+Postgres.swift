extension Bool: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .bool }
    public var postgresText: String? { self ? "t" : "f" }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        switch try text.requireText() {
        case "t", "true": self = true
        case "f", "false": self = false
        default: throw .invalidText
        }
    }
}
