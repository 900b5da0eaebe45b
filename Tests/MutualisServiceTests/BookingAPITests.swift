import Foundation
import HTTPTypes
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import Testing

@Suite("Bookings through HTTP")
struct BookingAPITests {
    @Test("an idempotent retry returns the first answer and books once; the same key with another body is refused")
    func idempotency() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            let body = bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00")
            let key: HTTPFields = [.init("Idempotency-Key")!: "booking-42"]
            let first = try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: body, headers: key)
            let again = try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: body, headers: key)
            #expect(first.status == .created && again.status == .created)
            #expect(first["id"] == again["id"])
            let other = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-11T09:00:00+01:00", "2027-03-11T10:00:00+01:00"), headers: key)
            #expect(other.status == .unprocessableContent)
            #expect(other.fields == ["Idempotency-Key"])
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) }
            #expect(count == 1)
        }
    }

    @Test("a key older than 24 hours is taken back: the request it comes with is answered anew")
    func expiredIdempotencyKey() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            let key: HTTPFields = [.init("Idempotency-Key")!: "old-key"]
            let first = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00"), headers: key)
            #expect(first.status == .created)
            try await pool.withConnection { try $0.execute("UPDATE idempotency_keys SET created_at = now() - interval '25 hours'") }
            let later = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-11T09:00:00+01:00", "2027-03-11T10:00:00+01:00"), headers: key)
            #expect(later.status == .created)
            #expect(later["id"] != first["id"])
            #expect(later.replayed == nil)
            let replayed = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-11T09:00:00+01:00", "2027-03-11T10:00:00+01:00"), headers: key)
            #expect(replayed["id"] == later["id"])
            #expect(replayed.replayed == "true")
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) }
            #expect(count == 2)
        }
    }

    @Test("concurrent retries with one Idempotency-Key book once and all get the same answer")
    func concurrentIdempotency() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            let body = bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00")
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await client.call(
                            .post, "/api/v1/bookings", token: fixture.userA, json: body, headers: [.init("Idempotency-Key")!: "same"])
                    }
                }
                return try await group.reduce(into: [Answer]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.status == .created })
            #expect(Set(answers.compactMap { $0["id"] }).count == 1)
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) }
            #expect(count == 1)
        }
    }

    @Test(
        "each rule violation answers 422 naming the rule",
        arguments: [
            (
                #"{"openingHours": {"monday": [{"opens": "09:00", "closes": "12:00"}]}}"#, "2027-03-01T11:00:00+01:00",
                "2027-03-01T13:00:00+01:00", "opening-hours"
            ),
            (#"{"slotMinutes": 30}"#, "2027-03-01T09:10:00+01:00", "2027-03-01T10:00:00+01:00", "slot-granularity"),
            (#"{"minDurationMinutes": 60}"#, "2027-03-01T09:00:00+01:00", "2027-03-01T09:30:00+01:00", "minimum-duration"),
            (#"{"maxDurationMinutes": 60}"#, "2027-03-01T09:00:00+01:00", "2027-03-01T11:00:00+01:00", "maximum-duration"),
            (#"{"minNoticeMinutes": 1440}"#, wholeHour(fromNow: 2), wholeHour(fromNow: 3), "minimum-notice"),
            (#"{"maxHorizonDays": 30}"#, "2030-03-01T09:00:00+01:00", "2030-03-01T10:00:00+01:00", "maximum-horizon"),
            (#"{"monthlyQuotaHours": 1}"#, "2027-03-01T09:00:00+01:00", "2027-03-01T11:00:00+01:00", "monthly-quota"),
        ])
    func ruleViolations(rules: String, start: String, end: String, rule: String) async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Atelier", rules: rules))
            #expect(resource.status == .created)
            let answer = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA, json: bookingJSON(resource["id"]!, start, end))
            #expect(answer.status == .unprocessableContent)
            #expect(answer.contentType == "application/problem+json")
            #expect(answer.rules == [rule])
        }
    }

    @Test("quantity beyond the units, a blackout and a buffer are rule violations too")
    func moreRuleViolations() async throws {
        try await withAPI { client, fixture, _ in
            let vans = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Vans", units: 2))[
                "id"]!
            let tooMany = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(vans, "2027-03-01T09:00:00+01:00", "2027-03-01T10:00:00+01:00", quantity: 3))
            #expect(tooMany.rules == ["quantity"])

            let blackout = try await client.call(
                .post, "/api/v1/resources/\(vans)/blackouts", token: fixture.coordinator,
                json: #"{"start": "2027-03-02T00:00:00+01:00", "end": "2027-03-03T00:00:00+01:00", "reason": "révision"}"#)
            #expect(blackout.status == .created)
            let during = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(vans, "2027-03-02T09:00:00+01:00", "2027-03-02T10:00:00+01:00"))
            #expect(during.rules == ["blackout"])

            let room = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator,
                json: resourceJSON("Salle", kind: "premises", rules: #"{"bufferMinutes": 30}"#))["id"]!
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userA,
                    json: bookingJSON(room, "2027-03-01T09:00:00+01:00", "2027-03-01T10:00:00+01:00")), .created)
            let tooClose = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userB,
                json: bookingJSON(room, "2027-03-01T10:15:00+01:00", "2027-03-01T11:00:00+01:00"))
            #expect(tooClose.status == .unprocessableContent)
            #expect(tooClose.rules == ["buffer"])
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userB,
                    json: bookingJSON(room, "2027-03-01T10:30:00+01:00", "2027-03-01T11:00:00+01:00")), .created)
            // Before a booking too: the new one's own buffer would run into it.
            let tooCloseBefore = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userB,
                json: bookingJSON(room, "2027-03-01T08:15:00+01:00", "2027-03-01T08:45:00+01:00"))
            #expect(tooCloseBefore.rules == ["buffer"])
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userB,
                    json: bookingJSON(room, "2027-03-01T08:00:00+01:00", "2027-03-01T08:30:00+01:00")), .created)
        }
    }

    @Test("a member user never sees nor changes another member's bookings: 404")
    func crossMemberAccess() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            let booking = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00"))["id"]!
            expect(try await client.call(.get, "/api/v1/bookings/\(booking)", token: fixture.userB), .notFound)
            expect(try await client.call(.post, "/api/v1/bookings/\(booking)/cancel", token: fixture.userB), .notFound)
            let listed = try await client.call(.get, "/api/v1/bookings", token: fixture.userB)
            #expect((listed.json["items"] as? [Any])?.isEmpty == true)
            expect(try await client.call(.get, "/api/v1/bookings/\(booking)", token: fixture.userA), .ok)
            let forOther = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userB,
                json: bookingJSON(resource, "2027-03-11T09:00:00+01:00", "2027-03-11T10:00:00+01:00", member: fixture.memberA))
            #expect(forOther.status == .forbidden)
        }
    }

    @Test("a coordinator never reaches another pole: 404")
    func crossPoleAccess() async throws {
        try await withAPI { client, fixture, pool in
            let other = try await PoleFixture.make(pool, name: "Culture et Coopération")
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            let booking = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00"))["id"]!
            expect(try await client.call(.get, "/api/v1/members/\(fixture.memberA)", token: other.coordinator), .notFound)
            expect(try await client.call(.get, "/api/v1/resources/\(resource)", token: other.coordinator), .notFound)
            expect(try await client.call(.get, "/api/v1/bookings/\(booking)", token: other.coordinator), .notFound)
            expect(try await client.call(.post, "/api/v1/bookings/\(booking)/approve", token: other.coordinator), .notFound)
            let booked = try await client.call(
                .post, "/api/v1/bookings", token: other.coordinator,
                json: bookingJSON(resource, "2027-03-11T09:00:00+01:00", "2027-03-11T10:00:00+01:00", member: other.memberA))
            #expect(booked.status == .notFound)
        }
    }

    @Test("a weekly series across the 31 October 2027 change keeps its local time")
    func weeklySeriesAcrossDST() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio", kind: "premises"))["id"]!
            let answer = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, "2027-10-19T09:00:00+02:00", "2027-10-19T11:00:00+02:00",
                    extra: #", "recurrence": {"frequency": "weekly", "count": 4}"#)
            )
            #expect(answer.status == .created)
            let bookings = answer.json["bookings"] as? [[String: Any]] ?? []
            #expect(
                bookings.compactMap { $0["start"] as? String } == [
                    "2027-10-19T07:00:00Z", "2027-10-26T07:00:00Z", "2027-11-02T08:00:00Z", "2027-11-09T08:00:00Z",
                ])
            #expect((answer.json["conflicts"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a series reports the occurrences it could not book; with onConflict fail it books nothing")
    func seriesConflicts() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userB,
                    json: bookingJSON(resource, "2027-03-17T09:00:00+01:00", "2027-03-17T10:00:00+01:00")), .created)
            let series = #", "recurrence": {"frequency": "weekly", "count": 3}"#
            let failed = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00", extra: series))
            #expect(failed.status == .conflict)
            #expect((failed.json["conflicts"] as? [[String: Any]])?.count == 1)
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) }
            #expect(count == 1)

            let skipped = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00", extra: series + #", "onConflict": "skip""#))
            #expect(skipped.status == .created)
            #expect((skipped.json["bookings"] as? [Any])?.count == 2)
            let conflicts = skipped.json["conflicts"] as? [[String: Any]] ?? []
            #expect(conflicts.first?["start"] as? String == "2027-03-17T08:00:00Z")

            let first = (skipped.json["bookings"] as? [[String: Any]])?.first?["id"] as? String ?? ""
            let cancelled = try await client.call(.post, "/api/v1/bookings/\(first)/cancel?scope=following", token: fixture.userA)
            #expect(cancelled.status == .ok)
            let active = try await pool.withConnection {
                try $0.query("SELECT count(*) FROM bookings WHERE status = 'confirmed'").first!.decode(Int.self, at: 0)
            }
            #expect(active == 1)
        }
    }

    @Test("approval: a pending booking holds its slot; a coordinator approves or rejects; states only move forward")
    func approvalFlow() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator,
                json: resourceJSON("Scie", rules: #"{"approvalRequired": true}"#))["id"]!
            let pending = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00"))
            #expect(pending["status"] == "pending")
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userB,
                    json: bookingJSON(resource, "2027-03-10T09:30:00+01:00", "2027-03-10T10:30:00+01:00")), .conflict)
            expect(try await client.call(.post, "/api/v1/bookings/\(pending["id"]!)/approve", token: fixture.userA), .forbidden)
            let approved = try await client.call(.post, "/api/v1/bookings/\(pending["id"]!)/approve", token: fixture.coordinator)
            #expect(approved["status"] == "confirmed")
            expect(try await client.call(.post, "/api/v1/bookings/\(pending["id"]!)/reject", token: fixture.coordinator), .conflict)
            let cancelled = try await client.call(.post, "/api/v1/bookings/\(pending["id"]!)/cancel", token: fixture.userA)
            #expect(cancelled["status"] == "cancelled")
            expect(
                try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userB,
                    json: bookingJSON(resource, "2027-03-10T09:30:00+01:00", "2027-03-10T10:30:00+01:00")), .created)
        }
    }

    @Test("availability shows the free units, around bookings and their buffers, within opening hours")
    func availability() async throws {
        try await withAPI { client, fixture, pool in
            let rules = #"{"openingHours": {"wednesday": [{"opens": "08:00", "closes": "18:00"}]}, "bufferMinutes": 30}"#
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Vans", units: 2, rules: rules))["id"]!
            _ = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(resource, "2027-03-10T10:00:00+01:00", "2027-03-10T12:00:00+01:00"))
            let answer = try await client.call(
                .get, "/api/v1/resources/\(resource)/availability?from=2027-03-10T00:00:00%2B01:00&to=2027-03-11T00:00:00%2B01:00",
                token: fixture.userB)
            #expect(answer.status == .ok)
            let free = (answer.json["free"] as? [[String: Any]] ?? []).map {
                "\($0["start"] as? String ?? "")|\($0["end"] as? String ?? "")|\($0["units"] as? Int ?? 0)"
            }
            #expect(
                free == [
                    "2027-03-10T07:00:00Z|2027-03-10T08:30:00Z|2",
                    "2027-03-10T08:30:00Z|2027-03-10T11:30:00Z|1",
                    "2027-03-10T11:30:00Z|2027-03-10T17:00:00Z|2",
                ])
            // A closed day is no free time; a resource of another pole, or none, is not found.
            let closed = try await client.call(
                .get, "/api/v1/resources/\(resource)/availability?from=2027-03-11T00:00:00%2B01:00&to=2027-03-12T00:00:00%2B01:00",
                token: fixture.userB)
            #expect(closed.status == .ok && (closed.json["free"] as? [Any])?.isEmpty == true)
            let other = try await PoleFixture.make(pool, name: "Culture et Coopération")
            let elsewhere = try await client.call(
                .get, "/api/v1/resources/\(resource)/availability?from=2027-03-10T00:00:00%2B01:00&to=2027-03-11T00:00:00%2B01:00",
                token: other.coordinator)
            #expect(elsewhere.status == .notFound)
            let unknown = try await client.call(
                .get, "/api/v1/resources/\(ResourceID())/availability?from=2027-03-10T00:00:00%2B01:00&to=2027-03-11T00:00:00%2B01:00",
                token: fixture.userB)
            #expect(unknown.status == .notFound)
        }
    }
}
