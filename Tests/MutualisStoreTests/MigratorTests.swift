import MutualisStore
import PostgresClient
import PostgresTestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    private func migration(_ file: String, _ sql: String) throws -> Migration {
        try Migration(fileName: file, sql: sql)
    }

    @Test("the embedded migrations come from SQL/, in order")
    func embeddedMigrations() {
        #expect(Migration.embedded.first?.label == "0001 foundation")
        #expect(Migration.embedded.map(\.version) == Migration.embedded.map(\.version).sorted())
    }

    @Test("file names must be NNNN_name.sql")
    func fileNames() throws {
        #expect(try migration("0042_add_costs.sql", "").version == 42)
        #expect(throws: MigrationError.invalidFileName("42_costs.sql")) { try migration("42_costs.sql", "") }
        #expect(throws: MigrationError.invalidFileName("0001-costs.sql")) { try migration("0001-costs.sql", "") }
        #expect(throws: MigrationError.duplicateVersion(1)) {
            try Migration.ordered([try migration("0001_a.sql", ""), try migration("0001_b.sql", "")])
        }
    }

    @Test("migrating twice applies everything once, then nothing")
    func migrateTwiceIsNoOp() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let first = try await pool.withConnection { try Migrator.migrate($0) }
            #expect(first == Migration.embedded)
            let second = try await pool.withConnection { try Migrator.migrate($0) }
            #expect(second.isEmpty)
            let statuses = try await pool.withConnection { try Migrator.status($0) }
            #expect(statuses.allSatisfy { $0.state == .applied && $0.appliedAt != nil })
        }
    }

    @Test("a migration edited after it was applied is refused, and nothing else runs")
    func editedMigrationIsRefused() async throws {
        let original = [
            try migration("0001_a.sql", "CREATE TABLE a (n int)")
        ]
        let edited = [
            try migration("0001_a.sql", "CREATE TABLE a (n bigint)"),
            try migration("0002_b.sql", "CREATE TABLE b (n int)"),
        ]
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { try Migrator.migrate($0, migrations: original) }
            await #expect(throws: MigrationError.modified(version: 1, name: "a")) {
                try await pool.withConnection { try Migrator.migrate($0, migrations: edited) }
            }
            let statuses = try await pool.withConnection { try Migrator.status($0, migrations: edited) }
            #expect(statuses.map(\.state) == [.modified, .pending])
            let bExists = try await pool.withConnection {
                try $0.query("SELECT to_regclass('b') IS NOT NULL").first!.decode(Bool.self, at: 0)
            }
            #expect(!bExists)
        }
    }

    @Test("a failing migration leaves nothing behind, and the ones before it stay applied")
    func failedMigrationRollsBack() async throws {
        let migrations = [
            try migration("0001_a.sql", "CREATE TABLE a (n int)"),
            try migration("0002_b.sql", "CREATE TABLE b (n int); SELECT no_such_function();"),
        ]
        try await TestDatabase.withPool(size: 1) { pool in
            await #expect {
                try await pool.withConnection { try Migrator.migrate($0, migrations: migrations) }
            } throws: { error in
                if case .failed(version: 2, name: "b", _) = error as? MigrationError { true } else { false }
            }
            let statuses = try await pool.withConnection { try Migrator.status($0, migrations: migrations) }
            #expect(statuses.map(\.state) == [.applied, .pending])
            let bExists = try await pool.withConnection {
                try $0.query("SELECT to_regclass('b') IS NOT NULL").first!.decode(Bool.self, at: 0)
            }
            #expect(!bExists)
        }
    }

    @Test("two migrators started at once apply each migration exactly once")
    func concurrentMigrators() async throws {
        let migrations = [
            try migration("0001_counter.sql", "CREATE TABLE runs (migration int NOT NULL)"),
            try migration("0002_slow.sql", "SELECT pg_sleep(0.3); INSERT INTO runs VALUES (2);"),
            try migration("0003_after.sql", "INSERT INTO runs VALUES (3);"),
        ]
        try await TestDatabase.withPool(size: 2) { pool in
            async let first = pool.withConnection { try Migrator.migrate($0, migrations: migrations) }
            async let second = pool.withConnection { try Migrator.migrate($0, migrations: migrations) }
            let (a, b) = try await (first, second)
            #expect((a + b).map(\.version).sorted() == [1, 2, 3])
            let runs = try await pool.withConnection { connection in
                try connection.query("SELECT migration FROM runs ORDER BY migration").rows.map { try $0.decode(Int.self, at: 0) }
            }
            #expect(runs == [2, 3])
        }
    }

    @Test("a migration recorded by a newer program shows as unknown")
    func unknownMigration() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { try Migrator.migrate($0, migrations: [try migration("0001_a.sql", "SELECT 1")]) }
            let statuses = try await pool.withConnection { try Migrator.status($0, migrations: []) }
            #expect(statuses.map(\.state) == [.unknown])
        }
    }
}
