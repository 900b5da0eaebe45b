import ArgumentParser

/// `mutualis-admin`: the platform administrator's command line.
public struct MutualisAdminCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "mutualis-admin",
        abstract: "Administer Mutualis: the database, poles, members, resources, users and tokens, costs and their sharing.",
        discussion: """
            Every command takes --database-url (default: $DATABASE_URL) and --json.
            Errors are one line on stderr; the exit status is 1 for a refused operation, 2 for a usage error.
            """,
        subcommands: [
            DatabaseCommand.self, PoleCommand.self, MemberCommand.self, CategoryCommand.self, ResourceCommand.self, UserCommand.self,
            TokenCommand.self, CostCommand.self, CommitmentCommand.self, BookingCommand.self, AllocateCommand.self, ReportCommand.self,
            DemoCommand.self,
        ]
    )

    public init() {}
}
