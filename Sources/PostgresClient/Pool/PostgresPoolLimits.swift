/// How long callers wait and statements run in a pool: the bounds that keep a server
/// answering under load instead of queueing without end.
public struct PostgresPoolLimits: Sendable, Equatable {
    /// The longest a caller waits for a free connection; `nil` waits as long as it takes.
    public var maxWait: Duration?
    /// The most callers waiting at once; one more is refused at once. `nil`: no bound.
    public var maxWaiting: Int?
    /// How long one statement may run before the server cancels it; `nil` keeps the server's
    /// own `statement_timeout`.
    public var statementTimeout: Duration?

    /// Limits; the defaults bound nothing, as a command-line tool wants.
    public init(maxWait: Duration? = nil, maxWaiting: Int? = nil, statementTimeout: Duration? = nil) {
        self.maxWait = maxWait
        self.maxWaiting = maxWaiting
        self.statementTimeout = statementTimeout
    }
}
