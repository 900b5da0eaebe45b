import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

/// A rule checked before a write still holds when another transaction acts in between.
@Suite("Check then act")
struct CheckThenActTests {
    @Test("units retired while a booking of them is uncommitted wait for it, then refuse: no future booking is left on a retired unit")
    func retirementWaitsForABookingInFlight() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["Les Fabriques"])
            let resources = ResourceStore(database: MutualisDatabase(pool: pool))
            let vans = try await resources.create(pole: pole.id, ResourceInput(name: "Vans", kind: .equipment, units: 2), actor: .adminCLI)
            let range = TimeRange(start: RFC3339.parse("2027-03-10T09:00:00+01:00")!, end: RFC3339.parse("2027-03-10T10:00:00+01:00")!)!

            // A booking of both units, made and held open on a connection of its own.
            let booking = try PostgresConnection(configuration: pool.configuration)
            try booking.executeScript(unsafeSQL: "BEGIN")
            _ = try BookingStore.book(
                booking, pole: pole.id, BookingInput(resourceID: vans.id, memberID: pole.members[0], range: range, quantity: 2),
                actor: .adminCLI, confirm: true, now: Date()
            )
            let retirement = Task { try await resources.update(pole: pole.id, vans.id, actor: .adminCLI) { $0.units = 1 } }
            try await Task.sleep(for: .milliseconds(500))
            try booking.executeScript(unsafeSQL: "COMMIT")

            await #expect(throws: StoreError.conflict("the units to remove hold future bookings", field: "units")) {
                try await retirement.value
            }
            let onRetired = try await pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT count(*) FROM booking_units bu JOIN resource_units u ON u.id = bu.unit_id
                    WHERE bu.active AND u.retired_at IS NOT NULL
                    """
                ).first!.decode(Int.self, at: 0)
            }
            #expect(onRetired == 0)
        }
    }
}
