/// How strictly a transaction is isolated from concurrent ones.
public enum PostgresIsolationLevel: Sendable {
    case readCommitted
    case repeatableRead
    case serializable

    func beginStatement(readOnly: Bool) -> String {
        let begin =
            switch self {
            case .readCommitted: "BEGIN"
            case .repeatableRead: "BEGIN ISOLATION LEVEL REPEATABLE READ"
            case .serializable: "BEGIN ISOLATION LEVEL SERIALIZABLE"
            }
        return readOnly ? begin + " READ ONLY" : begin
    }
}

extension PostgresConnection {
    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    ///
    /// The body's error is rethrown as it is; if the rollback fails too, both are kept in a
    /// ``PostgresTransactionError``. A body that swallowed a failed statement cannot commit:
    /// the transaction is rolled back and the call fails.
    public func withTransaction<Value>(
        isolation: PostgresIsolationLevel = .readCommitted,
        readOnly: Bool = false,
        _ body: () throws -> Value
    ) throws -> Value {
        try executeScript(unsafeSQL: isolation.beginStatement(readOnly: readOnly))
        let value: Value
        do {
            value = try body()
        } catch {
            try rollback(after: error)
            throw error
        }
        if isInFailedTransaction {
            let cause = PostgresError(
                kind: .server,
                sqlState: SQLState("25P02"),
                message: "a statement of the transaction failed; the transaction was rolled back"
            )
            try rollback(after: cause)
            throw cause
        }
        try executeScript(unsafeSQL: "COMMIT")
        return value
    }

    private func rollback(after cause: any Error) throws {
        do {
            try executeScript(unsafeSQL: "ROLLBACK")
        } catch let rollbackError as PostgresError {
            throw PostgresTransactionError(cause: cause, rollbackError: rollbackError)
        }
    }
}

extension PostgresConnection {
    /// Runs `body` in a read-only transaction that sees one snapshot of the database: reads
    /// spanning several statements agree with each other, whatever commits meanwhile.
    public func withSnapshot<Value>(_ body: () throws -> Value) throws -> Value {
        try withTransaction(isolation: .repeatableRead, readOnly: true, body)
    }
}

extension PostgresConnection {
    /// Runs `body` inside a savepoint of the open transaction: if it throws, only its work is
    /// undone and the transaction can go on (a refused row need not abort a whole series).
    public func withSavepoint<Value>(_ body: () throws -> Value) throws -> Value {
        try executeScript(unsafeSQL: "SAVEPOINT mutualis_savepoint")
        do {
            let value = try body()
            try executeScript(unsafeSQL: "RELEASE SAVEPOINT mutualis_savepoint")
            return value
        } catch {
            do {
                try executeScript(unsafeSQL: "ROLLBACK TO SAVEPOINT mutualis_savepoint")
            } catch let rollbackError as PostgresError {
                throw PostgresTransactionError(cause: error, rollbackError: rollbackError)
            }
            throw error
        }
    }
}
