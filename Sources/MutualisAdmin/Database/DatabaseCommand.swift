import ArgumentParser

/// `mutualis-admin db`: the schema.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Apply and inspect the database schema.",
        subcommands: [MigrateCommand.self, StatusCommand.self]
    )
}
