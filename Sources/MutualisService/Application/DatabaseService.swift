import MutualisStore
import ServiceLifecycle

/// Keeps the database's connections open while the server runs, and closes them once the
/// server has stopped taking requests (services shut down in the reverse order they were given).
struct DatabaseService: Service {
    let database: MutualisDatabase

    func run() async throws {
        try? await gracefulShutdown()
        await database.close()
    }
}
