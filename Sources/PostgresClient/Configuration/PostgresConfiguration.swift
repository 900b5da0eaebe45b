import CLibPQ

/// Where and how to connect: libpq's keyword/value parameters.
///
/// Made from a `postgresql://` URL or a `key=value` string, parsed by libpq itself
/// (`PQconninfoParse`) and handed to `PQconnectdbParams` as keyword arrays, so that no
/// connection string is ever assembled by interpolation.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    /// One libpq connection parameter.
    public struct Parameter: Sendable, Equatable {
        /// The libpq keyword, such as `host` or `dbname`.
        public var keyword: String
        /// Its value.
        public var value: String
    }

    /// The parameters, in the order libpq listed them.
    public private(set) var parameters: [Parameter]

    /// Parses a `postgresql://` URL or a libpq keyword string such as `host=/tmp dbname=app`.
    public init(_ connectionString: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &errorMessage) else {
            let message = errorMessage.map { String(cString: $0) } ?? "out of memory"
            if let errorMessage { PQfreemem(errorMessage) }
            throw PostgresError(
                kind: .configuration,
                message: "invalid database URL or connection string: \(message.trimmingTrailingNewlines)"
            )
        }
        defer { PQconninfoFree(options) }
        var parameters: [Parameter] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                parameters.append(Parameter(keyword: String(cString: keyword), value: String(cString: value)))
            }
            option += 1
        }
        self.parameters = parameters
    }

    /// Connects with exactly these keywords, such as `["host": "/tmp", "dbname": "app"]`.
    public init(keywords: KeyValuePairs<String, String>) {
        parameters = keywords.map { Parameter(keyword: $0.key, value: $0.value) }
    }

    /// The value of a keyword, if set.
    public subscript(keyword: String) -> String? {
        parameters.last { $0.keyword == keyword }?.value
    }

    /// A copy with one keyword set, replacing any earlier value.
    public func setting(_ keyword: String, to value: String) -> PostgresConfiguration {
        var copy = self
        copy.parameters.removeAll { $0.keyword == keyword }
        copy.parameters.append(Parameter(keyword: keyword, value: value))
        return copy
    }

    /// The database name, if set.
    public var database: String? { self["dbname"] }

    /// A copy that connects to another database of the same server.
    public func database(_ name: String) -> PostgresConfiguration {
        setting("dbname", to: name)
    }

    /// The parameters, passwords masked.
    public var description: String {
        parameters
            .map { "\($0.keyword)=\($0.keyword == "password" ? "***" : $0.value)" }
            .joined(separator: " ")
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var result = self
        while result.last?.isNewline == true { result.removeLast() }
        return result
    }
}
