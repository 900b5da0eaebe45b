import ArgumentParser
import MutualisStore

/// `mutualis-admin db migrate`.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the migrations the database does not have yet; safe to run twice."
    )

    @OptionGroup var options: GlobalOptions

    struct Report: Encodable {
        var applied: [Entry]
        var current: Int?
    }

    struct Entry: Encodable {
        var version: Int
        var name: String
    }

    func run() async throws {
        let applied = try await options.withDatabase { database in
            try await database.migrate()
        }
        let current = Migration.embedded.last?.version
        if options.json {
            try Output.json(Report(applied: applied.map { Entry(version: $0.version, name: $0.name) }, current: current))
        } else if applied.isEmpty {
            printLine("The database is up to date (\(Migration.embedded.count) migration\(Migration.embedded.count == 1 ? "" : "s")).")
        } else {
            for migration in applied { printLine("Applied \(migration.label)") }
        }
    }
}
