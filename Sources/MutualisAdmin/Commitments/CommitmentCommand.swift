import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin commitment`: the volumes members commit to use.
struct CommitmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitment",
        abstract: "Record, list and withdraw members' commitments to a volume of a resource.",
        subcommands: [Add.self, List.self, Withdraw.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Record a member's commitment to a volume a year of a resource, over a term.",
            discussion: """
                Example: mutualis-admin commitment add --pole POLE --member FARM --resource CHIPPER --volume 100 --unit hours \\
                  --starts-on 2027-01-01 --ends-on 2029-12-31
                Costs of the resource are floored by commitments when its allocation rule says "floor": "commitment".
                """
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The member's id.") var member: MemberID
        @Option(help: "The resource's id.") var resource: ResourceID
        @Option(help: ArgumentHelp("The volume a year, such as 120 or 120.5.", valueName: "volume")) var volume: VolumeArgument
        @Option(help: "What the volume counts: \(UsageRecord.Unit.namesText).") var unit: UsageRecord.Unit = .hours
        @Option(help: ArgumentHelp("The first day of the term, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var startsOn: LocalDate
        @Option(help: ArgumentHelp("The last day of the term, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var endsOn: LocalDate
        @Option(help: "A note, such as the agreement's reference.") var note = ""

        var input: CommitmentInput {
            CommitmentInput(
                memberID: member, resourceID: resource, volumeThousandths: volume.thousandths, unit: unit, startsOn: startsOn,
                endsOn: endsOn, note: note)
        }

        func validate() throws {
            if let error = input.validationErrors().first {
                let option = ["volume": "--volume", "endsOn": "--ends-on", "note": "--note"][error.field] ?? error.field
                throw ValidationError("\(option) \(error.message)")
            }
        }

        func run() async throws {
            let input = input
            let commitment = try await options.withDatabase(pole: pole) {
                try await CommitmentStore(database: $0).create(pole: pole, input, actor: .adminCLI)
            }
            if options.json {
                try Output.json(CommitmentRepresentation(commitment))
            } else {
                printLine(
                    "Recorded commitment of \(DecimalText.fixed(commitment.volume, decimals: 3)) \(commitment.unit.rawValue) a year from \(commitment.startsOn) to \(commitment.endsOn): \(commitment.id)"
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the commitments in force or to come, of a member or on a resource, by start.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "Only this member's.") var member: MemberID?
        @Option(help: "Only on this resource.") var resource: ResourceID?

        func run() async throws {
            let commitments = try await options.withDatabase(pole: pole) {
                try await CommitmentStore(database: $0).list(pole: pole, member: member, resource: resource)
            }
            if options.json {
                try Output.json(commitments.map(CommitmentRepresentation.init))
            } else {
                Output.table(
                    ["ID", "MEMBER", "RESOURCE", "VOLUME A YEAR", "UNIT", "FROM", "TO"],
                    commitments.map {
                        [
                            $0.id.description, $0.memberID.description, $0.resourceID.description,
                            DecimalText.fixed($0.volume, decimals: 3), $0.unit.rawValue, $0.startsOn.description, $0.endsOn.description,
                        ]
                    })
            }
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Withdraw a commitment: later runs ignore it, finalised runs keep what it counted.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The commitment's id.") var commitment: CommitmentID

        func run() async throws {
            try await options.withDatabase(pole: pole) {
                try await CommitmentStore(database: $0).withdraw(pole: pole, commitment, actor: .adminCLI)
            }
            if options.json {
                try Output.json(["withdrawn": commitment.description])
            } else {
                printLine("Commitment \(commitment) withdrawn")
            }
        }
    }
}
