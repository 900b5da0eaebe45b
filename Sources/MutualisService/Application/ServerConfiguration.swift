import Foundation
import PostgresClient

/// How `mutualis-server` is set up: where it listens, which database it uses.
public struct ServerConfiguration: Sendable {
    /// The host to listen on.
    public var host: String
    /// The TCP port to listen on.
    public var port: Int
    /// The database.
    public var database: PostgresConfiguration
    /// Connections to the database, each with its own thread.
    public var poolSize: Int
    /// How long the caller of a token is remembered; zero asks the database on every request.
    public var tokenCacheSeconds: Int

    /// A configuration; `address` is `host:port` (`[::1]:8080` for IPv6).
    public init(address: String, database: PostgresConfiguration, poolSize: Int, tokenCacheSeconds: Int = 60) throws(ConfigurationError) {
        (host, port) = try Self.parse(address: address)
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
