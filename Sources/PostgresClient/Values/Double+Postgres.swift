extension Double: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .float8 }

    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }

    /// Reads `float8`, `float4` and `numeric` alike.
    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let value = Double(try text.requireText()) else { throw .invalidText }
        self = value
    }
}
