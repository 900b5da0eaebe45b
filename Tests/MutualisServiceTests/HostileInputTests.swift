import Foundation
import HTTPTypes
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import PostgresClient
import Testing

/// What a careless or hostile client sends: each answer is a clear 4xx naming the field, the
/// process stays up, and nothing unreadable is stored.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(
        "recurrence intervals that overflowed date arithmetic are refused as invalid",
        arguments: [
            (#"{"frequency": "monthly", "interval": 9223372036854775807, "count": 3}"#, "recurrence.interval"),
            (#"{"frequency": "daily", "interval": 1000000000000000, "count": 3}"#, "recurrence.interval"),
            (#"{"frequency": "weekly", "interval": -9223372036854775808, "count": 3}"#, "recurrence.interval"),
            (#"{"frequency": "daily", "count": 9223372036854775807}"#, "recurrence.count"),
        ])
    func recurrenceOverflow(recurrence: String, field: String) async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let answer = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, "2027-03-01T09:00:00+01:00", "2027-03-01T10:00:00+01:00", extra: #", "recurrence": \#(recurrence)"#))
            expect(answer, .unprocessableContent)
            #expect(answer.fields == [field])
            let stored = try await count("bookings", pool)
            #expect(stored == 0)
        }
    }

    @Test("a series that would leave the accepted years is refused and stores nothing; so is a start in year 9999")
    func seriesBeyondTheYears() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let far = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, "9999-06-02T09:00:00+02:00", "9999-06-02T10:00:00+02:00",
                    extra: #", "recurrence": {"frequency": "monthly", "count": 12}"#))
            expect(far, .badRequest)
            #expect(far.fields == ["start"])
            let late = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, "2199-06-02T09:00:00+02:00", "2199-06-02T10:00:00+02:00",
                    extra: #", "recurrence": {"frequency": "monthly", "count": 12}"#))
            expect(late, .unprocessableContent)
            #expect(late.fields == ["recurrence.count"])
            let stored = try await count("bookings", pool)
            #expect(stored == 0)
            expect(try await client.call(.get, "/api/v1/bookings", token: fixture.coordinator), .ok)
        }
    }

    @Test("a monthly quota of 1e308 hours is refused, not turned into an infinite integer")
    func hugeQuota() async throws {
        try await withAPI { client, fixture, pool in
            for quota in ["1e308", "1e18", "744001", "0", "-1", "0.001"] {
                let answer = try await client.call(
                    .post, "/api/v1/resources", token: fixture.coordinator,
                    json: resourceJSON("Van", rules: #"{"monthlyQuotaHours": \#(quota)}"#))
                expect(answer, .unprocessableContent)
                #expect(answer.fields == ["rules.monthlyQuotaHours"], "\(quota)")
            }
            let huge = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator,
                json: resourceJSON("Van", rules: #"{"monthlyQuotaHours": 1e400}"#))
            // Foundation's parser refuses the whole document, without a path.
            expect(huge, .badRequest)
            #expect(huge.fields == ["body"])
            let stored = try await count("resources", pool)
            #expect(stored == 0)
        }
    }

    @Test("a cost over ten billion euros is refused, so runs, lists and reports of its month stay readable")
    func hugeCost() async throws {
        try await withAPI { client, fixture, _ in
            for amount in ["9223372036854775807", "1000000000001", "-1"] {
                let answer = try await client.call(
                    .post, "/api/v1/costs", token: fixture.coordinator,
                    json: #"""
                        {"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": \#(amount), "category": "rent", "label": "Loyer"}
                        """#)
                expect(answer, .unprocessableContent)
                #expect(answer.fields == ["amountCents"], "\(amount)")
            }
            for _ in 0..<2 {
                expect(
                    try await client.call(
                        .post, "/api/v1/costs", token: fixture.coordinator,
                        json: #"""
                            {"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 1000000000000, "category": "rent", "label": "Loyer"}
                            """#), .created)
            }
            let run = try await client.call(
                .post, "/api/v1/allocation-runs", token: fixture.coordinator,
                json: #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01"}"#)
            expect(run, .created)
            expect(try await client.call(.get, "/api/v1/allocation-runs/\(run["id"]!)", token: fixture.coordinator), .ok)
            expect(try await client.call(.get, "/api/v1/allocation-runs", token: fixture.coordinator), .ok)
            expect(try await client.call(.get, "/api/v1/reports/pooling?from=2027-03-01&to=2027-04-01", token: fixture.coordinator), .ok)
        }
    }

    @Test(
        "impossible calendar dates and times are refused, never rolled over",
        arguments: [
            ("2027-02-30T10:00:00+01:00", "2027-02-30T11:00:00+01:00", "start"),
            ("2027-03-10T25:00:00+01:00", "2027-03-11T02:00:00+01:00", "start"),
            ("2027-03-10T10:00:00+01:00", "2027-03-10T10:61:00+01:00", "end"),
            ("0001-01-01T10:00:00Z", "0001-01-01T11:00:00Z", "start"),
            ("9999-12-31T10:00:00Z", "9999-12-31T11:00:00Z", "start"),
            ("2027-03-10T10:00:00", "2027-03-10T11:00:00", "start"),
        ])
    func impossibleInstants(start: String, end: String, field: String) async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let answer = try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: bookingJSON(resource, start, end))
            expect(answer, .badRequest)
            #expect(answer.fields == [field])
            let stored = try await count("bookings", pool)
            #expect(stored == 0)
        }
    }

    @Test(
        "unknown JSON fields are refused naming them, at any depth",
        arguments: [
            (
                "/api/v1/bookings",
                #"{"resourceId": "RESOURCE", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "recurence": {"frequency": "weekly", "count": 4}}"#,
                "recurence"
            ),
            (
                "/api/v1/bookings",
                #"{"resourceId": "RESOURCE", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "recurrence": {"frequency": "weekly", "count": 4, "intervall": 2}}"#,
                "recurrence.intervall"
            ),
            ("/api/v1/resources", #"{"name": "Studio", "kind": "premises", "approvalRequired": true}"#, "approvalRequired"),
            (
                "/api/v1/resources",
                #"{"name": "Studio", "kind": "premises", "rules": {"openingHours": {"monday": [{"opens": "09:00", "closes": "12:00", "note": "x"}]}}}"#,
                "rules.openingHours.monday.0.note"
            ),
            (
                "/api/v1/costs",
                #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100, "category": "rent", "label": "Loyer", "rule": {"method": "equal", "idl": "absorb"}}"#,
                "rule.idl"
            ),
        ])
    func unknownFields(path: String, body: String, field: String) async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let token = path == "/api/v1/bookings" ? fixture.userA : fixture.coordinator
            let answer = try await client.call(.post, path, token: token, json: body.replacingOccurrences(of: "RESOURCE", with: resource))
            expect(answer, .badRequest)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.fields == [field])
            let counts = (try await count("bookings", pool), try await count("resources", pool), try await count("costs", pool))
            #expect(counts == (0, 1, 0))
        }
    }

    @Test("bookings beyond a year, ended before now (for members), or outside the member's membership are refused")
    func bookingsOutOfBounds() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let century = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-01T09:00:00Z", "2127-03-01T09:00:00Z"))
            expect(century, .unprocessableContent)
            #expect(century.fields == ["end"])

            let past = bookingJSON(resource, wholeHour(fromNow: -3), wholeHour(fromNow: -2))
            let byMember = try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: past)
            expect(byMember, .unprocessableContent)
            #expect(byMember.rules == ["in-the-past"])
            let byCoordinator = try await client.call(
                .post, "/api/v1/bookings", token: fixture.coordinator,
                json: bookingJSON(resource, wholeHour(fromNow: -3), wholeHour(fromNow: -2), member: fixture.memberA))
            expect(byCoordinator, .created)

            expect(
                try await client.call(
                    .patch, "/api/v1/members/\(fixture.memberB)", token: fixture.coordinator, json: #"{"leftOn": "2027-03-31"}"#), .ok)
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userB,
                    json: bookingJSON(resource, "2027-03-31T20:00:00+02:00", "2027-03-31T23:00:00+02:00")), .created)
            let after = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userB,
                json: bookingJSON(resource, "2027-03-31T23:00:00+02:00", "2027-04-01T01:00:00+02:00"))
            expect(after, .unprocessableContent)
            #expect(after.rules == ["membership"])
            let onBehalf = try await client.call(
                .post, "/api/v1/bookings", token: fixture.coordinator,
                json: bookingJSON(resource, "2027-04-02T09:00:00+02:00", "2027-04-02T10:00:00+02:00", member: fixture.memberB))
            expect(onBehalf, .unprocessableContent)
            let before = try await client.call(
                .post, "/api/v1/bookings", token: fixture.coordinator,
                json: bookingJSON(resource, "2024-12-31T09:00:00+01:00", "2024-12-31T10:00:00+01:00", member: fixture.memberA))
            #expect(before.rules == ["membership"])
            let stored = try await count("bookings", pool)
            #expect(stored == 2)
        }
    }

    @Test("a new resource is booked at most two years ahead and 31 days long, until its coordinator says otherwise")
    func defaultLimits() async throws {
        try await withAPI { client, fixture, _ in
            let created = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Van"))
            let rules = try #require(created.json["rules"] as? [String: Any])
            #expect(rules["maxHorizonDays"] as? Int == 730 && rules["maxDurationMinutes"] as? Int == 44_640)
            let van = created["id"]!
            let far = bookingJSON(van, wholeHour(fromNow: 3 * 366 * 24), wholeHour(fromNow: 3 * 366 * 24 + 1))
            let refused = try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: far)
            #expect(refused.rules == ["maximum-horizon"])
            let long = bookingJSON(van, "2027-03-01T09:00:00+01:00", "2027-04-15T09:00:00+02:00")
            #expect(try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: long).rules == ["maximum-duration"])
            expect(
                try await client.call(
                    .patch, "/api/v1/resources/\(van)", token: fixture.coordinator,
                    json: #"{"rules": {"maxHorizonDays": 3660, "maxDurationMinutes": 527040}}"#), .ok)
            expect(try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: far), .created)
            expect(try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: long), .created)
        }
    }

    @Test("inputs that reached the database as errors are 4xx: from after to, long periods, NUL bytes")
    func errorsThatWere500() async throws {
        try await withAPI { client, fixture, pool in
            let list = try await client.call(
                .get, "/api/v1/bookings?from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z", token: fixture.coordinator)
            expect(list, .unprocessableContent)
            #expect(list.fields == ["to"])
            let ancient = try await client.call(.get, "/api/v1/reports/pooling?from=0001-01-01&to=9999-12-31", token: fixture.coordinator)
            expect(ancient, .badRequest)
            #expect(ancient.fields == ["from"])
            let long = try await client.call(.get, "/api/v1/reports/pooling?from=1900-01-01&to=2199-12-31", token: fixture.coordinator)
            expect(long, .unprocessableContent)
            #expect(long.fields == ["to"])
            let run = try await client.call(
                .post, "/api/v1/allocation-runs", token: fixture.coordinator,
                json: #"{"periodStart": "1900-01-01", "periodEnd": "2199-12-31"}"#)
            expect(run, .unprocessableContent)
            for (path, body) in [
                ("/api/v1/members", #"{"name": "Les\u0000Fabriques", "legalForm": "association"}"#),
                ("/api/v1/resources", #"{"name": "Van\u0000", "kind": "equipment"}"#),
                ("/api/v1/categories", #"{"name": "petites\u0000", "coefficient": 0.5}"#),
                (
                    "/api/v1/costs",
                    #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 1, "category": "rent", "label": "L\u0000"}"#
                ),
                ("/api/v1/members", #"{"name": "Les\nFabriques", "legalForm": "association"}"#),
            ] {
                let answer = try await client.call(.post, path, token: fixture.coordinator, json: body)
                expect(answer, .unprocessableContent)
                #expect(answer.fields.count == 1, "\(path)")
            }
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            let note = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, "2027-03-01T09:00:00+01:00", "2027-03-01T10:00:00+01:00", extra: #", "note": "a\u0000b""#))
            expect(note, .unprocessableContent)
            #expect(note.fields == ["note"])
            let counts = (try await count("members", pool), try await count("bookings", pool))
            #expect(counts == (2, 0))
        }
    }

    @Test("a coordinator learns whether an e-mail address is taken in its own pole only")
    func emailAcrossPoles() async throws {
        try await withAPI { client, fixture, pool in
            let other = try await PoleFixture.make(pool, name: "Culture et Coopération")
            let users = try await UserStore(database: MutualisDatabase(pool: pool)).list(pole: fixture.pole)
            let takenHere = try #require(users.first { $0.memberID == fixture.memberA }).email
            let json = #"{"email": "\#(takenHere.uppercased())", "name": "Dominique", "role": "coordinator"}"#
            let elsewhere = try await client.call(.post, "/api/v1/users", token: other.coordinator, json: json)
            expect(elsewhere, .conflict)
            let text = String(decoding: elsewhere.data, as: UTF8.self)
            #expect(!text.contains("exist") && !text.contains("already") && !text.lowercased().contains(takenHere))
            let here = try await client.call(.post, "/api/v1/users", token: fixture.coordinator, json: json)
            expect(here, .conflict)
            #expect(here.fields == ["email"])
            #expect(String(decoding: here.data, as: UTF8.self).contains("already has a user"))
        }
    }

    @Test("a known path with another method answers 405 with Allow")
    func methodNotAllowed() async throws {
        try await withAPI { client, fixture, _ in
            let answer = try await client.call(.delete, "/api/v1/bookings", token: fixture.coordinator)
            expect(answer, .methodNotAllowed)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.allow == "GET, POST")
            let cancel = try await client.call(.get, "/api/v1/bookings/\(UUID())/cancel", token: fixture.coordinator)
            expect(cancel, .methodNotAllowed)
            #expect(cancel.allow == "POST")
            expect(try await client.call(.get, "/api/v1/nothing-here", token: fixture.coordinator), .notFound)
        }
    }

    @Test("an enumeration refused lists its valid values")
    func enumerations() async throws {
        try await withAPI { client, fixture, _ in
            let answer = try await client.call(
                .post, "/api/v1/costs", token: fixture.coordinator,
                json: #"""
                    {"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100, "category": "lease", "label": "Van"}
                    """#)
            expect(answer, .badRequest)
            #expect(answer.fields == ["category"])
            #expect(String(decoding: answer.data, as: UTF8.self).contains("must be one of: rent, salary, leasing, insurance"))
        }
    }

    @Test("a body over the limit answers 413, whether its length is announced or not")
    func largeBody() async throws {
        try await withAPI { client, fixture, _ in
            let big = #"{"name": ""# + String(repeating: "x", count: 2 << 20) + #"", "legalForm": "association"}"#
            let unannounced = try await client.call(.post, "/api/v1/members", token: fixture.coordinator, json: big)
            expect(unannounced, .contentTooLarge)
            #expect(unannounced.contentType == "application/problem+json")
            let announced = try await client.call(
                .post, "/api/v1/members", token: fixture.coordinator, json: big,
                headers: [.contentLength: String(big.utf8.count)])
            expect(announced, .contentTooLarge)
            #expect(announced.contentType == "application/problem+json")
        }
    }

    @Test("error messages name no Swift type")
    func noSwiftTypeNames() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle"))["id"]!
            for body in [
                #"{"resourceId": "not-an-id", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00"}"#,
                #"{"resourceId": "\#(resource)", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "quantity": 1e30}"#,
                #"{"resourceId": "\#(resource)", "start": "2027-03-01T09:00:00+01:00", "end": "2027-03-01T10:00:00+01:00", "quantity": "2"}"#,
            ] {
                let answer = try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: body)
                let text = String(decoding: answer.data, as: UTF8.self)
                #expect(answer.status == .badRequest || answer.status == .notFound, "\(text)")
                for name in ["Int", "Identifier", "Entity", "Swift", "Optional", "Double", "Decoding"] {
                    #expect(!text.contains(name), "\(text)")
                }
            }
        }
    }

    private func count(_ table: String, _ pool: PostgresConnectionPool) async throws -> Int {
        try await pool.withConnection { try $0.query("SELECT count(*) FROM \(identifier: table)").first!.decode(Int.self, at: 0) }
    }

    @Test("a malformed parameter is refused even where the list would be empty: another member's usage")
    func parametersCheckedFirst() async throws {
        try await withAPI { client, fixture, _ in
            let other = "/api/v1/usage?memberId=\(fixture.memberB)"
            expect(try await client.call(.get, other, token: fixture.userA), .ok)
            expect(try await client.call(.get, other + "&to=", token: fixture.userA), .badRequest)
            // A cursor that no list gives is refused as every malformed cursor is: 422 naming it.
            let cursor = try await client.call(.get, other + "&cursor=", token: fixture.userA)
            expect(cursor, .unprocessableContent)
            #expect(cursor.fields == ["cursor"])
            expect(try await client.call(.get, "/api/v1/bookings?cursor=", token: fixture.userA), .unprocessableContent)
        }
    }
}
