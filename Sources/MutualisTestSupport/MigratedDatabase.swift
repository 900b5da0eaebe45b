import MutualisStore
import PostgresClient
import PostgresTestSupport

extension TestDatabaseTemplate {
    /// A database with every migration of `SQL/` applied, made once per test process.
    public static let migrated = TestDatabaseTemplate(name: "migrated") { connection in
        try Migrator.migrate(connection)
    }
}

/// Runs `body` with a pool on a new, fully migrated database.
public func withMigratedDatabase<Value>(
    size: Int = 4,
    _ body: (PostgresConnectionPool) async throws -> Value
) async throws -> Value {
    try await TestDatabase.withPool(template: .migrated, size: size, body)
}
