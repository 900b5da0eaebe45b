import Foundation
import PostgresClient

/// Applies migrations to a database and tells which are applied.
public enum Migrator {
    /// Any fixed number will do, as long as every migrator takes the same lock.
    static let advisoryLockKey = 0x6d75_7475_616c_6973

    /// Applies, in order, each migration the database does not have yet, each in its own
    /// transaction, and returns those it applied.
    ///
    /// A session advisory lock makes concurrent migrators take turns: the second one finds the
    /// work done. An applied migration whose file changed since is refused before anything runs.
    @discardableResult
    public static func migrate(
        _ connection: PostgresConnection,
        migrations: [Migration] = Migration.embedded
    ) throws -> [Migration] {
        let migrations = try Migration.ordered(migrations)
        try connection.query("SELECT pg_advisory_lock(\(advisoryLockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(advisoryLockKey))") }
        try connection.executeScript(
            unsafeSQL: """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    checksum    text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """
        )
        let applied = try appliedMigrations(connection)
        for migration in migrations {
            if let record = applied[migration.version], record.checksum != migration.checksum {
                throw MigrationError.modified(version: migration.version, name: migration.name)
            }
        }
        var appliedNow: [Migration] = []
        for migration in migrations where applied[migration.version] == nil {
            do {
                try connection.withTransaction {
                    try connection.executeScript(unsafeSQL: migration.sql)
                    try connection.execute(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                        """
                    )
                }
            } catch let error as PostgresError {
                throw MigrationError.failed(version: migration.version, name: migration.name, reason: error.message)
            }
            appliedNow.append(migration)
        }
        return appliedNow
    }

    /// Every migration known to this program or recorded in the database, with its state.
    public static func status(
        _ connection: PostgresConnection,
        migrations: [Migration] = Migration.embedded
    ) throws -> [MigrationStatus] {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL")
            .first!.decode(Bool.self, at: 0)
        let applied = exists ? try appliedMigrations(connection) : [:]
        var statuses = try Migration.ordered(migrations).map { migration in
            guard let record = applied[migration.version] else {
                return MigrationStatus(version: migration.version, name: migration.name, state: .pending, appliedAt: nil)
            }
            return MigrationStatus(
                version: migration.version,
                name: migration.name,
                state: record.checksum == migration.checksum ? .applied : .modified,
                appliedAt: record.appliedAt
            )
        }
        let known = Set(migrations.map(\.version))
        for (version, record) in applied where !known.contains(version) {
            statuses.append(MigrationStatus(version: version, name: record.name, state: .unknown, appliedAt: record.appliedAt))
        }
        return statuses.sorted { $0.version < $1.version }
    }

    private struct AppliedRecord {
        var name: String
        var checksum: String
        var appliedAt: Date
    }

    private static func appliedMigrations(_ connection: PostgresConnection) throws -> [Int: AppliedRecord] {
        var records: [Int: AppliedRecord] = [:]
        for row in try connection.query("SELECT version, name, checksum, applied_at FROM schema_migrations").rows {
            let (version, name, checksum, appliedAt) = try row.decode((Int, String, String, Date).self)
            records[version] = AppliedRecord(name: name, checksum: checksum, appliedAt: appliedAt)
        }
        return records
    }
}

/// Where one migration stands in a database.
public struct MigrationStatus: Sendable, Equatable, Codable {
    /// Applied, waiting, edited since applied, or recorded but unknown to this program.
    public enum State: String, Sendable, Codable {
        case applied
        case pending
        case modified
        /// Recorded in the database by a newer version of Mutualis.
        case unknown
    }

    public var version: Int
    public var name: String
    public var state: State
    public var appliedAt: Date?
}
