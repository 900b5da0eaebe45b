/// A Swift value that can be bound as a query parameter, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The parameter type announced to the server.
    static var postgresType: PostgresDataType { get }
    /// The value in PostgreSQL's text input format, or `nil` for SQL NULL.
    var postgresText: String? { get }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresDataType { Wrapped.postgresType }
    public var postgresText: String? { self?.postgresText }
}
