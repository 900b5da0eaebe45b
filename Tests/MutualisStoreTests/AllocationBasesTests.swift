import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

/// The SQL that measures use for an allocation run, each query against a real database.
@Suite("Allocation bases")
struct AllocationBasesTests {
    struct Fixture {
        var member: MemberID
        var other: MemberID
        var resource: ResourceID
        var range: TimeRange
    }

    /// A pole with two members and a two-unit van, and March 2027 in Paris as the range.
    private func fixture(_ connection: PostgresConnection) throws -> Fixture {
        let pole = try connection.query("INSERT INTO poles (name) VALUES ('Pôle Sud') RETURNING id").first!.decode(UUID.self, at: 0)
        func member(_ name: String) throws -> MemberID {
            try connection.query(
                "INSERT INTO members (pole_id, name, legal_form, joined_on) VALUES (\(pole), \(name), 'association', '2026-01-01') RETURNING id"
            ).first!.decode(MemberID.self, at: 0)
        }
        let resource = try connection.query(
            "INSERT INTO resources (pole_id, name, kind, units) VALUES (\(pole), 'Van', 'equipment', 2) RETURNING id"
        ).first!.decode(ResourceID.self, at: 0)
        let march = PoleTimeZone.paris.range(of: DatePeriod(start: LocalDate("2027-03-01")!, end: LocalDate("2027-04-01")!)!)
        return Fixture(member: try member("Les Fabriques"), other: try member("Ardelaine"), resource: resource, range: march)
    }

    private func book(
        _ connection: PostgresConnection, _ f: Fixture, _ member: MemberID, _ start: String, _ end: String,
        quantity: Int = 1, status: String = "confirmed", counted: Int = 0, noShow: Bool = false
    ) throws {
        try connection.execute(
            """
            INSERT INTO bookings (pole_id, resource_id, member_id, quantity, during, status, counted_percent, no_show)
            SELECT pole_id, \(f.resource), \(member), \(quantity), tstzrange(\(start)::timestamptz, \(end)::timestamptz, '[)'),
                   \(status)::booking_status, \(counted), \(noShow)
            FROM resources WHERE id = \(f.resource)
            """
        )
    }

