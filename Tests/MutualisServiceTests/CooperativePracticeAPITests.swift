import Foundation
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import Testing

/// Commitments, cancellation tiers, no-shows and the waitlist through HTTP; every answer is
/// checked against openapi.yaml.
@Suite("Cooperative practices through HTTP")
struct CooperativePracticeAPITests {
    @Test("cancellation tiers are written and read back furthest first; a deadline alone is one tier counting everything")
    func tiers() async throws {
        try await withAPI { client, f, _ in
            let tiered = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: resourceJSON(
                    "Studio",
                    rules:
                        #"{"cancellationTiers": [{"withinMinutes": 2880, "countedPercent": 100}, {"withinMinutes": 10080, "countedPercent": 50}]}"#
                ))
            expect(tiered, .created)
            let rules = try #require(tiered.json["rules"] as? [String: Any])
            let tiers = try #require(rules["cancellationTiers"] as? [[String: Int]])
            #expect(tiers == [["withinMinutes": 10080, "countedPercent": 50], ["withinMinutes": 2880, "countedPercent": 100]])
            #expect(rules["cancellationDeadlineMinutes"] as? Int == 10080)

            let deadline = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: resourceJSON("Van", rules: #"{"cancellationDeadlineMinutes": 1440}"#))
            expect(deadline, .created)
            #expect(
                (deadline.json["rules"] as? [String: Any])?["cancellationTiers"] as? [[String: Int]] == [
                    ["withinMinutes": 1440, "countedPercent": 100]
                ])

            let both = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: resourceJSON(
                    "Salle",
                    rules: #"{"cancellationDeadlineMinutes": 60, "cancellationTiers": [{"withinMinutes": 120, "countedPercent": 100}]}"#))
            expect(both, .unprocessableContent)
            #expect(both.fields == ["rules.cancellationDeadlineMinutes"])
            let backwards = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: resourceJSON(
                    "Salle",
                    rules:
                        #"{"cancellationTiers": [{"withinMinutes": 60, "countedPercent": 20}, {"withinMinutes": 120, "countedPercent": 100}]}"#
                ))
            expect(backwards, .unprocessableContent)
            #expect(backwards.fields == ["rules.cancellationTiers"])
            let unknown = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: resourceJSON("Salle", rules: #"{"cancellationTiers": [{"withinMinutes": 60, "countedPercent": 20, "free": true}]}"#))
            expect(unknown, .badRequest)
        }
    }

