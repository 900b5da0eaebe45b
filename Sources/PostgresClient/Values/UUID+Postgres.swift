import struct Foundation.UUID

extension UUID: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .uuid }
    public var postgresText: String? { uuidString.lowercased() }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let value = UUID(uuidString: try text.requireText()) else { throw .invalidText }
        self = value
    }
}
