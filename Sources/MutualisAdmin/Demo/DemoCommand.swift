import ArgumentParser
import Foundation
import MutualisDomain
import MutualisStore

/// `mutualis-admin demo`: a pole to try Mutualis with.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Seed a demonstration pole.", subcommands: [Seed.self]
    )

    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed",
            abstract: "Create a demonstration pole modelled on Pôle Sud in Romans, and print its users' tokens.",
            discussion: """
                Twelve members; ten resources (two vans, a sound system, a rehearsal studio, two meeting rooms,
                shared desks, a wood machine lent by one member, cargo bikes, a shared accountant and technician);
                bookings over the last three months and the coming ten days, the staff's timesheets, each month's
                costs and their rules; a coordinator and a member user, each with a new API token and the password
                Demo-Mutualis-2027 for the pages. Last month is
                ready to close: allocate run --from FIRST_DAY_OF_LAST_MONTH --to FIRST_DAY_OF_THIS_MONTH.
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The demonstration pole's name (pole names are unique).") var name = "Pôle Sud (démo)"

        func run() async throws {
            let seeded = try await options.withDatabase { try await DemoPole.seed(named: name, database: $0) }
            if options.json {
                try Output.json(seeded)
            } else {
                printLine("Seeded \(name): \(seeded.poleId)")
                printLine("Coordinator \(seeded.coordinatorEmail), token: \(seeded.coordinatorToken)")
                printLine("Member user \(seeded.memberEmail) (\(seeded.memberName)), token: \(seeded.memberToken)")
                printLine("Both sign in to the pages with the password \(seeded.password)")
                printLine("Last month, ready to close: \(seeded.lastMonthStart)..\(seeded.lastMonthEnd)")
            }
        }
    }
}