    @Test("before cancelling, a member reads what it will count; the cancelled booking keeps it")
    func cancellationPreview() async throws {
        try await withAPI { client, f, _ in
            let studio = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: resourceJSON(
                    "Studio",
                    rules:
                        #"{"cancellationTiers": [{"withinMinutes": 10080, "countedPercent": 50}, {"withinMinutes": 1440, "countedPercent": 100}]}"#
                ))["id"]!
            let booking = try await client.call(
                .post, "/api/v1/bookings", token: f.userA, json: bookingJSON(studio, wholeHour(fromNow: 72), wholeHour(fromNow: 76)))
            expect(booking, .created)
            let id = booking["id"]!
            let preview = try await client.call(.get, "/api/v1/bookings/\(id)/cancellation", token: f.userA)
            expect(preview, .ok)
            #expect(preview.json["countedPercent"] as? Int == 50)
            #expect(preview.json["countedHours"] as? Double == 2)
            expect(try await client.call(.get, "/api/v1/bookings/\(id)/cancellation", token: f.userB), .notFound)
            let cancelled = try await client.call(.post, "/api/v1/bookings/\(id)/cancel", token: f.userA)
            expect(cancelled, .ok)
            #expect(cancelled.json["countedPercent"] as? Int == 50)
            #expect(cancelled.json["lateCancellation"] as? Bool == true)
            #expect(try await client.call(.get, "/api/v1/bookings/\(id)/cancellation", token: f.userA).json["countedPercent"] as? Int == 0)
        }
    }

    @Test("a coordinator marks a started booking as a no-show and takes it back; never a future one, never by a member")
    func noShow() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            let past = try await client.call(
                .post, "/api/v1/bookings", token: f.coordinator,
                json: bookingJSON(van, wholeHour(fromNow: -5), wholeHour(fromNow: -3), member: f.memberA))
            expect(past, .created)
            let future = try await client.call(
                .post, "/api/v1/bookings", token: f.userA, json: bookingJSON(van, wholeHour(fromNow: 24), wholeHour(fromNow: 25)))
            let id = past["id"]!
            expect(try await client.call(.post, "/api/v1/bookings/\(id)/no-show", token: f.userA), .forbidden)
            expect(try await client.call(.post, "/api/v1/bookings/\(future["id"]!)/no-show", token: f.coordinator), .conflict)
            let marked = try await client.call(.post, "/api/v1/bookings/\(id)/no-show", token: f.coordinator)
            expect(marked, .ok)
            #expect(marked.json["noShow"] as? Bool == true && marked.json["countedPercent"] as? Int == 100)
            expect(try await client.call(.post, "/api/v1/bookings/\(id)/cancel", token: f.coordinator), .conflict)
            let back = try await client.call(.delete, "/api/v1/bookings/\(id)/no-show", token: f.coordinator)
            expect(back, .ok)
            #expect(back.json["noShow"] as? Bool == false)
        }
    }

    @Test("commitments: recorded by a coordinator, read by their member, bounded where they enter, withdrawn")
    func commitments() async throws {
        try await withAPI { client, f, _ in
            let machine = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Machine"))["id"]!
            let body =
                #"{"memberId": "\#(f.memberA)", "resourceId": "\#(machine)", "volume": 120.5, "unit": "hours", "startsOn": "2027-01-01", "endsOn": "2029-12-31"}"#
            expect(try await client.call(.post, "/api/v1/commitments", token: f.userA, json: body), .forbidden)
            let created = try await client.call(.post, "/api/v1/commitments", token: f.coordinator, json: body)
            expect(created, .created)
            #expect(created.json["volume"] as? Double == 120.5)
            let id = created["id"]!

            let own = try await client.call(.get, "/api/v1/commitments", token: f.userA)
            #expect((own.json["items"] as? [[String: Any]])?.count == 1)
            #expect((try await client.call(.get, "/api/v1/commitments", token: f.userB).json["items"] as? [[String: Any]])?.isEmpty == true)
            expect(try await client.call(.get, "/api/v1/commitments?memberId=\(f.memberA)", token: f.userB), .forbidden)
            expect(try await client.call(.get, "/api/v1/commitments?memberId=nobody", token: f.coordinator), .badRequest)

            for (json, field) in [
                (body.replacingOccurrences(of: "120.5", with: "0.0001"), "volume"),
                (body.replacingOccurrences(of: "120.5", with: "1e300"), "volume"),
                (body.replacingOccurrences(of: "2029-12-31", with: "2026-12-31"), "endsOn"),
                (body.replacingOccurrences(of: "\(f.memberA)", with: "\(MemberID())"), "memberId"),
                (body.replacingOccurrences(of: "\"hours\"", with: "\"litres\""), "unit"),
            ] {
                let refused = try await client.call(.post, "/api/v1/commitments", token: f.coordinator, json: json)
                expect(refused, .unprocessableContent)
                #expect(refused.fields == [field], "\(json)")
            }
            expect(
                try await client.call(
                    .post, "/api/v1/commitments", token: f.coordinator, json: body.replacingOccurrences(of: "}", with: #", "floor": 3}"#)),
                .badRequest)

            expect(try await client.call(.delete, "/api/v1/commitments/\(id)", token: f.coordinator), .noContent)
            expect(try await client.call(.delete, "/api/v1/commitments/\(id)", token: f.coordinator), .notFound)
            #expect(
                (try await client.call(.get, "/api/v1/commitments", token: f.coordinator).json["items"] as? [[String: Any]])?.isEmpty
                    == true)
        }
    }

    @Test("the waitlist: refused for a free slot, booked when the slot is cancelled, told in the notices, left only while waiting")
    func waitlist() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            let slot = bookingJSON(van, "2027-03-10T09:00:00+01:00", "2027-03-10T12:00:00+01:00")
            let free = try await client.call(.post, "/api/v1/waitlist", token: f.userB, json: slot)
            expect(free, .conflict)
            let held = try await client.call(.post, "/api/v1/bookings", token: f.userA, json: slot)
            let joined = try await client.call(.post, "/api/v1/waitlist", token: f.userB, json: slot)
            expect(joined, .created)
            #expect(joined["status"] == "waiting")
            expect(try await client.call(.post, "/api/v1/waitlist", token: f.userB, json: slot), .conflict)
            expect(
                try await client.call(
                    .post, "/api/v1/waitlist", token: f.userB, json: slot.replacingOccurrences(of: "}", with: #", "recurrence": null}"#)),
                .badRequest)
            expect(try await client.call(.delete, "/api/v1/waitlist/\(joined["id"]!)", token: f.userA), .notFound)
            #expect((try await client.call(.get, "/api/v1/waitlist", token: f.userA).json["items"] as? [[String: Any]])?.isEmpty == true)

            expect(try await client.call(.post, "/api/v1/bookings/\(held["id"]!)/cancel", token: f.userA), .ok)
            let entries = try #require(try await client.call(.get, "/api/v1/waitlist", token: f.userB).json["items"] as? [[String: Any]])
            #expect(entries.first?["status"] as? String == "booked")
            let bookingID = try #require(entries.first?["bookingId"] as? String)
            let booking = try await client.call(.get, "/api/v1/bookings/\(bookingID)", token: f.userB)
            #expect(booking["status"] == "confirmed" && booking["memberId"] == f.memberB.description)

            let notices = try await client.call(.get, "/api/v1/notifications?unread=true", token: f.userB)
            expect(notices, .ok)
            #expect((notices.json["items"] as? [[String: Any]])?.first?["kind"] as? String == "waitlist_booked")
            expect(try await client.call(.get, "/api/v1/notifications", token: f.coordinator), .unprocessableContent)
            #expect(
                (try await client.call(.get, "/api/v1/notifications?memberId=\(f.memberB)", token: f.coordinator).json["items"]
                    as? [[String: Any]])?.count == 1)
            #expect(try await client.call(.post, "/api/v1/notifications/read", token: f.userB).json["marked"] as? Int == 1)
            #expect(
                (try await client.call(.get, "/api/v1/notifications?unread=true", token: f.userB).json["items"] as? [[String: Any]])?
                    .isEmpty == true)
            expect(try await client.call(.delete, "/api/v1/waitlist/\(joined["id"]!)", token: f.userB), .conflict)
        }
    }

    @Test("a booking is shortened within its span; a longer or empty change is refused")
    func shortening() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            let booking = try await client.call(
                .post, "/api/v1/bookings", token: f.userA, json: bookingJSON(van, "2027-03-10T09:00:00+01:00", "2027-03-10T18:00:00+01:00"))
            let id = booking["id"]!
            let shortened = try await client.call(
                .patch, "/api/v1/bookings/\(id)", token: f.userA, json: #"{"end": "2027-03-10T15:00:00+01:00"}"#)
            expect(shortened, .ok)
            #expect(shortened["end"] == "2027-03-10T14:00:00Z")
            let longer = try await client.call(
                .patch, "/api/v1/bookings/\(id)", token: f.userA, json: #"{"end": "2027-03-10T19:00:00+01:00"}"#)
            expect(longer, .unprocessableContent)
            #expect(longer.fields == ["end"])
            expect(try await client.call(.patch, "/api/v1/bookings/\(id)", token: f.userA, json: "{}"), .unprocessableContent)
            expect(
                try await client.call(.patch, "/api/v1/bookings/\(id)", token: f.userB, json: #"{"end": "2027-03-10T12:00:00+01:00"}"#),
                .notFound)
            expect(
                try await client.call(.patch, "/api/v1/bookings/\(id)", token: f.userA, json: #"{"until": "2027-03-10T12:00:00+01:00"}"#),
                .badRequest)
        }
    }

    @Test("blackouts are listed with their ids and retired; retiring books the request that waited for the closed slot")
    func blackouts() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            expect(
                try await client.call(
                    .post, "/api/v1/resources/\(van)/blackouts", token: f.coordinator,
                    json: #"{"start": "2027-03-10T00:00:00+01:00", "end": "2027-03-11T00:00:00+01:00", "reason": "Révision"}"#),
                .created)
            let waiting = try await client.call(
                .post, "/api/v1/waitlist", token: f.userA, json: bookingJSON(van, "2027-03-10T09:00:00+01:00", "2027-03-10T12:00:00+01:00"))
            expect(waiting, .created)
            let listed = try await client.call(.get, "/api/v1/resources/\(van)/blackouts", token: f.userA)
            let blackout = try #require((listed.json["items"] as? [[String: Any]])?.first?["id"] as? String)
            expect(try await client.call(.delete, "/api/v1/resources/\(van)/blackouts/\(blackout)", token: f.userA), .forbidden)
            expect(try await client.call(.delete, "/api/v1/resources/\(van)/blackouts/\(blackout)", token: f.coordinator), .noContent)
            expect(try await client.call(.delete, "/api/v1/resources/\(van)/blackouts/\(blackout)", token: f.coordinator), .notFound)
            let entries = try await client.call(.get, "/api/v1/waitlist", token: f.userA).json["items"] as? [[String: Any]]
            #expect(entries?.first?["status"] as? String == "booked")
        }
    }
}
