import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin cost`: what the pole's pooled resources cost.
struct CostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "Record and list the costs to share.",
        subcommands: [Add.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a cost for a period, for a resource or the whole pole.",
            discussion: """
                Example: mutualis-admin cost add --pole POLE --resource VAN --from 2026-03-01 --to 2026-04-01 \\
                  --amount 1000.00 --category leasing --label "Van leasing, March"
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The resource it belongs to; without it, a pole-wide cost.") var resource: ResourceID?
        @OptionGroup var dates: PeriodOptions
        @Option(parsing: .unconditional, help: ArgumentHelp("The amount in euros, such as 1000.00.", valueName: "euros")) var amount:
            EuroAmount
        @Option(help: "\(Cost.Category.namesText).") var category: Cost.Category
        @Option(help: "What it is, as statements show it.") var label: String
        @Option(help: #"Its own allocation rule as JSON, such as '{"method": "equal"}'; it wins over the resource's."#) var rule: String?

        func validate() throws {
            if let problem = amount.problem { throw ValidationError("--amount \(problem)") }
        }

        func run() async throws {
            let allocationRule = try rule.map { try options.allocationRule($0) }
            let input = CostInput(
                resourceID: resource, period: dates.period, amountCents: amount.cents, category: category, label: label,
                rule: allocationRule)
            let cost = try await options.withDatabase(pole: pole) {
                try await CostStore(database: $0).create(pole: pole, input, actor: .adminCLI)
            }
            if options.json {
                try Output.json(CostRepresentation(cost))
            } else {
                printLine("Recorded cost \(cost.label) (\(DecimalText.euros(cost.amountCents))): \(cost.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the costs of a pole, within a period if given, by period then label.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: ArgumentHelp("Costs whose period starts on or after, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var from: LocalDate?
        @Option(help: ArgumentHelp("Costs whose period ends on or before, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var to: LocalDate?

        func validate() throws {
            guard (from == nil) == (to == nil) else { throw ValidationError("--from and --to go together") }
            if let from, let to, to <= from { throw ValidationError("--to must be after --from") }
        }

        func run() async throws {
            let period = from.flatMap { from in to.flatMap { DatePeriod(start: from, end: $0) } }
            let costs = try await options.withDatabase(pole: pole) { try await CostStore(database: $0).all(pole: pole, within: period) }
                .sorted { ($0.period.start, $0.period.end, $0.label, $0.id) < ($1.period.start, $1.period.end, $1.label, $1.id) }
            if options.json {
                try Output.json(costs.map(CostRepresentation.init))
            } else {
                Output.table(
                    ["ID", "PERIOD", "CATEGORY", "AMOUNT", "RESOURCE", "LABEL"],
                    costs.map {
                        [
                            $0.id.description, "\($0.period.start)..\($0.period.end)", $0.category.rawValue,
                            DecimalText.euros($0.amountCents),
                            $0.resourceID?.description ?? "pole-wide", $0.label,
                        ]
                    }
                )
            }
        }
    }
}
