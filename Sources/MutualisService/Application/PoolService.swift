import PostgresClient
import ServiceLifecycle

/// Keeps the connection pool open while the server runs, and closes it once the server has
/// stopped taking requests (services shut down in the reverse order they were given).
struct PoolService: Service {
    let pool: PostgresConnectionPool

    func run() async throws {
        try? await gracefulShutdown()
        await pool.close()
    }
}
