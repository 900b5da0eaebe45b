import ArgumentParser
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin category set`: a member category and its solidarity coefficient.
struct CategoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "category",
        abstract: "Set member categories and their solidarity coefficients.",
        subcommands: [Set.self]
    )

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Create a category, or change the coefficient of the one of that name."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The category's name.") var name: String
        @Option(help: "Its solidarity coefficient, 0 to 10 (0.5 halves a member's basis).") var coefficient: Double

        func run() async throws {
            guard let value = Coefficient(coefficient) else {
                throw AdminError.usage("--coefficient must be between 0 and 10, with at most four decimals")
            }
            let category = try await options.withDatabase(pole: pole) { database in
                try await CategoryStore(database: database).set(pole: pole, name: name, coefficient: value, actor: .adminCLI)
            }
            if options.json {
                try Output.json(CategoryRepresentation(category))
            } else {
                printLine("Category \(category.name): coefficient \(category.coefficient)")
            }
        }
    }
}
