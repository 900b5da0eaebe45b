import Foundation
import HummingbirdTesting
import MutualisDomain
import Testing

@Suite("API basics")
struct APIBasicsTests {
    @Test("no token or a bad token answers 401 as problem+json")
    func unauthorized() async throws {
        try await withAPI { client, _, _ in
            let none = try await client.call(.get, "/api/v1/members", token: nil)
            #expect(none.status == .unauthorized)
            #expect(none.contentType == "application/problem+json")
            expect(try await client.call(.get, "/api/v1/members", token: "mut_not-a-real-token"), .unauthorized)
        }
    }

    @Test("malformed JSON is a 400 naming the field; a broken rule of a field is a 422 naming it")
    func validation() async throws {
        try await withAPI { client, fixture, _ in
            let missing = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: #"{"name": "Van", "units": "two"}"#)
            #expect(missing.status == .badRequest)
            #expect(missing.fields == ["units"])
            let invalid = try await client.call(
                .post, "/api/v1/members", token: fixture.coordinator,
                json: #"{"name": "X", "legalForm": "association", "siret": "12345678901234"}"#)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.fields == ["siret"])
            let badForm = try await client.call(
                .post, "/api/v1/members", token: fixture.coordinator, json: #"{"name": "X", "legalForm": "club"}"#)
            #expect(badForm.fields == ["legalForm"])
        }
    }

    @Test("a member user may not manage members or resources: 403")
    func roles() async throws {
        try await withAPI { client, fixture, _ in
            expect(
                try await client.call(.post, "/api/v1/members", token: fixture.userA, json: #"{"name": "X", "legalForm": "association"}"#),
                .forbidden)
            expect(try await client.call(.post, "/api/v1/resources", token: fixture.userA, json: resourceJSON("Van")), .forbidden)
            expect(try await client.call(.get, "/api/v1/members", token: fixture.userA), .ok)
        }
    }

    @Test("members: create, read, patch, and lists that page with a cursor")
    func members() async throws {
        try await withAPI { client, fixture, _ in
            let created = try await client.call(
                .post, "/api/v1/members", token: fixture.coordinator,
                json:
                    #"{"name": "Mairie de Romans", "legalForm": "local-authority", "siret": "73282932000074", "headcount": 12.5, "joinedOn": "2026-01-01"}"#
            )
            #expect(created.status == .created)
            let id = created["id"]!
            let patched = try await client.call(
                .patch, "/api/v1/members/\(id)", token: fixture.coordinator, json: #"{"leftOn": "2026-12-31", "siret": null}"#)
            #expect(patched["leftOn"] == "2026-12-31")
            #expect(patched.json["siret"] is NSNull)
            #expect(patched["name"] == "Mairie de Romans")
            let first = try await client.call(.get, "/api/v1/members?limit=2", token: fixture.coordinator)
            #expect((first.json["items"] as? [Any])?.count == 2)
            let next = try #require(first["next"])
            let second = try await client.call(.get, "/api/v1/members?limit=2&cursor=\(next)", token: fixture.coordinator)
            #expect((second.json["items"] as? [Any])?.count == 1)
            #expect(second.json["next"] is NSNull)
            expect(try await client.call(.get, "/api/v1/members?limit=5000", token: fixture.coordinator), .unprocessableContent)
        }
    }

    @Test("a coordinator issues a token for a user of its pole, and it works")
    func tokens() async throws {
        try await withAPI { client, fixture, _ in
            let user = try await client.call(
                .post, "/api/v1/users", token: fixture.coordinator,
                json: #"{"email": "nouveau@example.org", "name": "Nour", "role": "member", "memberId": "\#(fixture.memberB)"}"#)
            #expect(user.status == .created)
            let token = try await client.call(.post, "/api/v1/users/\(user["id"]!)/tokens", token: fixture.coordinator)
            #expect(token.status == .created)
            expect(try await client.call(.get, "/api/v1/resources", token: token["token"]!), .ok)
        }
    }

    @Test("a coordinator revokes a user's tokens, all or one scope's; a member user may not")
    func revokingTokens() async throws {
        try await withAPI { client, fixture, _ in
            let user = try await client.call(
                .post, "/api/v1/users", token: fixture.coordinator,
                json: #"{"email": "revoque@example.org", "name": "Rémi", "role": "member", "memberId": "\#(fixture.memberB)"}"#)
            let id = try #require(user["id"])
            let api = try #require(try await client.call(.post, "/api/v1/users/\(id)/tokens", token: fixture.coordinator)["token"])
            let calendar = try await client.call(
                .post, "/api/v1/users/\(id)/tokens", token: fixture.coordinator, json: #"{"scope": "calendar"}"#)
            #expect(calendar.status == .created)

            expect(try await client.call(.delete, "/api/v1/users/\(id)/tokens", token: fixture.userA), .forbidden)
            expect(try await client.call(.delete, "/api/v1/users/\(id)/tokens?scope=forever", token: fixture.coordinator), .badRequest)
            expect(try await client.call(.get, "/api/v1/resources", token: api), .ok)

            let calendarOnly = try await client.call(.delete, "/api/v1/users/\(id)/tokens?scope=calendar", token: fixture.coordinator)
            #expect(calendarOnly.status == .ok)
            #expect(calendarOnly.json["revoked"] as? Int == 1)
            expect(try await client.call(.get, "/api/v1/resources", token: api), .ok)

            let all = try await client.call(.delete, "/api/v1/users/\(id)/tokens", token: fixture.coordinator)
            #expect(all.json["revoked"] as? Int == 1)
            expect(try await client.call(.get, "/api/v1/resources", token: api), .unauthorized)
            let again = try await client.call(.delete, "/api/v1/users/\(id)/tokens", token: fixture.coordinator)
            #expect(again.json["revoked"] as? Int == 0)
        }
    }

    @Test("health and readiness")
    func health() async throws {
        try await withAPI { client, _, _ in
            expect(try await client.call(.get, "/health", token: nil), .ok)
            expect(try await client.call(.get, "/ready", token: nil), .ok)
        }
    }
}
