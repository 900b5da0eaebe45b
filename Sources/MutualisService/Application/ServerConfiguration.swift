import Foundation
import MutualisRepresentations
import MutualisStore

/// How `mutualis-server` is set up: where it listens, which database it uses.
public struct ServerConfiguration: Sendable {
    /// The host to listen on.
    public var host: String
    /// The TCP port to listen on.
    public var port: Int
    /// The database.
    public var database: DatabaseAddress
    /// Connections to the database, each with its own thread.
    public var poolSize: Int
    /// How long the caller of a token is remembered; zero asks the database on every request.
    public var tokenCacheSeconds: Int
    /// How long requests wait for the database and statements run.
    public var limits: Limits
    /// The address people open the pages at; https makes the cookies `Secure`.
    public var publicURL: PublicURL

    /// What bounds a request's time and size.
    public struct Limits: Sendable, Equatable {
        /// Seconds one SQL statement may run before PostgreSQL cancels it (1 to 3600).
        public var statementTimeoutSeconds = 30
        /// Seconds a request waits for a free database connection before a 503 (1 to 60).
        public var poolWaitSeconds = 5
        /// Requests that may wait for a connection at once; more get a 503 at once (1 to 100 000).
        public var poolQueue = 1_000
        /// The largest request body, in bytes (1 KiB to 64 MiB).
        public var maxBodyBytes = BodyLimitMiddleware.defaultLimit
        /// Seconds a connection may stay idle, or take to send a request's head, before it is closed (1 to 3600).
        public var idleTimeoutSeconds = 60

        public init() {}

        func validate() throws(ConfigurationError) {
            func within(_ value: Int, _ range: ClosedRange<Int>, _ what: String) throws(ConfigurationError) {
                guard range.contains(value) else {
                    throw ConfigurationError("\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
                }
            }
            try within(statementTimeoutSeconds, 1...3_600, "the statement timeout")
            try within(poolWaitSeconds, 1...60, "the wait for a connection")
            try within(poolQueue, 1...100_000, "the pool's queue")
            try within(maxBodyBytes, 1_024...(64 << 20), "the largest body")
            try within(idleTimeoutSeconds, 1...3_600, "the idle timeout")
        }

        /// The database's limits.
        var database: DatabaseLimits {
            DatabaseLimits(maxWait: .seconds(poolWaitSeconds), maxWaiting: poolQueue, statementTimeout: .seconds(statementTimeoutSeconds))
        }
    }

    /// A configuration; `address` is `host:port` (`[::1]:8080` for IPv6).
    public init(
        address: String, database: DatabaseAddress, poolSize: Int, tokenCacheSeconds: Int = 60, limits: Limits = Limits(),
        publicURL: PublicURL? = nil
    ) throws(ConfigurationError) {
        (host, port) = try Self.parse(address: address)
        let shownHost = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
        self.publicURL = publicURL ?? PublicURL("http://\(shownHost):\(port)") ?? .local
        try limits.validate()
        self.limits = limits
        guard (1...256).contains(poolSize) else {
            throw ConfigurationError("the pool size must be between 1 and 256, not \(poolSize)")
        }
        guard (0...3600).contains(tokenCacheSeconds) else {
            throw ConfigurationError("the token cache lifetime must be between 0 and 3600 seconds, not \(tokenCacheSeconds)")
        }
        self.database = database
        self.poolSize = poolSize
        self.tokenCacheSeconds = tokenCacheSeconds
    }

    /// Twice the processors, from 2 to 16 connections.
    ///
    /// More connections than PostgreSQL has cores to run them only wait for one another,
    /// longer as they are more: on two cores, 8 connections instead of 4 took the availability
    /// p99 from 5–7 ms to 16–32 ms under the same load, for no more bookings a second. Twice
    /// the cores is the usual rule (PostgreSQL's wiki, HikariCP's "About Pool Sizing"); at
    /// most 16, so that a large machine's instances do not use up `max_connections`.
    public static func defaultPoolSize(processors: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        min(16, max(2, 2 * processors))
    }

    static func parse(address: String) throws(ConfigurationError) -> (host: String, port: Int) {
        let host: Substring
        let port: Substring
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            host = address[address.index(after: address.startIndex)..<close]
            let rest = address[address.index(after: close)...]
            guard rest.hasPrefix(":") else { throw ConfigurationError("the address \(address) has no port") }
            port = rest.dropFirst()
        } else {
            guard let colon = address.lastIndex(of: ":") else {
                throw ConfigurationError("the address \(address) is not host:port")
            }
            host = address[..<colon]
            port = address[address.index(after: colon)...]
        }
        guard !host.isEmpty, let number = Int(port), (0...65535).contains(number) else {
            throw ConfigurationError("the address \(address) is not host:port with a port from 0 to 65535")
        }
        return (String(host), number)
    }
}

/// A configuration that cannot be used, and why.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var description: String

    /// An error with this explanation.
    public init(_ description: String) {
        self.description = description
    }
}
