import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin member`: the member organisations of a pole.
struct MemberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Add, list, show, update members, and record that one left.",
        subcommands: [Add.self, List.self, Show.self, Update.self, Leave.self, Import.self, Export.self]
    )

    typealias MemberJSON = MemberRepresentation

    /// Prints members as a table or as JSON.
    static func show(_ members: [Member], options: GlobalOptions) throws {
        if options.json {
            try Output.json(members.map(MemberJSON.init))
        } else {
            Output.table(
                ["ID", "NAME", "LEGAL FORM", "SIRET", "FTE", "JOINED", "LEFT"],
                members.map {
                    [
                        $0.id.description, $0.name, $0.legalForm.rawValue, $0.siret?.digits ?? "-",
                        String(Double($0.headcountHundredths) / 100), $0.joinedOn.description, $0.leftOn?.description ?? "-",
                    ]
                })
        }
    }

    /// The fields shared by `add` and `update`.
    struct Fields: ParsableArguments {
        @Option(help: "The organisation's name.") var name: String?
        @Option(help: "One of \(LegalForm.namesText).") var legalForm: LegalForm?
        @Option(help: "Its 14-digit SIRET.") var siret: String?
        @Option(help: "Its category's name.") var category: String?
        @Option(help: "Full-time equivalents.") var headcount: Double?
        @Option(help: "Annual budget in cents.") var annualBudgetCents: Int?
        @Option(help: ArgumentHelp("First day of membership, YYYY-MM-DD (default: today).", valueName: "yyyy-mm-dd")) var joinedOn:
            LocalDate?

        func apply(to input: inout MemberInput, options: GlobalOptions, categories: [MemberCategory]) throws {
            if let name { input.name = name }
            if let legalForm { input.legalForm = legalForm }
            if let siret { input.siret = siret }
            if let category {
                guard let match = categories.first(where: { $0.name == category }) else {
                    throw AdminError.refused("no category named \(category) in this pole")
                }
                input.categoryID = match.id
            }
            if let headcount { input.headcount = headcount }
            if let annualBudgetCents { input.annualBudgetCents = annualBudgetCents }
            if let joinedOn { input.joinedOn = joinedOn }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a member to a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @OptionGroup var fields: Fields

        func run() async throws {
            guard fields.name != nil, fields.legalForm != nil else { throw AdminError.usage("--name and --legal-form are required") }
            let member = try await options.withDatabase(pole: pole) { database in
                var input = MemberInput(name: "", legalForm: .association)
                try fields.apply(to: &input, options: options, categories: try await CategoryStore(database: database).list(pole: pole))
                return try await MemberStore(database: database).create(pole: pole, input, actor: .adminCLI)
            }
            if options.json { try Output.json(MemberJSON(member)) } else { printLine("Added member \(member.name): \(member.id)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the members of a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID

        func run() async throws {
            let members = try await options.withDatabase(pole: pole) { try await MemberStore(database: $0).all(pole: pole) }
            try MemberCommand.show(members, options: options)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one member.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Argument(help: "The member's id.") var member: MemberID

        func run() async throws {
            let found = try await options.withDatabase(pole: pole) { try await MemberStore(database: $0).get(pole: pole, member) }
            if options.json { try Output.json(MemberJSON(found)) } else { try MemberCommand.show([found], options: options) }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "update", abstract: "Change some fields of a member.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Argument(help: "The member's id.") var member: MemberID
        @OptionGroup var fields: Fields

        func run() async throws {
            let updated = try await options.withDatabase(pole: pole) { database in
                var probe = MemberInput(name: "", legalForm: .association)
                try fields.apply(to: &probe, options: options, categories: try await CategoryStore(database: database).list(pole: pole))
                let changes = probe
                let given = fields
                return try await MemberStore(database: database).update(pole: pole, member, actor: .adminCLI) { input in
                    if given.name != nil { input.name = changes.name }
                    if given.legalForm != nil { input.legalForm = changes.legalForm }
                    if given.siret != nil { input.siret = changes.siret }
                    if given.category != nil { input.categoryID = changes.categoryID }
                    if given.headcount != nil { input.headcount = changes.headcount }
                    if given.annualBudgetCents != nil { input.annualBudgetCents = changes.annualBudgetCents }
                    if given.joinedOn != nil { input.joinedOn = changes.joinedOn }
                }
            }
            if options.json { try Output.json(MemberJSON(updated)) } else { printLine("Updated member \(updated.name)") }
        }
    }

    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leave", abstract: "Record a member's last day of membership.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Argument(help: "The member's id.") var member: MemberID
        @Option(help: ArgumentHelp("The last day of membership, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var on: LocalDate

        func run() async throws {
            let updated = try await options.withDatabase(pole: pole) { database in
                try await MemberStore(database: database).update(pole: pole, member, actor: .adminCLI) { $0.leftOn = on }
            }
            if options.json {
                try Output.json(MemberJSON(updated))
            } else {
                printLine("\(updated.name) left on \(updated.leftOn?.description ?? "-")")
            }
        }
    }
}

extension MemberCommand.Fields: Sendable {}

extension MemberCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add the members of a CSV file, all or none.",
            discussion:
                "Columns: \(MemberCSV.header.joined(separator: ",")) (name and legalForm required), separated by , or ; (a French spreadsheet's CSV, with decimal commas and DD/MM/YYYY dates, reads as well). A bad row is reported with its line and field, and then nothing is imported. A row naming a member the pole already has (same SIRET, or same name) is refused unless --update."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Flag(help: "Update the members a row names again (same SIRET or name) instead of refusing the file.") var update = false
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw AdminError.usage("cannot read \(file)") }
            guard let text = String(data: data, encoding: .utf8) else { throw AdminError.refused("\(file) is not UTF-8") }
            let members = try await options.withDatabase(pole: pole) { database in
                let rows = try MemberCSV.read(text, categories: try await CategoryStore(database: database).list(pole: pole))
                return try await MemberStore(database: database).importAll(pole: pole, rows, updatingExisting: update, actor: .adminCLI)
            }
            if options.json {
                try Output.json(members.map(MemberJSON.init))
            } else {
                printLine("Imported \(members.count) member\(members.count == 1 ? "" : "s")")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Print the members of a pole as CSV (or JSON with --json)."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "rfc4180 (for software) or french (for a spreadsheet).") var dialect: CSVDialect = .rfc4180

        func run() async throws {
            let (members, categories) = try await options.withDatabase(pole: pole) { database in
                (try await MemberStore(database: database).all(pole: pole), try await CategoryStore(database: database).list(pole: pole))
            }
            if options.json {
                try Output.json(members.map(MemberJSON.init))
            } else {
                AdminEnvironment.current.standardOutput(try MemberCSV.write(members, categories: categories, dialect: dialect))
            }
        }
    }
}
