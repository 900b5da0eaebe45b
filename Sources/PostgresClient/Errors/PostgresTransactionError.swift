/// A transaction whose body failed and whose rollback failed too.
///
/// The body's error is the cause; the rollback's is kept apart so that neither hides the other.
public struct PostgresTransactionError: Error, Sendable, CustomStringConvertible {
    /// Why the transaction was abandoned: what the body threw.
    public var cause: any Error
    /// Why the rollback failed.
    public var rollbackError: PostgresError

    /// Pairs a body's error with its failed rollback.
    public init(cause: any Error, rollbackError: PostgresError) {
        self.cause = cause
        self.rollbackError = rollbackError
    }

    public var description: String {
        "PostgresTransactionError(cause: \(cause), rollbackError: \(rollbackError))"
    }
}
