import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

@Suite("A member's spans on a resource")
struct BookingSpansTests {
    @Test("only the member's live bookings of that resource within the window, in order")
    func spans() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["Les Fabriques", "Ardelaine"])
            let database = MutualisDatabase(pool: pool)
            let resources = ResourceStore(database: database)
            let room = try await resources.create(pole: pole.id, ResourceInput(name: "Salle", kind: .premises, units: 3), actor: .adminCLI)
            let van = try await resources.create(pole: pole.id, ResourceInput(name: "Camion", kind: .equipment), actor: .adminCLI)
            let bookings = BookingStore(database: database)
            let now = RFC3339.parse("2027-03-01T00:00:00Z")!
            func range(_ hour: Int) -> TimeRange {
                let start = RFC3339.parse("2027-03-10T00:00:00Z")!.addingTimeInterval(Double(hour) * 3_600)
                return TimeRange(start: start, end: start.addingTimeInterval(3_600))!
            }
            func book(_ member: MemberID, _ resource: ResourceID, _ hour: Int) async throws -> Booking {
                try await bookings.book(
                    pole: pole.id, BookingInput(resourceID: resource, memberID: member, range: range(hour)), actor: .adminCLI,
                    confirm: true,
                    now: now
                ).bookings[0]
            }
            _ = try await book(pole.members[0], room.id, 10)
            _ = try await book(pole.members[0], room.id, 8)
            let cancelled = try await book(pole.members[0], room.id, 12)
            _ = try await bookings.move(
                cancelled.id, to: .cancelled, scope: BookingScope(poleID: pole.id, memberID: nil), actor: .adminCLI, now: now)
            _ = try await book(pole.members[1], room.id, 9)
            _ = try await book(pole.members[0], van.id, 11)
            _ = try await book(pole.members[0], room.id, 40)

            let window = TimeRange(start: range(0).start, end: range(24).start)!
            #expect(
                try await bookings.spans(of: pole.members[0], pole: pole.id, resource: room.id, window: window) == [range(8), range(10)])
        }
    }
}
