extension String: PostgresEncodable, PostgresDecodable {
    /// Text is announced as `unknown`, so that the server can read it as an enum, a range, or JSON.
    public static var postgresType: PostgresDataType { .unknown }
    public var postgresText: String? { self }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        self = try text.requireText()
    }
}
