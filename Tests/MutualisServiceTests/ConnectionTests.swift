import Foundation
import Glibc
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MutualisService
import MutualisStore
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Testing

/// What reaches the server as connections: more load than its pool can take (503 at once
/// rather than queues without end, healthy afterwards), slow clients, unreadable requests.
@Suite("Connections under load and abuse")
struct ConnectionTests {
    @Test("300 concurrent clients on a pool of 2 get only 201, 409 or 503 with Retry-After, and the server stays ready")
    func overload() async throws {
        try await withMigratedDatabase(size: 2) { setup in
            let fixture = try await PoleFixture.make(setup)
            let pool = PostgresConnectionPool(
                configuration: setup.configuration, size: 2,
                limits: PostgresPoolLimits(maxWait: .seconds(1), maxWaiting: 40, statementTimeout: .seconds(5))
            )
            defer { Task { await pool.close() } }
            let app = Application(router: try buildRouter(database: MutualisDatabase(pool: pool)))
            try await app.test(.router) { client in
                let resource = try await client.call(
                    .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salles", units: 5))["id"]!
                let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                    for index in 0..<300 {
                        group.addTask {
                            let day = 10 + index % 10
                            return try await client.call(
                                .post, "/api/v1/bookings", token: index.isMultiple(of: 2) ? fixture.userA : fixture.userB,
                                json: bookingJSON(resource, "2027-03-\(day)T09:00:00+01:00", "2027-03-\(day)T10:00:00+01:00"))
                        }
                    }
                    return try await group.reduce(into: [Answer]()) { $0.append($1) }
                }
                let statuses = Dictionary(grouping: answers, by: \.status.code).mapValues(\.count)
                #expect(Set(statuses.keys).isSubset(of: [201, 409, 503]), "\(statuses)")
                #expect(statuses[201, default: 0] <= 50)
                let refused = answers.filter { $0.status == .serviceUnavailable }
                #expect(!refused.isEmpty, "\(statuses)")
                #expect(refused.allSatisfy { $0.contentType == "application/problem+json" && $0.retryAfter == "1" })
                expect(try await client.call(.get, "/ready", token: nil), .ok)
                expect(
                    try await client.call(
                        .post, "/api/v1/bookings", token: fixture.userA,
                        json: bookingJSON(resource, "2027-04-01T09:00:00+02:00", "2027-04-01T10:00:00+02:00")), .created)
            }
        }
    }

    @Test("/ready answers 503 within about a second while every connection is taken")
    func readyUnderLoad() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            let app = Application(router: try buildRouter(database: MutualisDatabase(pool: pool)))
            try await app.test(.router) { client in
                let held = Task { try await pool.withConnection { _ = try $0.query("SELECT pg_sleep(3)") } }
                #expect(try await eventually { pool.statistics.inUse == 1 })
                let started = ContinuousClock.now
                let ready = try await client.call(.get, "/ready", token: nil)
                let waited = ContinuousClock.now - started
                expect(ready, .serviceUnavailable)
                #expect(waited < .seconds(2), "\(waited)")
                try await held.value
                expect(try await client.call(.get, "/ready", token: nil), .ok)
            }
        }
    }

    @Test("a connection that never finishes its request's head is closed after the idle timeout")
    func slowHeaders() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            var limits = ServerConfiguration.Limits()
            limits.idleTimeoutSeconds = 1
            let app = Application(
                router: try buildRouter(database: MutualisDatabase(pool: pool)), server: httpServer(limits),
                configuration: .init(address: .hostname("127.0.0.1", port: 0))
            )
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let closed = try await Task.detached {
                    try Self.exchange(port: port, "GET /health HTTP/1.1\r\nHost: localhost\r\n", waitingAtMost: 5)
                }.value
                #expect(closed == "")
                let answered = try await Task.detached {
                    try Self.exchange(port: port, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", waitingAtMost: 5)
                }.value
                #expect(answered?.hasPrefix("HTTP/1.1 200") == true)
            }
        }
    }

    @Test("a request whose head is over 80 KiB, or that is not HTTP, gets a problem+json 400")
    func unreadableRequests() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            let app = Application(
                router: try buildRouter(database: MutualisDatabase(pool: pool)), server: httpServer(ServerConfiguration.Limits()),
                configuration: .init(address: .hostname("127.0.0.1", port: 0))
            )
            try await app.test(.live) { client in
                let port = try #require(client.port)
                for request in [
                    "GET /api/v1/bookings?from=" + String(repeating: "x", count: 100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                    "NOT HTTP AT ALL\r\n\r\n",
                ] {
                    let answer = try await Task.detached { try Self.exchange(port: port, request, waitingAtMost: 5) }.value
                    let text = try #require(answer)
                    #expect(text.hasPrefix("HTTP/1.1 400"), "\(text)")
                    #expect(text.lowercased().contains("content-type: application/problem+json"))
                    #expect(text.contains(#""status":400"#))
                }
                let fine = try await Task.detached {
                    try Self.exchange(port: port, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", waitingAtMost: 5)
                }.value
                #expect(fine?.hasPrefix("HTTP/1.1 200") == true)
            }
        }
    }

    /// Sends `request` on a new connection and answers what came back before the server
    /// closed it: "" when it closed without a word, nil when it kept silent past `seconds`.
    private static func exchange(port: Int, _ request: String, waitingAtMost seconds: Int) throws -> String? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received == 0 { return String(decoding: answer, as: UTF8.self) }
            if received < 0 { return nil }
            answer += buffer[..<received]
        }
    }
}
