import ArgumentParser
import Foundation
import MutualisDomain
import MutualisStore

/// `mutualis-admin resource`: what a pole pools.
struct ResourceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource",
        abstract: "Add and list resources, and make them unavailable for a while.",
        discussion: "Opening hours and the other booking rules are set through the API (PATCH /api/v1/resources/{id}).",
        subcommands: [Add.self, List.self, Blackout.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a resource to a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: String
        @Option(help: "Its name.") var name: String
        @Option(help: "equipment, staff or premises.") var kind: String
        @Option(help: "Identical units (two vans: 2).") var units = 1
        @Option(help: "The member that contributed it, credited with its costs.") var owner: String?
        @Flag(help: "Members' bookings wait for a coordinator's approval.") var approvalRequired = false
        @Option(help: "Minutes kept free after each booking.") var bufferMinutes = 0

        func run() async throws {
            let poleID = try options.id(pole, as: PoleID.self, option: "pole")
            guard let resourceKind = Resource.Kind(rawValue: kind) else { throw AdminError.usage("--kind must be equipment, staff or premises") }
            let ownerID = try owner.map { try options.id($0, as: MemberID.self, option: "owner") }
            let input = ResourceInput(
                name: name, kind: resourceKind, units: units, ownerMemberID: ownerID,
                rules: ResourceRules(bufferMinutes: bufferMinutes, approvalRequired: approvalRequired)
            )
            let resource = try await options.withPool { try await ResourceStore(pool: $0).create(pole: poleID, input, actor: .adminCLI) }
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
        @Option(help: "The pole's id.") var pole: String

        func run() async throws {
            let poleID = try options.id(pole, as: PoleID.self, option: "pole")
            let resources = try await options.withPool { try await ResourceStore(pool: $0).all(pole: poleID) }
            if options.json {
                try Output.json(resources.map(ResourceJSON.init))
            } else {
                Output.table(["ID", "NAME", "KIND", "UNITS"], resources.map { [$0.id.description, $0.name, $0.kind.rawValue, String($0.units)] })
            }
        }
    }

    struct Blackout: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "blackout", abstract: "Make a resource unavailable for a while.", subcommands: [Add.self]
        )

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a blackout period (maintenance, holidays).")

            @OptionGroup var options: GlobalOptions
            @Option(help: "The pole's id.") var pole: String
            @Option(help: "The resource's id.") var resource: String
            @Option(help: "Its start, RFC 3339 with an offset.") var start: String
            @Option(help: "Its end, RFC 3339 with an offset.") var end: String
            @Option(help: "Why, for the members.") var reason = ""

            func run() async throws {
                let poleID = try options.id(pole, as: PoleID.self, option: "pole")
                let resourceID = try options.id(resource, as: ResourceID.self, option: "resource")
                guard let from = try? Date(start, strategy: .iso8601), let to = try? Date(end, strategy: .iso8601) else {
                    throw AdminError.usage("--start and --end are RFC 3339 instants, such as 2026-08-01T00:00:00+02:00")
                }
                guard let range = TimeRange(start: from, end: to) else { throw AdminError.usage("--end must be after --start") }
                try await options.withPool { pool in
                    try await ResourceStore(pool: pool).addBlackout(pole: poleID, resourceID, range: range, reason: reason, actor: .adminCLI)
                }
                if options.json {
                    try Output.json(["resource": resourceID.description, "start": start, "end": end])
                } else {
                    printLine("Blackout added from \(start) to \(end)")
                }
            }
        }
    }
}
