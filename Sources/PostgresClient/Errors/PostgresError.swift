/// An error from PostgreSQL or from talking to it.
///
/// Its `description` names only the kind and SQLSTATE, so that logging an error never leaks
/// data from a query; `String(reflecting:)` gives the server's message and detail for debugging.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: Sendable, Equatable {
        /// The server refused a statement; `sqlState` says why.
        case server
        /// The connection could not be opened, or was lost.
        case connection
        /// A connection string or URL could not be understood.
        case configuration
        /// A value in a result could not be decoded into the requested Swift type.
        case decoding
        /// A parameter could not be sent (text with a NUL character).
        case encoding
        /// The pool was closed before the work could run.
        case poolClosed
        /// No connection became free in time, or too many callers were already waiting.
        case poolExhausted
        /// The client was asked for something it does not do that way (a COPY outside
        /// ``PostgresConnection/copy(into:_:)``).
        case misuse
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// The SQLSTATE code, for server errors.
    public var sqlState: SQLState?
    /// The primary message, from the server or from libpq.
    public var message: String
    /// The server's detail line, when it gave one.
    public var detail: String?
    /// The server's hint, when it gave one.
    public var hint: String?
    /// The constraint at fault, for integrity violations.
    public var constraint: String?
    /// The table at fault, when the server named one.
    public var table: String?
    /// The column at fault, when the server named one.
    public var column: String?

    /// True when the failed statement is known not to have run, on a connection that had done
    /// nothing yet for its caller: the pool may then replay the work on a fresh connection.
    var isSafeToReplay = false

    /// Makes an error; most are made by the client itself.
    public init(
        kind: Kind,
        sqlState: SQLState? = nil,
        message: String,
        detail: String? = nil,
        hint: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        column: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// True when an exclusion constraint refused the row: an overlapping booking.
    public var isExclusionViolation: Bool { sqlState == .exclusionViolation }
    /// True when a unique constraint refused the row.
    public var isUniqueViolation: Bool { sqlState == .uniqueViolation }
    /// True when the server aborted the transaction to break a deadlock.
    public var isDeadlock: Bool { sqlState == .deadlockDetected }
    /// True when a serializable transaction must be retried.
    public var isSerializationFailure: Bool { sqlState == .serializationFailure }
    /// True when retrying the whole transaction may succeed (serialization failure or deadlock).
    public var isTransient: Bool { isSerializationFailure || isDeadlock }

    /// True when the connection is gone: lost, or its backend terminated. A cancelled
    /// statement (57014) is not: its session lives on.
    public var isConnectionLoss: Bool {
        guard let sqlState else { return kind == .connection }
        return sqlState.errorClass == "08"
            || [.adminShutdown, .crashShutdown, .cannotConnectNow, .idleSessionTimeout].contains(sqlState)
    }

    /// True when the statement was cancelled: it ran past `statement_timeout`, or its caller
    /// gave up and the client asked the server to stop it.
    public var isCancellation: Bool { sqlState == .queryCanceled }

    public var description: String {
        switch kind {
        case .server: "PostgresError(sqlState: \(sqlState?.code ?? "?"))"
        case .connection: "PostgresError(connection)"
        case .configuration: "PostgresError(configuration)"
        case .decoding: "PostgresError(decoding)"
        case .encoding: "PostgresError(encoding)"
        case .poolClosed: "PostgresError(poolClosed)"
        case .poolExhausted: "PostgresError(poolExhausted)"
        case .misuse: "PostgresError(misuse)"
        }
    }

    public var debugDescription: String {
        var parts = ["\(description): \(message)"]
        if let detail { parts.append("detail: \(detail)") }
        if let hint { parts.append("hint: \(hint)") }
        if let constraint { parts.append("constraint: \(constraint)") }
        return parts.joined(separator: "; ")
    }
}
