import Logging
import PostgresClient

/// The product's database, as everything above the store sees it: connections, readiness,
/// statistics, migrations, closing — and the client's failures turned into ``StoreError``s
/// (unavailable, busy, timed out), so that the service and the CLI know nothing of PostgreSQL.
public final class MutualisDatabase: Sendable {
    let pool: PostgresConnectionPool
    /// Where the database is.
    public let address: DatabaseAddress

    /// Connections to `address`, opened on first use, each with a thread of its own.
    public init(
        address: DatabaseAddress, connections: Int, limits: DatabaseLimits = DatabaseLimits(),
        logger: Logger = Logger(label: "mutualis.database")
    ) {
        self.address = address
        pool = PostgresConnectionPool(
            configuration: address.configuration, size: connections,
            limits: PostgresPoolLimits(maxWait: limits.maxWait, maxWaiting: limits.maxWaiting, statementTimeout: limits.statementTimeout),
            logger: logger
        )
    }

    /// The database behind a pool made elsewhere (the tests' throwaway databases).
    public init(pool: PostgresConnectionPool) {
        self.pool = pool
        address = DatabaseAddress(configuration: pool.configuration)
    }

    /// Connections busy and callers waiting, now.
    public var statistics: DatabaseStatistics {
        let statistics = pool.statistics
        return DatabaseStatistics(connections: statistics.size, inUse: statistics.inUse, waiting: statistics.waiting)
    }

    /// True when the database answers a statement.
    public func isReady() async -> Bool {
        (try? await withConnection { _ = try $0.query("SELECT 1") }) != nil
    }

    /// Lets the work under way finish, then closes every connection.
    public func close() async {
        await pool.close()
    }

    /// Applies the migrations of `SQL/` the database lacks, and answers them.
    public func migrate() async throws -> [Migration] {
        try await withConnection { try Migrator.migrate($0) }
    }

    /// Every migration, applied or not.
    public func migrationStatus() async throws -> [MigrationStatus] {
        try await withConnection { try Migrator.status($0) }
    }

    // MARK: Work, for the stores

    func withConnection<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> Value) async throws -> Value {
        try await translating { try await pool.withConnection(body) }
    }

    func withTransaction<Value: Sendable>(
        isolation: PostgresIsolationLevel = .readCommitted, _ body: @escaping @Sendable (PostgresConnection) throws -> Value
    ) async throws -> Value {
        try await translating { try await pool.withTransaction(isolation: isolation, body) }
    }

    func withSnapshot<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> Value) async throws -> Value {
        try await translating { try await pool.withSnapshot(body) }
    }

    private func translating<Value>(_ work: () async throws -> Value) async throws -> Value {
        do {
            return try await work()
        } catch let error as PostgresError {
            throw Self.storeError(error)
        }
    }

    /// What a client error means to those above the store.
    static func storeError(_ error: PostgresError) -> StoreError {
        if error.isConnectionLoss || error.kind == .poolClosed { return .unavailable(error.message) }
        if error.kind == .poolExhausted { return .busy(error.message) }
        if error.isCancellation { return .timedOut(error.message) }
        if error.isTransient { return .busy(error.message) }
        return .database(code: error.sqlState?.code, message: ([error.message] + [error.detail].compactMap { $0 }).joined(separator: "; "))
    }
}
