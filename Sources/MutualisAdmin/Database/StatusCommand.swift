import ArgumentParser
import MutualisStore

/// `mutualis-admin db status`.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the migrations: applied, pending, or edited since they were applied."
    )

    @OptionGroup var options: GlobalOptions

    struct Report: Encodable {
        var migrations: [MigrationStatus]
    }

    func run() async throws {
        let statuses = try await options.withDatabase { database in
            try await database.migrationStatus()
        }
        if options.json {
            try Output.json(Report(migrations: statuses))
        } else {
            Output.table(
                ["VERSION", "NAME", "STATE", "APPLIED AT"],
                statuses.map { [String(format: "%04d", $0.version), $0.name, $0.state.rawValue, Output.instant($0.appliedAt)] }
            )
        }
    }
}
