import PostgresClient

/// A database made for one test and dropped after it.
///
/// With `MUTUALIS_TEST_DATABASE_URL` set, databases are made on that server; otherwise on a
/// throwaway PostgreSQL cluster that the test process starts on first use and that stops when
/// the process ends, however it ends.
public enum TestDatabase {
    /// Runs `body` with the configuration of a new database, cloned from `template` if given.
    public static func with<Value>(
        template: TestDatabaseTemplate? = nil,
        _ body: (PostgresConfiguration) async throws -> Value
    ) async throws -> Value {
        let cluster = TestCluster.shared
        await cluster.slots.acquire()
        do {
            let database = try await cluster.createDatabase(template: template)
            let value: Value
            do {
                value = try await body(database.configuration)
            } catch {
                try? await cluster.dropDatabase(database.name)
                throw error
            }
            try await cluster.dropDatabase(database.name)
            await cluster.slots.release()
            return value
        } catch {
            await cluster.slots.release()
            throw error
        }
    }

    /// Runs `body` with a pool on a new database, closing the pool afterwards.
    public static func withPool<Value>(
        template: TestDatabaseTemplate? = nil,
        size: Int = 4,
        _ body: (PostgresConnectionPool) async throws -> Value
    ) async throws -> Value {
        try await with(template: template) { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: size)
            do {
                let value = try await body(pool)
                await pool.close()
                return value
            } catch {
                await pool.close()
                throw error
            }
        }
    }

    /// Runs `body` on a PostgreSQL server of its own (never the shared one), which `restart`
    /// stops as an administrator would and starts again; the server is removed afterwards.
    public static func withRestartableServer<Value>(
        _ body: (PostgresConfiguration, _ restart: @escaping @Sendable () async throws -> Void) async throws -> Value
    ) async throws -> Value {
        let cluster = try await LocalCluster.start()
        defer { cluster.stop() }
        return try await body(cluster.configuration) { try await cluster.restart() }
    }

    /// The server's administrative database, for tests that act on the server itself.
    public static func serverConfiguration() async throws -> PostgresConfiguration {
        try await TestCluster.shared.server().configuration
    }
}

/// A database prepared once per test process (migrated, say) and cloned for each test.
public struct TestDatabaseTemplate: Sendable {
    /// A name for the template, unique among the templates of a test process.
    public var name: String
    /// Fills the template database; its connection is closed afterwards.
    public var prepare: @Sendable (PostgresConnection) throws -> Void

    /// Describes a template by its name and how to fill it.
    public init(name: String, prepare: @escaping @Sendable (PostgresConnection) throws -> Void) {
        self.name = name
        self.prepare = prepare
    }
}
