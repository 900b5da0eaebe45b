import MutualisStore
import ServiceLifecycle

/// Runs the listener that keeps the token cache true to the database, for as long as the
/// server runs.
struct AccessChangesService: Service {
    let listener: AccessChangesListener

    func run() async throws {
        listener.start()
        try? await gracefulShutdown()
        await listener.stop()
    }
}
