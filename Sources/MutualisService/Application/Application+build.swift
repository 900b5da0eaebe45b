import Hummingbird
import Logging
import PostgresClient

/// Builds the Mutualis HTTP application: its routes, its pool, and the services that stop them.
public func buildApplication(
    _ configuration: ServerConfiguration,
    logger: Logger = Logger(label: "mutualis")
) -> some ApplicationProtocol {
    let pool = PostgresConnectionPool(configuration: configuration.database, size: configuration.poolSize, logger: logger)
    let router = Router()
    HealthController(pool: pool).addRoutes(to: router)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mutualis"),
        services: [PoolService(pool: pool)],
        logger: logger
    )
}
