import Foundation
import Hummingbird
import HummingbirdTesting
import MutualisDomain
import MutualisService
import MutualisStore
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Testing

/// A pole with a coordinator and two member organisations, each with a user and a token.
struct PoleFixture: Sendable {
    var pole: PoleID
    var coordinator: String
    var memberA: MemberID
    var userA: String
    var memberB: MemberID
    var userB: String

    static func make(_ pool: PostgresConnectionPool, name: String = "Pôle Sud") async throws -> PoleFixture {
        let pole = try await PoleStore(database: MutualisDatabase(pool: pool)).create(
            name: name, timeZone: "Europe/Paris", currency: "EUR", actor: .adminCLI)
        let users = UserStore(database: MutualisDatabase(pool: pool))
        let tokens = TokenStore(database: MutualisDatabase(pool: pool))
        let members = MemberStore(database: MutualisDatabase(pool: pool))
        let slug = name.lowercased().filter(\.isLetter)
        let coordinator = try await users.create(
            pole: pole.id, email: "coordination@\(slug).example", name: "Camille", role: .coordinator, memberID: nil, actor: .adminCLI)
        let a = try await members.create(
            pole: pole.id, MemberInput(name: "Les Fabriques", legalForm: .association, joinedOn: LocalDate("2025-01-01")), actor: .adminCLI)
        let b = try await members.create(
            pole: pole.id, MemberInput(name: "Ardelaine", legalForm: .scop, joinedOn: LocalDate("2025-01-01")), actor: .adminCLI)
        let userA = try await users.create(
            pole: pole.id, email: "a@\(slug).example", name: "Alex", role: .member, memberID: a.id, actor: .adminCLI)
        let userB = try await users.create(
            pole: pole.id, email: "b@\(slug).example", name: "Bea", role: .member, memberID: b.id, actor: .adminCLI)
        return PoleFixture(
            pole: pole.id,
            coordinator: try await tokens.issue(for: coordinator.id, actor: .adminCLI),
            memberA: a.id, userA: try await tokens.issue(for: userA.id, actor: .adminCLI),
            memberB: b.id, userB: try await tokens.issue(for: userB.id, actor: .adminCLI)
        )
    }
}

/// Runs `body` with the API in-process over a fresh migrated database.
func withAPI(
    poolSize: Int = 8,
    _ body: @escaping @Sendable (any TestClientProtocol, PoleFixture, PostgresConnectionPool) async throws -> Void
) async throws {
    try await withMigratedDatabase(size: poolSize) { pool in
        let fixture = try await PoleFixture.make(pool)
        let app = Application(router: try buildRouter(database: MutualisDatabase(pool: pool)))
        try await app.test(.router) { client in
            try await body(client, fixture, pool)
        }
    }
}

/// An answer's status and JSON body.
struct Answer: Sendable {
    var status: HTTPResponse.Status
    var contentType: String?
    var data: Data
    var retryAfter: String?
    var allow: String?
    /// `Idempotent-Replayed`: "true" when a stored answer was sent again.
    var replayed: String?

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    /// A string field of the body.
    subscript(key: String) -> String? { json[key] as? String }

    /// The `errors[].field` of a problem answer.
    var fields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    /// The `errors[].rule` of a problem answer.
    var rules: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }
}

extension TestClientProtocol {
    /// Sends a request with a bearer token and a JSON body; the answer must be one that
    /// `openapi.yaml` allows.
    func call(
        _ method: HTTPRequest.Method, _ path: String, token: String?, json: String? = nil, headers extra: HTTPFields = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Answer {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        let answer = try await execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) {
            response in
            Answer(
                status: response.status, contentType: response.headers[.contentType], data: Data(buffer: response.body),
                retryAfter: response.headers[.retryAfter], allow: response.headers[.allow],
                replayed: response.headers[.init("Idempotent-Replayed")!]
            )
        }
        let violations = OpenAPIConformance.served.violations(
            method: method.rawValue, uri: path, status: answer.status.code, contentType: answer.contentType, body: answer.data)
        #expect(violations == [], "the answer is not what openapi.yaml describes", sourceLocation: sourceLocation)
        return answer
    }
}

/// Expects an answer to have a status.
func expect(_ answer: Answer, _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(answer.status == status, "\(String(decoding: answer.data, as: UTF8.self))", sourceLocation: sourceLocation)
}

/// JSON for a resource with some rules.
func resourceJSON(_ name: String, units: Int = 1, kind: String = "equipment", rules: String = "{}") -> String {
    #"{"name": "\#(name)", "kind": "\#(kind)", "units": \#(units), "rules": \#(rules)}"#
}

/// JSON for a booking.
func bookingJSON(_ resource: String, _ start: String, _ end: String, member: MemberID? = nil, quantity: Int = 1, extra: String = "")
    -> String
{
    let memberField = member.map { #", "memberId": "\#($0)""# } ?? ""
    return #"{"resourceId": "\#(resource)", "start": "\#(start)", "end": "\#(end)", "quantity": \#(quantity)\#(memberField)\#(extra)}"#
}

/// The start of the hour `hours` after the current one, in RFC 3339: for rules measured from now.
func wholeHour(fromNow hours: Int) -> String {
    let hour = (Date().timeIntervalSince1970 / 3_600).rounded(.down)
    return RFC3339.format(Date(timeIntervalSince1970: (hour + Double(hours)) * 3_600))
}
