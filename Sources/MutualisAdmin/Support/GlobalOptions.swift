import ArgumentParser
import Foundation
import MutualisDomain
import MutualisStore
import PostgresClient

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL or libpq keyword string (default: $DATABASE_URL).")
    var databaseURL: String?

    @Flag(help: "Print one JSON document on stdout instead of tables.")
    var json = false

    /// The database configuration, from the option or the environment.
    func databaseConfiguration() throws -> PostgresConfiguration {
        let environment = AdminEnvironment.current.variables["DATABASE_URL"]
        guard let url = databaseURL ?? environment, !url.isEmpty else {
            throw AdminError.usage("no database given: pass --database-url or set DATABASE_URL")
        }
        do {
            return try PostgresConfiguration(url)
        } catch let error as PostgresError {
            throw AdminError.usage(error.message)
        }
    }

    /// Runs `body` with a small pool on the database once the pole is known to exist: an
    /// unknown pole is an error, not an empty table.
    func withPool<Value: Sendable>(pole: PoleID, _ body: (PostgresConnectionPool) async throws -> Value) async throws -> Value {
        try await withPool { pool in
            _ = try await PoleStore(pool: pool).get(pole)
            return try await body(pool)
        }
    }

    /// Runs `body` with a small pool on the database, closing it afterwards.
    func withPool<Value: Sendable>(_ body: (PostgresConnectionPool) async throws -> Value) async throws -> Value {
        let pool = PostgresConnectionPool(configuration: try databaseConfiguration(), size: 2)
        do {
            let value = try await body(pool)
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }
}
