import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin booking`: what a coordinator records about bookings after the fact, and
/// the requests waiting for taken slots.
struct BookingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booking",
        abstract: "Mark no-shows and read the waitlist.",
        subcommands: [NoShow.self, Waitlist.self]
    )

    struct NoShow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-show",
            abstract: "Mark a confirmed booking that has started as a no-show: it counts its whole time when costs are shared.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The booking's id.") var booking: BookingID
        @Flag(help: "Take the mark back.") var undo = false

        func run() async throws {
            let marked = try await options.withDatabase(pole: pole) {
                try await BookingStore(database: $0).markNoShow(booking, pole: pole, !undo, actor: .adminCLI)
            }
            if options.json {
                try Output.json(["booking": marked.id.description, "noShow": marked.noShow ? "true" : "false"])
            } else {
                printLine(marked.noShow ? "Booking \(marked.id) marked as a no-show" : "Booking \(marked.id) no longer a no-show")
            }
        }
    }

    struct Waitlist: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "waitlist", abstract: "List the requests waiting for taken slots, latest first.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "Only this member's.") var member: MemberID?
        @Option(help: "Only on this resource.") var resource: ResourceID?

        func run() async throws {
            let entries = try await options.withDatabase(pole: pole) {
                try await WaitlistStore(database: $0).list(pole: pole, member: member, resource: resource)
            }
            if options.json {
                try Output.json(entries.map(WaitlistEntryRepresentation.init))
            } else {
                Output.table(
                    ["ID", "STATUS", "MEMBER", "RESOURCE", "START", "END", "QUANTITY", "BOOKING"],
                    entries.map {
                        [
                            $0.id.description, $0.status.rawValue, $0.memberID.description, $0.resourceID.description,
                            RFC3339.format($0.range.start), RFC3339.format($0.range.end), String($0.quantity),
                            $0.bookingID?.description ?? "",
                        ]
                    })
            }
        }
    }
}
