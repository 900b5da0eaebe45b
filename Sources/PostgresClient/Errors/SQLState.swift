/// A PostgreSQL SQLSTATE error code, such as `23P01`.
public struct SQLState: Hashable, Sendable, CustomStringConvertible {
    /// The five-character code.
    public let code: String

    /// Wraps a five-character SQLSTATE code.
    public init(_ code: String) {
        self.code = code
    }

    /// The two-character class of the code, such as `23` for integrity constraint violations.
    public var errorClass: Substring { code.prefix(2) }

    public var description: String { code }

    /// `23505`: a unique constraint refused a row.
    public static let uniqueViolation = SQLState("23505")
    /// `23P01`: an exclusion constraint refused a row (two bookings over one unit and time).
    public static let exclusionViolation = SQLState("23P01")
    /// `23503`: a foreign key refused a row.
    public static let foreignKeyViolation = SQLState("23503")
    /// `23514`: a check constraint refused a row.
    public static let checkViolation = SQLState("23514")
    /// `23502`: a NOT NULL column got NULL.
    public static let notNullViolation = SQLState("23502")
    /// `40001`: a serializable transaction must be retried.
    public static let serializationFailure = SQLState("40001")
    /// `40P01`: the server broke a deadlock by aborting this transaction.
    public static let deadlockDetected = SQLState("40P01")
    /// `55P03`: a lock could not be obtained immediately.
    public static let lockNotAvailable = SQLState("55P03")
    /// `57P01`: the backend was terminated by an administrator (`pg_terminate_backend`, shutdown).
    public static let adminShutdown = SQLState("57P01")
    /// `57P02`: the server is restarting after a crash of another backend.
    public static let crashShutdown = SQLState("57P02")
    /// `57P03`: the server is starting up or shutting down.
    public static let cannotConnectNow = SQLState("57P03")
    /// `57P05`: the session stayed idle longer than `idle_session_timeout`.
    public static let idleSessionTimeout = SQLState("57P05")
    /// `57014`: the statement was cancelled (`statement_timeout`, a cancel request).
    public static let queryCanceled = SQLState("57014")
    /// `26000`: a prepared statement does not exist on this connection.
    public static let invalidStatementName = SQLState("26000")
    /// `P0001`: raised by a PL/pgSQL `RAISE EXCEPTION` without its own code.
    public static let raiseException = SQLState("P0001")
}
