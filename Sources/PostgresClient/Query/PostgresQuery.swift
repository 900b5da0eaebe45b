/// An SQL statement and its bound parameters.
///
/// Interpolation binds: `"SELECT name FROM members WHERE id = \(id)"` sends `$1` and `id`
/// apart, so that no value can ever become SQL. Text that must become SQL (an identifier made
/// by the program, a fragment chosen among constants) goes through the explicitly named
/// `\(identifier:)`, `\(sql:)` (compile-time text only) and `\(unsafeRaw:)` interpolations.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation {
    /// The SQL text, with `$1`, `$2`... where values are bound.
    public private(set) var sql: String
    /// The parameters, in order.
    public private(set) var bindings: [PostgresBinding]
    /// False when the text was built with `\(identifier:)` or `\(unsafeRaw:)`: such text may
    /// differ from call to call, so it is not kept as a prepared statement.
    let isPreparable: Bool

    /// A query with no parameters.
    public init(stringLiteral value: String) {
        sql = value
        bindings = []
        isPreparable = true
    }

    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        bindings = stringInterpolation.bindings
        isPreparable = stringInterpolation.isPreparable
    }

    /// Builds the SQL text and its parameters.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql: String
        var bindings: [PostgresBinding]
        var isPreparable = true

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            bindings = []
            bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Binds a value as the next parameter.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            bindings.append(PostgresBinding(type: Value.postgresType, text: value.postgresText))
            sql += "$\(bindings.count)"
        }

        /// Binds an optional value as the next parameter, `nil` as NULL.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.append(PostgresBinding(type: Value.postgresType, text: value?.postgresText ?? nil))
            sql += "$\(bindings.count)"
        }

        /// Binds an array of numbers in PostgreSQL's binary format: a run's lines are a
        /// million numbers, cheaper to send as bytes than to write and parse as text.
        public mutating func appendInterpolation<Element: PostgresBinaryArrayElement>(_ value: [Element]) {
            bindings.append(PostgresBinding(type: [Element].postgresType, binary: value.postgresBinary))
            sql += "$\(bindings.count)"
        }

        /// Inserts an identifier (a database or table name), quoted so that it stays one name.
        public mutating func appendInterpolation(identifier: String) {
            isPreparable = false
            sql += "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        /// Inserts SQL written in the program's source, such as a column list kept in one
        /// place: a static string can never carry input, so the statement stays preparable.
        public mutating func appendInterpolation(sql fragment: StaticString) {
            sql += fragment.description
        }

        /// Inserts SQL text as it is. Never pass text that came from outside the program.
        public mutating func appendInterpolation(unsafeRaw sql: String) {
            isPreparable = false
            self.sql += sql
        }
    }
}

/// One bound parameter: its announced type and its text (`nil` for NULL).
public struct PostgresBinding: Sendable, Equatable {
    public var type: PostgresDataType
    /// The value in text format; nil for NULL or a binary value.
    public var text: String?
    /// The value in binary format, when it is sent so.
    public var binary: [UInt8]?

    public init(type: PostgresDataType, text: String?) {
        self.type = type
        self.text = text
        self.binary = nil
    }

    public init(type: PostgresDataType, binary: [UInt8]) {
        self.type = type
        self.text = nil
        self.binary = binary
    }
}

extension String {
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
