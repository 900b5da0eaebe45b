/// One row of a result.
public struct PostgresRow {
    let result: PostgresResult
    let index: Int

    /// Decodes the column at a position.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, at column: Int) throws -> Value {
        try result.decode(type, row: index, column: column)
    }

    /// Decodes the column with a name.
    public func decode<Value: PostgresDecodable>(_ type: Value.Type, column name: String) throws -> Value {
        guard let column = result.columnIndex(named: name) else {
            throw PostgresError(kind: .decoding, message: "the result has no column \"\(name)\"")
        }
        return try result.decode(type, row: index, column: column)
    }

    /// Decodes the first columns, in order, as a tuple: `try row.decode((UUID, String).self)`.
    public func decode<each Value: PostgresDecodable>(_ types: (repeat each Value).Type) throws -> (repeat each Value) {
        try decode(types, startingAt: 0)
    }

    /// Decodes consecutive columns from a position, as a tuple: the columns that follow a
    /// shared column list.
    public func decode<each Value: PostgresDecodable>(
        _ types: (repeat each Value).Type, startingAt first: Int
    ) throws -> (repeat each Value) {
        var column = first
        func next<Next: PostgresDecodable>(_ type: Next.Type) throws -> Next {
            defer { column += 1 }
            return try result.decode(type, row: index, column: column)
        }
        return (repeat try next((each Value).self))
    }
}
