import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

@Suite("Booking preview")
struct BookingPreviewTests {
    @Test("a preview says what booking would do, rules and taken slots included, and stores nothing")
    func previewStoresNothing() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["Les Fabriques", "Ardelaine"])
            let database = MutualisDatabase(pool: pool)
            let room = try await ResourceStore(database: database).create(
                pole: pole.id, ResourceInput(name: "Salle", kind: .premises, rules: ResourceRules(slotMinutes: 30)), actor: .adminCLI)
            let bookings = BookingStore(database: database)
            let range = TimeRange(start: RFC3339.parse("2027-03-10T09:00:00+01:00")!, end: RFC3339.parse("2027-03-10T10:00:00+01:00")!)!
            let input = BookingInput(resourceID: room.id, memberID: pole.members[0], range: range)
            let now = RFC3339.parse("2027-03-01T00:00:00Z")!

            let preview = try await bookings.preview(pole: pole.id, input, actor: .adminCLI, confirm: false, now: now)
            #expect(preview.bookings.map(\.status) == [.confirmed] && preview.bookings[0].range == range)
            let count = { try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) } }
            #expect(try await count() == 0)

            var offSlot = input
            offSlot.range = TimeRange(start: range.start.addingTimeInterval(600), end: range.end)!
            await #expect(throws: StoreError.self) {
                try await bookings.preview(pole: pole.id, offSlot, actor: .adminCLI, confirm: false, now: now)
            }

            _ = try await bookings.book(pole: pole.id, input, actor: .adminCLI, confirm: false, now: now)
            var other = input
            other.memberID = pole.members[1]
            await #expect(throws: StoreError.self) {
                try await bookings.preview(pole: pole.id, other, actor: .adminCLI, confirm: false, now: now)
            }
            #expect(try await count() == 1)
        }
    }
}
