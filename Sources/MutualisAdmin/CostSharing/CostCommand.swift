import ArgumentParser
import Foundation
import MutualisDomain
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
        @Option(help: "The pole's id.") var pole: String
        @Option(help: "The resource it belongs to; without it, a pole-wide cost.") var resource: String?
        @Option(help: "First day of its period, YYYY-MM-DD.") var from: String
        @Option(help: "Day after the last of its period, YYYY-MM-DD.") var to: String
        @Option(help: "The amount in euros, such as 1000.00.") var amount: String
        @Option(help: "rent, salary, leasing, insurance, maintenance, depreciation, energy, supplies or other.") var category: String
        @Option(help: "What it is, as statements show it.") var label: String
        @Option(help: #"Its own allocation rule as JSON, such as '{"method": "equal"}'; it wins over the resource's."#) var rule: String?

        func run() async throws {
            let poleID = try options.id(pole, as: PoleID.self, option: "pole")
            let resourceID = try resource.map { try options.id($0, as: ResourceID.self, option: "resource") }
            let period = try options.period(from: from, to: to)
            guard let cents = Self.cents(amount) else {
                throw AdminError.usage(
                    "--amount is euros with at most two decimals, such as 1000.00, and at most \(InputBounds.maxAmountCents / 100)")
            }
            guard let costCategory = Cost.Category(rawValue: category) else {
                throw AdminError.usage("--category must be one of \(Cost.Category.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let allocationRule = try rule.map { try options.allocationRule($0) }
            let input = CostInput(
                resourceID: resourceID, period: period, amountCents: cents, category: costCategory, label: label, rule: allocationRule)
            let cost = try await options.withPool { try await CostStore(pool: $0).create(pole: poleID, input, actor: .adminCLI) }
            if options.json {
                try Output.json(CostRepresentation(cost))
            } else {
                printLine("Recorded cost \(cost.label) (\(DecimalText.euros(cost.amountCents))): \(cost.id)")
            }
        }

        /// Euros as typed by people, read exactly: `1000`, `1000.5`, `1000.50`; the whole euros
        /// are bounded before they are multiplied, so that no amount can overflow.
        static func cents(_ text: String) -> Int? {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, let whole = Int(parts[0]), (0...InputBounds.maxAmountCents / 100).contains(whole),
                !parts[0].hasPrefix("+")
            else { return nil }
            guard parts.count == 2 else { return whole * 100 }
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), let value = Int(fraction), value >= 0 else {
                return nil
            }
            return whole * 100 + (fraction.count == 1 ? value * 10 : value)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the costs of a pole, within a period if given.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: String
        @Option(help: "Costs whose period starts on or after, YYYY-MM-DD.") var from: String?
        @Option(help: "Costs whose period ends on or before, YYYY-MM-DD.") var to: String?

        func run() async throws {
            let poleID = try options.id(pole, as: PoleID.self, option: "pole")
            let period: DatePeriod? = from == nil && to == nil ? nil : try options.period(from: from ?? "", to: to ?? "")
            let costs = try await options.withPool { try await CostStore(pool: $0).all(pole: poleID, within: period) }
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
