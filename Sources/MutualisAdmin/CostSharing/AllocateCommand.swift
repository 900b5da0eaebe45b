import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin allocate`: a month's close, from the command line.
struct AllocateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Share a period's costs among the members: run a draft, show it, finalise it, export statements.",
        discussion: """
            A draft can be run again (allocate run --recompute RUN) until it is finalised; a finalised run never changes.
            """,
        subcommands: [Run.self, List.self, Show.self, Finalize.self, Export.self]
    )

    /// `--pole` and `--run`: the run that show, finalize and export work on.
    struct RunSelection: ParsableArguments {
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The run's id.") var run: AllocationRunID
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Compute a draft run for a period, or compute a draft again."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: ArgumentHelp("First day of the period, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var from: LocalDate?
        @Option(help: ArgumentHelp("Day after the last of the period, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var to: LocalDate?
        @Option(help: "A draft run to compute again, instead of a new run.") var recompute: AllocationRunID?

        func validate() throws {
            if recompute != nil {
                guard from == nil, to == nil else {
                    throw ValidationError("--recompute takes the run's own period: leave out --from and --to")
                }
            } else {
                guard let from, let to else { throw ValidationError("give the period with --from and --to, or a draft with --recompute") }
                guard to > from else { throw ValidationError("--to must be after --from") }
            }
        }

        func run() async throws {
            let compute: @Sendable (AllocationRunStore) async throws -> StoredAllocationRun
            if let recompute {
                compute = { try await $0.recompute(pole: pole, recompute, actor: .adminCLI) }
            } else if let from, let to, let period = DatePeriod(start: from, end: to) {
                compute = { try await $0.create(pole: pole, period: period, actor: .adminCLI) }
            } else {
                throw ValidationError("give the period with --from and --to, or a draft with --recompute")
            }
            try await RunOutput.print(pole: pole, options: options) { try await compute(AllocationRunStore(database: $0)) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the runs of a pole, latest period first.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID

        func run() async throws {
            let runs = try await options.withDatabase(pole: pole) { try await AllocationRunStore(database: $0).all(pole: pole) }
            if options.json {
                try Output.json(runs.map(AllocationRunSummaryRepresentation.init))
            } else {
                Output.table(
                    ["ID", "PERIOD", "STATUS", "COSTS", "TOTAL", "UNALLOCATED", "FINALIZED"],
                    runs.map {
                        [
                            $0.id.description, "\($0.period.start)..\($0.period.end)", $0.status.rawValue, String($0.costCount),
                            DecimalText.euros($0.totalCents), DecimalText.euros($0.unallocatedCents),
                            $0.finalizedAt.map { RFC3339.format($0) } ?? "",
                        ]
                    })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a run: each member's charges, credits and net.")

        @OptionGroup var options: GlobalOptions
        @OptionGroup var selection: RunSelection

        func run() async throws {
            let (pole, runID) = (selection.pole, selection.run)
            try await RunOutput.print(pole: pole, options: options) { try await AllocationRunStore(database: $0).get(pole: pole, runID) }
        }
    }

    struct Finalize: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finalize", abstract: "Freeze a draft run: from then on the database refuses any change to it."
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var selection: RunSelection

        func run() async throws {
            let (pole, runID) = (selection.pole, selection.run)
            let stored = try await options.withDatabase(pole: pole) {
                try await AllocationRunStore(database: $0).finalize(pole: pole, runID, actor: .adminCLI)
            }
            if options.json {
                try Output.json(AllocationRunRepresentation(stored))
            } else {
                printLine(
                    "Finalised run \(runID) for \(stored.run.period.start)..\(stored.run.period.end): \(DecimalText.euros(stored.totalCents)) shared"
                )
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write members' statements as CSV, for the accountant.",
            discussion: """
                With --member, one statement on stdout (--json: the statement as JSON). With --output DIR, one file
                per member with a line or a credit in the run, named after the period and the member:
                releve-2026-11-les-fabriques-de-romans.csv. --dialect french writes them for a French spreadsheet
                (byte-order mark, semicolons, decimal commas, JJ/MM/AAAA dates).
                """
        )

        @OptionGroup var options: GlobalOptions
        @OptionGroup var selection: RunSelection
        @Option(help: "One member's statement, on stdout.") var member: MemberID?
        @Option(help: "A folder to write every member's statement in.") var output: String?
        @Option(help: "rfc4180 (for software) or french (for a spreadsheet).") var dialect: CSVDialect = .rfc4180

        func run() async throws {
            let (pole, runID) = (selection.pole, selection.run)
            switch (member, output) {
            case (let member?, nil):
                let statement = try await options.withDatabase(pole: pole) {
                    try await AllocationRunStore(database: $0).statement(pole: pole, runID, member: member, finalizedOnly: false)
                }
                let representation = StatementRepresentation(statement)
                if options.json {
                    try Output.json(representation)
                } else {
                    AdminEnvironment.current.standardOutput(try representation.csv(dialect: dialect))
                }
            case (nil, let folder?):
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw AdminError.refused("cannot create \(folder): \(error.localizedDescription)")
                }
                let written = try await options.withDatabase(pole: pole) { database in
                    let statements = try await AllocationRunStore(database: database).statements(pole: pole, runID)
                    var files: [String] = []
                    guard let period = statements.first?.run.run.period else { return files }
                    let names = FileName.statements(period, members: statements.map(\.member))
                    for memberStatement in statements {
                        let statement = StatementRepresentation(memberStatement)
                        let path = URL(fileURLWithPath: folder).appendingPathComponent(names[memberStatement.member.id]!).path
                        do {
                            try Data(try statement.csv(dialect: dialect).utf8).write(to: URL(fileURLWithPath: path))
                        } catch let error as CocoaError {
                            throw AdminError.refused("cannot write \(path): \(error.localizedDescription)")
                        }
                        files.append(path)
                    }
                    return files
                }
                if options.json {
                    try Output.json(["files": written])
                } else {
                    printLine("Wrote \(written.count) statements in \(folder)")
                }
            default:
                throw AdminError.usage("give either --member (one statement on stdout) or --output DIR (every member's)")
            }
        }
    }
}

/// How `allocate run` and `allocate show` print a run.
enum RunOutput {
    /// Prints the run `load` answers; for people, with the members' names read on the same pool.
    static func print(
        pole: PoleID, options: GlobalOptions, _ load: @escaping @Sendable (MutualisDatabase) async throws -> StoredAllocationRun
    ) async throws {
        let json = options.json
        let (stored, names) = try await options.withDatabase(pole: pole) { database in
            let stored = try await load(database)
            let names =
                json
                ? [:] : try await MemberStore(database: database).all(pole: pole).reduce(into: [MemberID: String]()) { $0[$1.id] = $1.name }
            return (stored, names)
        }
        if json {
            try Output.json(AllocationRunRepresentation(stored))
            return
        }
        let run = stored.run
        let members = run.involvedMembers
        printLine(
            "Run \(run.id) (\(run.status.rawValue)) for \(run.period.start)..\(run.period.end): \(stored.costs.count) costs, \(DecimalText.euros(stored.totalCents)) in all"
        )
        Output.table(
            ["MEMBER", "NAME", "CHARGED", "CREDITED", "NET"],
            members.map { member in
                let statement = run.statement(for: member)
                return [
                    member.description, names[member] ?? "?", DecimalText.euros(statement.chargedCents),
                    DecimalText.euros(statement.creditedCents), DecimalText.euros(statement.netCents),
                ]
            }
        )
        printLine("Unallocated, left to the pole: \(DecimalText.euros(run.unallocatedCents))")
    }
}
