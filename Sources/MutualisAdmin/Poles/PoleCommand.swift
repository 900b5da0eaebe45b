import ArgumentParser
import MutualisDomain
import MutualisStore

/// `mutualis-admin pole`: the poles of the platform.
struct PoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pole",
        abstract: "Create and list poles.",
        subcommands: [Create.self, List.self]
    )

    struct PoleJSON: Encodable {
        var id: String
        var name: String
        var timeZone: String
        var currency: String

        init(_ pole: Pole) {
            id = pole.id.description
            name = pole.name
            timeZone = pole.timeZone
            currency = pole.currency
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's name.") var name: String
        @Option(help: "Its IANA time zone.") var timeZone = "Europe/Paris"
        @Option(help: "Its ISO 4217 currency.") var currency = "EUR"

        func run() async throws {
            let pole = try await options.withDatabase { database in
                try await PoleStore(database: database).create(name: name, timeZone: timeZone, currency: currency, actor: .adminCLI)
            }
            if options.json {
                try Output.json(PoleJSON(pole))
            } else {
                printLine("Created pole \(pole.name): \(pole.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the poles.")

        @OptionGroup var options: GlobalOptions

        func run() async throws {
            let poles = try await options.withDatabase { try await PoleStore(database: $0).list() }
            if options.json {
                try Output.json(poles.map(PoleJSON.init))
            } else {
                Output.table(
                    ["ID", "NAME", "TIME ZONE", "CURRENCY"], poles.map { [$0.id.description, $0.name, $0.timeZone, $0.currency] })
            }
        }
    }
}
