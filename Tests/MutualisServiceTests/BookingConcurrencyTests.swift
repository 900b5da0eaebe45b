import Foundation
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import Testing

/// No double booking, ever: the database decides, whatever the concurrency.
@Suite("Concurrent bookings")
struct BookingConcurrencyTests {
    private func race(_ client: any TestClientProtocol, _ fixture: PoleFixture, resource: String, requests: Int, start: String, end: String)
        async throws -> [Int]
    {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<requests {
                group.addTask {
                    let member = index.isMultiple(of: 2) ? fixture.memberA : fixture.memberB
                    return Int(
                        try await client.call(
                            .post, "/api/v1/bookings", token: fixture.coordinator,
                            json: bookingJSON(resource, start, end, member: member)
                        ).status.code)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test("50 concurrent requests for the same slot of a 1-unit resource: exactly one 201 and 49 × 409, every time")
    func oneUnit() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Van"))["id"]!
            for round in 0..<3 {
                let day = 10 + round
                let statuses = try await race(
                    client, fixture, resource: resource, requests: 50,
                    start: "2027-03-\(day)T09:00:00+01:00", end: "2027-03-\(day)T11:00:00+01:00")
                #expect(statuses.filter { $0 == 201 }.count == 1)
                #expect(statuses.filter { $0 == 409 }.count == 49)
            }
            let held = try await pool.withConnection { connection in
                try connection.query("SELECT count(*) FROM booking_units WHERE active").first!.decode(Int.self, at: 0)
            }
            #expect(held == 3)
        }
    }

    @Test("a 3-unit resource gives exactly three 201 for the same slot")
    func threeUnits() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salles", units: 3, kind: "premises"))["id"]!
            let statuses = try await race(
                client, fixture, resource: resource, requests: 30,
                start: "2027-03-10T14:00:00+01:00", end: "2027-03-10T16:00:00+01:00")
            #expect(statuses.filter { $0 == 201 }.count == 3)
            #expect(statuses.filter { $0 == 409 }.count == 27)
        }
    }

    @Test("overlapping but not identical slots race too: the units are never held twice")
    func overlappingSlots() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Vans", units: 2))["id"]!
            _ = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let hour = 8 + index % 6
                        return Int(
                            try await client.call(
                                .post, "/api/v1/bookings", token: fixture.coordinator,
                                json: bookingJSON(
                                    resource, "2027-03-10T\(hour < 10 ? "0" : "")\(hour):00:00+01:00", "2027-03-10T\(hour + 2):00:00+01:00",
                                    member: fixture.memberA)
                            ).status.code)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            let overlaps = try await pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT count(*) FROM booking_units a JOIN booking_units b
                    ON a.unit_id = b.unit_id AND a.booking_id < b.booking_id AND a.occupied && b.occupied
                    WHERE a.active AND b.active
                    """
                ).first!.decode(Int.self, at: 0)
            }
            #expect(overlaps == 0)
        }
    }

    @Test("concurrent bookings of one member never exceed its monthly quota")
    func quotaUnderConcurrency() async throws {
        try await withAPI(poolSize: 8) { client, fixture, pool in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator,
                json: resourceJSON("Salles", units: 20, kind: "premises", rules: #"{"monthlyQuotaHours": 3}"#))["id"]!
            for round in 0..<3 {
                let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                    for hour in 8..<20 {
                        group.addTask {
                            let day = 10 + round
                            return Int(
                                try await client.call(
                                    .post, "/api/v1/bookings", token: fixture.userA,
                                    json: bookingJSON(
                                        resource, "2027-0\(3 + round)-\(day)T\(hour < 10 ? "0" : "")\(hour):00:00+01:00",
                                        "2027-0\(3 + round)-\(day)T\(hour < 9 ? "0" : "")\(hour + 1):00:00+01:00")
                                ).status.code)
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
                #expect(statuses.filter { $0 == 201 }.count == 3)
                #expect(statuses.filter { $0 == 422 }.count == 9)
            }
            let held = try await pool.withConnection { connection in
                try connection.query("SELECT count(*) FROM bookings WHERE status IN ('pending', 'confirmed')").first!.decode(
                    Int.self, at: 0)
            }
            #expect(held == 9)
        }
    }
}
