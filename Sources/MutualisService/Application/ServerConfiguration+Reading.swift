import Configuration
import Logging
import MutualisRepresentations
import MutualisStore

extension ServerConfiguration {
    /// The names of the server's settings. In the environment a name is upper-cased with `_` for
    /// `.`: `mutualis.pool.size` is `MUTUALIS_POOL_SIZE`, `database.url` is `DATABASE_URL`.
    public enum Key {
        /// `host:port` to listen on.
        public static let address: ConfigKey = "mutualis.http.address"
        /// A PostgreSQL URL or libpq keyword string.
        public static let databaseURL: ConfigKey = "database.url"
        /// Database connections.
        public static let poolSize: ConfigKey = "mutualis.pool.size"
        /// Seconds a token's caller is remembered.
        public static let tokenCacheSeconds: ConfigKey = "mutualis.token.cache.seconds"
        /// Seconds one SQL statement may run.
        public static let statementTimeoutSeconds: ConfigKey = "mutualis.statement.timeout.seconds"
        /// Seconds a request waits for a connection.
        public static let poolWaitSeconds: ConfigKey = "mutualis.pool.wait.seconds"
        /// Requests that may wait for a connection at once.
        public static let poolQueue: ConfigKey = "mutualis.pool.queue"
        /// The largest request body, in bytes.
        public static let maxBodyBytes: ConfigKey = "mutualis.max.body.bytes"
        /// Seconds before an idle connection is closed.
        public static let idleTimeoutSeconds: ConfigKey = "mutualis.idle.timeout.seconds"
        /// The address people open the pages at.
        public static let publicURL: ConfigKey = "mutualis.public.url"
        /// trace, debug, info, notice, warning, error or critical.
        public static let logLevel: ConfigKey = "log.level"
    }

    /// The environment as the server reads it: `DATABASE_URL` is a secret, never logged.
    public static func environment(_ variables: [String: String]? = nil) -> EnvironmentVariablesProvider {
        let secrets = SecretsSpecifier<String, String>.specific(["DATABASE_URL"])
        guard let variables else { return EnvironmentVariablesProvider(secretsSpecifier: secrets) }
        return EnvironmentVariablesProvider(environmentVariables: variables, secretsSpecifier: secrets)
    }

    /// The configuration `reader` gives, its first provider winning (the command puts its flags
    /// there, the environment after them); what no provider sets takes its default.
    public init(reading reader: ConfigReader) throws(ConfigurationError) {
        guard let url = reader.string(forKey: Key.databaseURL), !url.isEmpty else {
            throw ConfigurationError("no database given: pass --database-url or set DATABASE_URL")
        }
        let database: DatabaseAddress
        do {
            database = try DatabaseAddress(url)
        } catch {
            throw ConfigurationError(error.description)
        }
        let defaults = Limits()
        var limits = Limits()
        limits.statementTimeoutSeconds = try Self.wholeNumber(
            Key.statementTimeoutSeconds, of: "seconds", in: reader, else: defaults.statementTimeoutSeconds)
        limits.poolWaitSeconds = try Self.wholeNumber(Key.poolWaitSeconds, of: "seconds", in: reader, else: defaults.poolWaitSeconds)
        limits.poolQueue = try Self.wholeNumber(Key.poolQueue, of: "requests", in: reader, else: defaults.poolQueue)
        limits.maxBodyBytes = try Self.wholeNumber(Key.maxBodyBytes, of: "bytes", in: reader, else: defaults.maxBodyBytes)
        limits.idleTimeoutSeconds = try Self.wholeNumber(
            Key.idleTimeoutSeconds, of: "seconds", in: reader, else: defaults.idleTimeoutSeconds)
        var publicURL: PublicURL?
        if let text = reader.string(forKey: Key.publicURL), !text.isEmpty {
            guard let url = PublicURL(text) else {
                throw ConfigurationError(
                    "MUTUALIS_PUBLIC_URL must be an http or https address such as https://mutualis.example.org, not \(text)")
            }
            publicURL = url
        }
        try self.init(
            address: reader.string(forKey: Key.address) ?? "127.0.0.1:8080",
            database: database,
            poolSize: try Self.wholeNumber(Key.poolSize, of: "connections", in: reader, else: Self.defaultPoolSize()),
            tokenCacheSeconds: try Self.wholeNumber(Key.tokenCacheSeconds, of: "seconds", in: reader, else: 60),
            limits: limits,
            publicURL: publicURL
        )
    }

    /// The log level `reader` gives, `info` when none does.
    public static func logLevel(reading reader: ConfigReader) throws(ConfigurationError) -> Logger.Level {
        let level = reader.string(forKey: Key.logLevel) ?? "info"
        guard let parsed = Logger.Level(rawValue: level) else {
            throw ConfigurationError("unknown log level \(level): trace, debug, info, notice, warning, error or critical")
        }
        return parsed
    }

    /// A whole number, `fallback` when no provider sets it; a value set that is not one is an
    /// error rather than the default in silence (the reader's own integer accessors fall back).
    private static func wholeNumber(_ key: ConfigKey, of unit: String, in reader: ConfigReader, else fallback: Int)
        throws(ConfigurationError)
        -> Int
    {
        if let value = reader.int(forKey: key) { return value }
        guard let text = reader.string(forKey: key), !text.isEmpty else { return fallback }
        let name = key.components.joined(separator: "_").uppercased()
        throw ConfigurationError("\(name) must be a whole number of \(unit), not \(text)")
    }
}
