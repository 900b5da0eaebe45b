/// A Swift value that can be read from a result cell in PostgreSQL's text format.
public protocol PostgresDecodable {
    /// Decodes a cell: `text` is `nil` for SQL NULL; `type` is the column's type.
    init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure)
}

/// Why a cell could not become the requested Swift value.
public enum PostgresDecodingFailure: Error, Sendable, Equatable {
    /// The cell is NULL and the Swift type is not optional.
    case unexpectedNull
    /// The cell's text is not a valid value of the Swift type.
    case invalidText
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let text else {
            self = .none
            return
        }
        self = .some(try Wrapped(postgresText: text, type: type))
    }
}

extension Optional where Wrapped == String {
    /// The text of a non-NULL cell, for conformances to build on.
    func requireText() throws(PostgresDecodingFailure) -> String {
        guard let self else { throw .unexpectedNull }
        return self
    }
}
