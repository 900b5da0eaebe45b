import ArgumentParser
import Configuration
import Logging
import MutualisService

/// `mutualis-server`: the HTTP service.
@main
struct MutualisServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mutualis-server",
        abstract: "Serve the Mutualis HTTP API.",
        discussion: """
            Stops gracefully on SIGTERM or SIGINT: requests in flight finish, then the database pool closes.
            Apply the schema first with `mutualis-admin db migrate`.
            """
    )

    @Option(help: "host:port to listen on (default: $MUTUALIS_HTTP_ADDRESS, else 127.0.0.1:8080).")
    var address: String?

    @Option(name: .customLong("database-url"), help: "PostgreSQL URL or libpq keyword string (default: $DATABASE_URL).")
    var databaseURL: String?

    @Option(
        help: ArgumentHelp(
            "Database connections, each served by its own thread (default: $MUTUALIS_POOL_SIZE, else twice the processors, from 2 to 16: \(ServerConfiguration.defaultPoolSize()) here).",
            discussion: "PostgreSQL does best with about twice as many connections as it has cores; more only wait for one another."
        ))
    var poolSize: Int?

    @Option(
        help: ArgumentHelp(
            "Seconds a token's caller is remembered, 0 to ask the database on every request (default: $MUTUALIS_TOKEN_CACHE_SECONDS, else 60).",
            discussion: "Revocations and user changes reach the cache at once, through PostgreSQL notifications."
        ))
    var tokenCacheSeconds: Int?

    @Option(
        help:
            "Seconds one SQL statement may run before it is cancelled and the request answered 503 (default: $MUTUALIS_STATEMENT_TIMEOUT_SECONDS, else 30)."
    )
    var statementTimeoutSeconds: Int?

    @Option(help: "Seconds a request waits for a free database connection before a 503 (default: $MUTUALIS_POOL_WAIT_SECONDS, else 5).")
    var poolWaitSeconds: Int?

    @Option(
        help: "Requests that may wait for a database connection at once; more get a 503 at once (default: $MUTUALIS_POOL_QUEUE, else 1000)."
    )
    var poolQueue: Int?

    @Option(help: "The largest request body in bytes; larger ones get a 413 (default: $MUTUALIS_MAX_BODY_BYTES, else 1048576).")
    var maxBodyBytes: Int?

    @Option(
        help:
            "Seconds before an idle connection, or one slow to send its request's head, is closed (default: $MUTUALIS_IDLE_TIMEOUT_SECONDS, else 60)."
    )
    var idleTimeoutSeconds: Int?

    @Option(
        name: .customLong("public-url"),
        help: "The address people open the pages at, https for Secure cookies (default: $MUTUALIS_PUBLIC_URL, else http://ADDRESS).")
    var publicURL: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (default: $LOG_LEVEL, else info).")
    var logLevel: String?

    func run() async throws {
        let reader = ConfigReader(providers: [InMemoryProvider(name: "flags", values: flags), ServerConfiguration.environment()])
        let configuration: ServerConfiguration
        var logger = Logger(label: "mutualis")
        do {
            configuration = try ServerConfiguration(reading: reader)
            logger.logLevel = try ServerConfiguration.logLevel(reading: reader)
        } catch {
            throw ValidationError(error.description)
        }
        try await buildApplication(configuration, logger: logger).runService()
    }

    /// The flags given, under the keys of the settings they set, so that they win over the environment.
    private var flags: [AbsoluteConfigKey: ConfigValue] {
        typealias Key = ServerConfiguration.Key
        let texts: [(ConfigKey, String?)] = [
            (Key.address, address), (Key.databaseURL, databaseURL), (Key.logLevel, logLevel), (Key.publicURL, publicURL),
        ]
        let numbers: [(ConfigKey, Int?)] = [
            (Key.poolSize, poolSize), (Key.tokenCacheSeconds, tokenCacheSeconds), (Key.statementTimeoutSeconds, statementTimeoutSeconds),
            (Key.poolWaitSeconds, poolWaitSeconds), (Key.poolQueue, poolQueue), (Key.maxBodyBytes, maxBodyBytes),
            (Key.idleTimeoutSeconds, idleTimeoutSeconds),
        ]
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        for case (let key, let text?) in texts {
            values[AbsoluteConfigKey(key)] = ConfigValue(.string(text), isSecret: key == Key.databaseURL)
        }
        for case (let key, let number?) in numbers { values[AbsoluteConfigKey(key)] = ConfigValue(.int(number), isSecret: false) }
        return values
    }
}
