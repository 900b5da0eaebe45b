extension Int: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public var postgresText: String? { String(self) }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let value = Int(try text.requireText()) else { throw .invalidText }
        self = value
    }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public var postgresText: String? { String(self) }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let value = Int64(try text.requireText()) else { throw .invalidText }
        self = value
    }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int4 }
    public var postgresText: String? { String(self) }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let value = Int32(try text.requireText()) else { throw .invalidText }
        self = value
    }
}
