import Logging
import MutualisStore
import PostgresClient
import ServiceLifecycle

/// Keeps a cache of token callers true to the database: listens for its notifications of
/// changes to tokens and users, and lets the cache remember only while it hears them.
struct AccessChangesService: Service {
    let listener: PostgresListener

    init(cache: PrincipalCache, database: PostgresConfiguration, logger: Logger) {
        listener = PostgresListener(configuration: database, channel: TokenStore.changesChannel, logger: logger, onEvent: cache.follow)
    }

    func run() async throws {
        listener.start()
        try? await gracefulShutdown()
        await listener.stop()
    }
}
