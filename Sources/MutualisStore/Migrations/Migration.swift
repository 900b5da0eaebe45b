import Crypto
import Foundation

/// One numbered SQL file of `SQL/`, applied once, in order, in its own transaction.
public struct Migration: Sendable, Equatable {
    /// The number before the first underscore of the file name: `0001_foundation.sql` is 1.
    public var version: Int
    /// The rest of the file name: `foundation`.
    public var name: String
    /// The SQL text.
    public var sql: String
    /// SHA-256 of the SQL text, in hex: a file changed after it was applied is refused.
    public var checksum: String

    /// A migration from a file's name and contents.
    public init(fileName: String, sql: String) throws(MigrationError) {
        let stem = fileName.hasSuffix(".sql") ? String(fileName.dropLast(4)) : fileName
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, let version = Int(parts[0]), version > 0,
            parts[1].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" })
        else { throw .invalidFileName(fileName) }
        self.version = version
        self.name = String(parts[1])
        self.sql = sql
        self.checksum = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The migrations built into this program, from the package's `SQL/` folder.
    public static let embedded: [Migration] = {
        do {
            return try ordered(
                embeddedMigrationFiles.map { file in
                    let data = Data(base64Encoded: file.base64) ?? Data()
                    return try Migration(fileName: file.name, sql: String(decoding: data, as: UTF8.self))
                }
            )
        } catch {
            fatalError("the SQL/ folder this program was built from is invalid: \(error)")
        }
    }()

    /// Sorts migrations by version, refusing two with the same number.
    public static func ordered(_ migrations: [Migration]) throws(MigrationError) -> [Migration] {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.version == later.version {
            throw .duplicateVersion(later.version)
        }
        return sorted
    }

    /// `0001 foundation`.
    public var label: String {
        "\(String(format: "%04d", version)) \(name)"
    }
}

/// Why migrations could not be applied.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    /// A file of `SQL/` is not named `NNNN_name.sql`.
    case invalidFileName(String)
    /// Two files share a version number.
    case duplicateVersion(Int)
    /// A migration already applied to the database has been edited since.
    case modified(version: Int, name: String)
    /// A migration's SQL failed; nothing of it was kept.
    case failed(version: Int, name: String, reason: String)

    public var description: String {
        switch self {
        case .invalidFileName(let name):
            "migration file \(name) is not named NNNN_name.sql"
        case .duplicateVersion(let version):
            "two migration files have the version \(String(format: "%04d", version))"
        case .modified(let version, let name):
            "migration \(String(format: "%04d", version)) \(name) was edited after it was applied; "
                + "restore the applied file and add a new migration instead"
        case .failed(let version, let name, let reason):
            "migration \(String(format: "%04d", version)) \(name) failed and was rolled back: \(reason)"
        }
    }
}
