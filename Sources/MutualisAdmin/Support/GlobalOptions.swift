import ArgumentParser
import Foundation
import MutualisDomain
import MutualisStore

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "PostgreSQL URL or libpq keyword string (default: $DATABASE_URL).")
    var databaseURL: String?

    @Flag(help: "Print one JSON document on stdout instead of tables.")
    var json = false

    /// The database's address, from the option or the environment.
    func databaseAddress() throws -> DatabaseAddress {
        let environment = AdminEnvironment.current.variables["DATABASE_URL"]
        guard let url = databaseURL ?? environment, !url.isEmpty else {
            throw AdminError.usage("no database given: pass --database-url or set DATABASE_URL")
        }
        do {
            return try DatabaseAddress(url)
        } catch {
            throw AdminError.usage(error.description)
        }
    }

    /// Runs `body` with the database once the pole is known to exist: an unknown pole is an
    /// error, not an empty table.
    func withDatabase<Value: Sendable>(pole: PoleID, _ body: (MutualisDatabase) async throws -> Value) async throws -> Value {
        try await withDatabase { database in
            _ = try await PoleStore(database: database).get(pole)
            return try await body(database)
        }
    }

    /// Runs `body` with two connections to the database, closed afterwards.
    func withDatabase<Value: Sendable>(_ body: (MutualisDatabase) async throws -> Value) async throws -> Value {
        let database = MutualisDatabase(address: try databaseAddress(), connections: 2)
        do {
            let value = try await body(database)
            await database.close()
            return value
        } catch {
            await database.close()
            throw error
        }
    }
}
