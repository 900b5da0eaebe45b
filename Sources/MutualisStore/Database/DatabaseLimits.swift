/// How long work waits for a connection and how long one statement runs: the bounds that
/// keep a server answering under load.
public struct DatabaseLimits: Sendable, Equatable {
    /// The longest a caller waits for a free connection; `nil` waits as long as it takes.
    public var maxWait: Duration?
    /// The most callers waiting at once; one more is refused at once. `nil`: no bound.
    public var maxWaiting: Int?
    /// How long one statement may run before the server cancels it; `nil`: the server's setting.
    public var statementTimeout: Duration?

    /// Limits; the defaults bound nothing, as a command-line tool wants.
    public init(maxWait: Duration? = nil, maxWaiting: Int? = nil, statementTimeout: Duration? = nil) {
        self.maxWait = maxWait
        self.maxWaiting = maxWaiting
        self.statementTimeout = statementTimeout
    }
}

/// Connections busy and callers waiting, at one instant.
public struct DatabaseStatistics: Sendable, Equatable {
    /// How many connections there may be.
    public var connections: Int
    /// Connections doing a caller's work.
    public var inUse: Int
    /// Callers waiting for a connection.
    public var waiting: Int
}