    @Test(
        "booked use is unit-time of confirmed bookings (no-shows whole) and the counted share of late cancellations, clipped to the range")
    func booked() async throws {
        try await withMigratedDatabase { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                try book(connection, f, f.member, "2027-03-02T09:00:00+01:00", "2027-03-02T11:00:00+01:00", quantity: 2)
                try book(connection, f, f.member, "2027-02-28T22:00:00+01:00", "2027-03-01T01:00:00+01:00")
                try book(
                    connection, f, f.member, "2027-03-03T09:00:00+01:00", "2027-03-03T10:00:00+01:00", status: "cancelled", counted: 100)
                try book(connection, f, f.member, "2027-03-04T09:00:00+01:00", "2027-03-04T10:00:00+01:00", status: "cancelled")
                // Half of a 4-hour booking cancelled late is 2 hours; a no-show counts whole.
                try book(connection, f, f.other, "2027-03-08T09:00:00+01:00", "2027-03-08T13:00:00+01:00", status: "cancelled", counted: 50)
                try book(connection, f, f.other, "2027-03-09T09:00:00+01:00", "2027-03-09T10:30:00+01:00", noShow: true)
                try book(connection, f, f.member, "2027-03-05T09:00:00+01:00", "2027-03-05T10:00:00+01:00", status: "pending")
                try book(connection, f, f.other, "2027-03-31T23:30:00+02:00", "2027-04-01T02:00:00+02:00")
                let key = AllocationBases.Key(resource: f.resource, range: f.range)
                let use = try AllocationBases.booked([key], members: [f.member, f.other], connection)[key]
                #expect(use?.byMember == [f.member: (4 + 1 + 1) * 3_600_000, f.other: 1_800_000 + 2 * 3_600_000 + 5_400_000])
                #expect(use?.perDisplayUnit == 3_600_000)
            }
        }
    }

    @Test("booked use is split among overlapping keys and resources, a booking counting in each key for its part")
    func bookedAcrossKeys() async throws {
        try await withMigratedDatabase { pool in
            try await pool.withConnection { connection in
                var f = try fixture(connection)
                let zone = PoleTimeZone.paris
                func range(_ start: String, _ end: String) -> TimeRange {
                    zone.range(of: DatePeriod(start: LocalDate(start)!, end: LocalDate(end)!)!)
                }
                let van = f.resource
                let room = try connection.query(
                    "INSERT INTO resources (pole_id, name, kind) SELECT pole_id, 'Salle', 'premises' FROM resources WHERE id = \(van) RETURNING id"
                ).first!.decode(ResourceID.self, at: 0)
                // Three segments: the end of February, March (an hour short), the start of April.
                try book(connection, f, f.member, "2027-02-27T12:00:00+01:00", "2027-04-02T12:00:00+02:00")
                // Ends on the boundary: nothing of it falls in April.
                try book(connection, f, f.other, "2027-03-31T22:00:00+02:00", "2027-04-01T00:00:00+02:00")
                f.resource = room
                try book(connection, f, f.member, "2027-03-10T09:00:00+01:00", "2027-03-10T14:00:00+01:00")
                let keys = [
                    AllocationBases.Key(resource: van, range: range("2027-03-01", "2027-04-01")),
                    AllocationBases.Key(resource: van, range: range("2027-01-01", "2027-04-01")),
                    AllocationBases.Key(resource: van, range: range("2027-04-01", "2027-05-01")),
                    AllocationBases.Key(resource: room, range: range("2027-03-01", "2027-04-01")),
                    AllocationBases.Key(resource: room, range: range("2027-04-01", "2027-05-01")),
                ]
                let uses = try AllocationBases.booked(keys, members: [f.member, f.other], connection)
                let hour = 3_600_000
                #expect(uses[keys[0]]?.byMember == [f.member: 743 * hour, f.other: 2 * hour])
                #expect(uses[keys[1]]?.byMember == [f.member: (36 + 743) * hour, f.other: 2 * hour])
                #expect(uses[keys[2]]?.byMember == [f.member: 36 * hour])
                #expect(uses[keys[3]]?.byMember == [f.member: 5 * hour])
                #expect(uses[keys[4]] == nil)
            }
        }
    }

    @Test("actual use counts the records starting in the range, hours in milliseconds and km in thousandths")
    func actual() async throws {
        try await withMigratedDatabase { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                func record(_ member: MemberID, _ start: String, _ thousandths: Int) throws {
                    try connection.execute(
                        """
                        INSERT INTO usage_records (pole_id, resource_id, member_id, during, quantity_thousandths, unit)
                        SELECT pole_id, \(f.resource), \(member), tstzrange(\(start)::timestamptz, \(start)::timestamptz + interval '1 hour', '[)'),
                               \(thousandths), 'km'
                        FROM resources WHERE id = \(f.resource)
                        """
                    )
                }
                try record(f.member, "2027-03-10T09:00:00+01:00", 12_500)
                try record(f.member, "2027-03-31T23:30:00+02:00", 500)
                try record(f.other, "2027-02-28T23:30:00+01:00", 7_000)
                let key = AllocationBases.Key(resource: f.resource, range: f.range)
                let use = try AllocationBases.actual([key], connection)[key]
                #expect(use?.byMember == [f.member: 13_000])
                #expect(use?.unit == .km && use?.perDisplayUnit == 1_000)
            }
        }
    }

    @Test("capacity is units × opening hours in real hours, or × every hour without opening hours")
    func capacity() {
        let zone = PoleTimeZone.paris
        let monday = WeeklySchedule([
            .monday: [WeeklySchedule.Hours(opens: LocalTime(hour: 9, minute: 0)!, closes: LocalTime(hour: 17, minute: 0)!)]
        ])
        let week = zone.range(of: DatePeriod(start: LocalDate("2027-03-01")!, end: LocalDate("2027-03-08")!)!)
        let van = Resource(
            id: ResourceID(), poleID: PoleID(), name: "Van", kind: .equipment, units: 2, ownerMemberID: nil,
            rules: ResourceRules(openingHours: monday))
        #expect(AllocationBases.capacity(of: van, over: week, in: zone) == 2 * 8 * 3_600_000)
        let always = Resource(
            id: ResourceID(), poleID: PoleID(), name: "Room", kind: .premises, units: 1, ownerMemberID: nil, rules: ResourceRules())
        let springForward = zone.range(of: DatePeriod(start: LocalDate("2027-03-28")!, end: LocalDate("2027-03-29")!)!)
        #expect(AllocationBases.capacity(of: always, over: springForward, in: zone) == 23 * 3_600_000)
    }
}
