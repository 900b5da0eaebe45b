import ArgumentParser
import Foundation
import Logging
import MutualisService
import MutualisStore

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

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (default: $LOG_LEVEL, else info).")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = databaseURL ?? environment["DATABASE_URL"], !url.isEmpty else {
            throw ValidationError("no database given: pass --database-url or set DATABASE_URL")
        }
        let level = logLevel ?? environment["LOG_LEVEL"] ?? "info"
        guard let parsedLevel = Logger.Level(rawValue: level) else {
            throw ValidationError("unknown log level \(level)")
        }
        let cacheSeconds =
            try tokenCacheSeconds
            ?? Self.wholeNumber("MUTUALIS_TOKEN_CACHE_SECONDS", of: "seconds", in: environment, else: 60)
        let connections =
            try poolSize
            ?? Self.wholeNumber("MUTUALIS_POOL_SIZE", of: "connections", in: environment, else: ServerConfiguration.defaultPoolSize())
        var limits = ServerConfiguration.Limits()
        limits.statementTimeoutSeconds =
            try statementTimeoutSeconds
            ?? Self.wholeNumber("MUTUALIS_STATEMENT_TIMEOUT_SECONDS", of: "seconds", in: environment, else: limits.statementTimeoutSeconds)
        limits.poolWaitSeconds =
            try poolWaitSeconds
            ?? Self.wholeNumber("MUTUALIS_POOL_WAIT_SECONDS", of: "seconds", in: environment, else: limits.poolWaitSeconds)
        limits.poolQueue = try poolQueue ?? Self.wholeNumber("MUTUALIS_POOL_QUEUE", of: "requests", in: environment, else: limits.poolQueue)
        limits.maxBodyBytes =
            try maxBodyBytes
            ?? Self.wholeNumber("MUTUALIS_MAX_BODY_BYTES", of: "bytes", in: environment, else: limits.maxBodyBytes)
        limits.idleTimeoutSeconds =
            try idleTimeoutSeconds
            ?? Self.wholeNumber("MUTUALIS_IDLE_TIMEOUT_SECONDS", of: "seconds", in: environment, else: limits.idleTimeoutSeconds)
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration(
                address: address ?? environment["MUTUALIS_HTTP_ADDRESS"] ?? "127.0.0.1:8080",
                database: try DatabaseAddress(url),
                poolSize: connections,
                tokenCacheSeconds: cacheSeconds,
                limits: limits
            )
        } catch let error as DatabaseAddressError {
            throw ValidationError(error.description)
        } catch {
            throw ValidationError(String(describing: error))
        }
        var logger = Logger(label: "mutualis")
        logger.logLevel = parsedLevel
        try await buildApplication(configuration, logger: logger).runService()
    }

    /// The whole number in the environment variable `name`, or `fallback` when it is unset or empty.
    private static func wholeNumber(_ name: String, of unit: String, in environment: [String: String], else fallback: Int) throws -> Int {
        guard let text = environment[name], !text.isEmpty else { return fallback }
        guard let value = Int(text) else { throw ValidationError("\(name) must be a whole number of \(unit), not \(text)") }
        return value
    }
}
