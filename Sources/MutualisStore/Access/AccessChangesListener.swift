import Logging
import PostgresClient

/// Keeps a ``PrincipalCache`` true to the database: listens, on a connection and thread of
/// its own, for the changes to tokens and users the database announces, and lets the cache
/// remember callers only while it hears them.
public final class AccessChangesListener: Sendable {
    private let listener: PostgresListener

    /// A listener for `database` feeding `cache`; it listens once started.
    public init(database: MutualisDatabase, cache: PrincipalCache, logger: Logger) {
        listener = PostgresListener(
            configuration: database.address.configuration, channel: TokenStore.changesChannel, logger: logger, onEvent: cache.follow
        )
    }

    /// Starts listening, and listening again after a loss, until ``stop()``.
    public func start() {
        listener.start()
    }

    /// Stops listening.
    public func stop() async {
        await listener.stop()
    }
}
