import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin report`: what the pole publishes.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for the pole's funders.", subcommands: [Pooling.self]
    )

    struct Pooling: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pooling",
            abstract: "The pooling report for a period: use of each resource, staff time in FTE, costs shared, members."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @OptionGroup var dates: PeriodOptions
        @Flag(help: "Print CSV (one figure per row) instead of tables.") var csv = false
        @Option(help: "The CSV's dialect: rfc4180 (for software) or french (for a spreadsheet).") var dialect: CSVDialect = .rfc4180

        func run() async throws {
            let report = PoolingReportRepresentation(
                try await options.withDatabase(pole: pole) {
                    try await PoolingReportStore(database: $0).report(pole: pole, period: dates.period)
                })
            if options.json {
                try Output.json(report)
            } else if csv {
                AdminEnvironment.current.standardOutput(try report.csv(dialect: dialect))
            } else {
                printLine("Pooling report, \(report.from)..\(report.to)")
                Output.table(
                    ["RESOURCE", "KIND", "UNITS", "BOOKINGS", "BOOKED H", "AVAILABLE H", "USE %", "MEMBERS"],
                    report.resources.map {
                        [
                            $0.name, $0.kind, String($0.units), String($0.bookings), DecimalText.fixed($0.bookedHours, decimals: 2),
                            DecimalText.fixed($0.availableHours, decimals: 2),
                            $0.utilisationPercent.map { DecimalText.fixed($0, decimals: 1) } ?? "-",
                            String($0.membersServed),
                        ]
                    }
                )
                printLine("Staff time shared: \(DecimalText.fixed(report.staff.fte, decimals: 3)) FTE (1 FTE = 1 607 h a year)")
                Output.table(
                    ["CATEGORY", "POOLED", "ALLOCATED", "UNALLOCATED", "NOT FINALISED", "CREDITED"],
                    report.costs.byCategory.map {
                        [
                            $0.category, DecimalText.euros($0.pooledCents), DecimalText.euros($0.allocatedCents),
                            DecimalText.euros($0.unallocatedCents),
                            DecimalText.euros($0.notFinalizedCents), DecimalText.euros($0.creditedCents),
                        ]
                    }
                )
                printLine("Members active: \(report.members.active), served: \(report.members.served)")
                Output.table(["LEGAL FORM", "MEMBERS"], report.members.byLegalForm.map { [$0.legalForm, String($0.count)] })
            }
        }
    }
}
