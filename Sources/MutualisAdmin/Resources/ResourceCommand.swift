import ArgumentParser
import Foundation
import MutualisDomain
import MutualisStore

/// `mutualis-admin resource`: what a pole pools.
struct ResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource",
        abstract: "Add, list and change resources, set their allocation rule, and make them unavailable for a while.",
        discussion: "Opening hours and the finer booking rules are set through the API (PATCH /api/v1/resources/{id}).",
        subcommands: [Add.self, List.self, Update.self, Blackout.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a resource to a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "Its name.") var name: String
        @Option(help: "\(Resource.Kind.namesText).") var kind: Resource.Kind
        @Option(help: "Identical units (two vans: 2).") var units = 1
        @Option(help: "The member that contributed it, credited with its costs.") var owner: MemberID?
        @Flag(help: "Members' bookings wait for a coordinator's approval.") var approvalRequired = false
        @Option(help: "Minutes kept free after each booking.") var bufferMinutes = 0

        func run() async throws {
            let input = ResourceInput(
                name: name, kind: kind, units: units, ownerMemberID: owner,
                rules: ResourceRules(bufferMinutes: bufferMinutes, approvalRequired: approvalRequired)
            )
            let resource = try await options.withDatabase(pole: pole) {
                try await ResourceStore(database: $0).create(pole: pole, input, actor: .adminCLI)
            }
            if options.json {
                try Output.json(ResourceJSON(resource))
            } else {
                printLine("Added resource \(resource.name): \(resource.id)")
            }
        }
    }

    struct ResourceJSON: Encodable {
        var id: String
        var name: String
        var kind: String
        var units: Int
        var ownerMemberId: String?

        init(_ resource: Resource) {
            id = resource.id.description
            name = resource.name
            kind = resource.kind.rawValue
            units = resource.units
            ownerMemberId = resource.ownerMemberID?.description
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the resources of a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID

        func run() async throws {
            let resources = try await options.withDatabase(pole: pole) { try await ResourceStore(database: $0).all(pole: pole) }
            if options.json {
                try Output.json(resources.map(ResourceJSON.init))
            } else {
                Output.table(
                    ["ID", "NAME", "KIND", "UNITS"], resources.map { [$0.id.description, $0.name, $0.kind.rawValue, String($0.units)] })
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change some fields of a resource, or the rule its costs are shared by.",
            discussion: """
                Example: mutualis-admin resource update --pole POLE --resource ROOM --allocation-rule '{"method": "usage", "idle": "absorb"}' \\
                  --effective-from 2026-04-01
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The resource's id.") var resource: ResourceID
        @Option(help: "Its name.") var name: String?
        @Option(help: "Identical units; fewer retire the last ones if they hold no future booking.") var units: Int?
        @Option(help: "The member that contributed it; 'none' for the pole's own.") var owner: OwnerChange?
        @Option(help: "Whether members' bookings wait for approval: true or false.") var approvalRequired: Bool?
        @Option(help: "Minutes kept free after each booking.") var bufferMinutes: Int?
        @Option(
            help: ArgumentHelp(
                "What a late cancellation counts: MINUTES:PERCENT pairs, such as 10080:50,2880:100 (half within 7 days, all within 48 h); none: always free.",
                valueName: "tiers")) var cancellationTiers: CancellationTiersArgument?
        @Option(help: #"The rule its costs are shared by, as JSON: '{"method": "hybrid", "fixedPart": 0.4, "fixedKey": "headcount"}'."#)
        var allocationRule: String?
        @Option(
            help: ArgumentHelp("The first day the allocation rule applies to, YYYY-MM-DD (default: since always).", valueName: "yyyy-mm-dd")
        ) var effectiveFrom: LocalDate?

        /// `--owner`: a member, or `none`.
        enum OwnerChange: ExpressibleByArgument {
            case none
            case member(MemberID)

            init?(argument: String) {
                if argument == "none" {
                    self = .none
                } else if let id = MemberID(argument) {
                    self = .member(id)
                } else {
                    return nil
                }
            }

            var memberID: MemberID? {
                if case .member(let id) = self { id } else { nil }
            }
        }

        private var changesResource: Bool {
            name != nil || units != nil || owner != nil || approvalRequired != nil || bufferMinutes != nil || cancellationTiers != nil
        }

        func validate() throws {
            guard effectiveFrom == nil || allocationRule != nil else {
                throw ValidationError("--effective-from dates an --allocation-rule")
            }
            guard changesResource || allocationRule != nil else {
                throw ValidationError("nothing to change: give a field or --allocation-rule")
            }
        }

        func run() async throws {
            let ownerChange: MemberID?? = owner.map(\.memberID)
            let rule = try allocationRule.map { try options.allocationRule($0) }
            let from = effectiveFrom
            let changesResource = changesResource
            let (name, units, approval, buffer, tiers) = (name, units, approvalRequired, bufferMinutes, cancellationTiers?.tiers)
            // A wrong rule is refused before anything is written; the resource is changed
            // before the rule, whose own checks (members of fixedShares) come last.
            if let error = rule?.validationErrors().first { throw AdminError.refused("\(error.field): \(error.message)") }
            let updated = try await options.withDatabase(pole: pole) { database in
                let resources = ResourceStore(database: database)
                let changed =
                    changesResource
                    ? try await resources.update(pole: pole, resource, actor: .adminCLI) { input in
                        if let name { input.name = name }
                        if let units { input.units = units }
                        if let ownerChange { input.ownerMemberID = ownerChange }
                        if let approval { input.rules.approvalRequired = approval }
                        if let buffer { input.rules.bufferMinutes = buffer }
                        if let tiers { input.rules.cancellationTiers = tiers }
                    }
                    : try await resources.get(pole: pole, resource)
                if let rule {
                    _ = try await AllocationRuleStore(database: database).set(
                        pole: pole, resource: resource, rule: rule, effectiveFrom: from, actor: .adminCLI)
                }
                return changed
            }
            if options.json {
                try Output.json(ResourceJSON(updated))
            } else {
                printLine(
                    "Updated resource \(updated.name)"
                        + (rule.map { " (allocation rule: \($0.method.rawValue)\(from.map { " from \($0)" } ?? ""))" } ?? ""))
            }
        }
    }

    struct Blackout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blackout", abstract: "Make a resource unavailable for a while, list and retire blackouts.",
            subcommands: [Add.self, List.self, Remove.self]
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "The blackouts not yet over, by start.")

            @OptionGroup var options: GlobalOptions
            @Option(help: "The pole's id.") var pole: PoleID
            @Option(help: "The resource's id.") var resource: ResourceID

            func run() async throws {
                let blackouts = try await options.withDatabase(pole: pole) { database in
                    try await ResourceStore(database: database).blackouts(pole: pole, resource, endingAfter: Date())
                }
                if options.json {
                    try Output.json(
                        blackouts.map {
                            [
                                "id": $0.id.description, "start": RFC3339.format($0.range.start), "end": RFC3339.format($0.range.end),
                                "reason": $0.reason,
                            ]
                        })
                } else {
                    Output.table(
                        ["ID", "START", "END", "REASON"],
                        blackouts.map { [$0.id.description, RFC3339.format($0.range.start), RFC3339.format($0.range.end), $0.reason] })
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove", abstract: "Retire a blackout; waiting requests that now fit are booked at once.")

            @OptionGroup var options: GlobalOptions
            @Option(help: "The pole's id.") var pole: PoleID
            @Option(help: "The resource's id.") var resource: ResourceID
            @Option(help: "The blackout's id (see blackout list).") var blackout: BlackoutID

            func run() async throws {
                try await options.withDatabase(pole: pole) { database in
                    try await ResourceStore(database: database).removeBlackout(pole: pole, resource, blackout, actor: .adminCLI)
                }
                if options.json {
                    try Output.json(["removed": blackout.description])
                } else {
                    printLine("Blackout \(blackout) retired")
                }
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a blackout period (maintenance, holidays).")

            @OptionGroup var options: GlobalOptions
            @Option(help: "The pole's id.") var pole: PoleID
            @Option(help: "The resource's id.") var resource: ResourceID
            @Option(help: "Its start, RFC 3339 with an offset.") var start: InstantArgument
            @Option(help: "Its end, RFC 3339 with an offset.") var end: InstantArgument
            @Option(help: "Why, for the members.") var reason = ""

            func validate() throws {
                guard end.date > start.date else { throw ValidationError("--end must be after --start") }
            }

            func run() async throws {
                let range = TimeRange(start: start.date, end: end.date)!
                try await options.withDatabase(pole: pole) { database in
                    try await ResourceStore(database: database).addBlackout(
                        pole: pole, resource, range: range, reason: reason, actor: .adminCLI)
                }
                if options.json {
                    try Output.json([
                        "resource": resource.description, "start": RFC3339.format(range.start), "end": RFC3339.format(range.end),
                    ])
                } else {
                    printLine("Blackout added from \(RFC3339.format(range.start)) to \(RFC3339.format(range.end))")
                }
            }
        }
    }
}
