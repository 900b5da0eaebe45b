import Foundation
import Hummingbird
import HummingbirdTesting
import MutualisDomain
import MutualisService
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Synchronization
import Testing

@testable import MutualisStore

/// Callers remembered by the server, and forgotten the moment the database says tokens or
/// users changed.
@Suite("Token cache")
struct TokenCacheTests {
    @Test("a remembered caller is served without the database; a revocation or a disabled user elsewhere ends it at once")
    func revocationReachesTheCache() async throws {
        try await withMigratedDatabase { pool in
            let fixture = try await PoleFixture.make(pool)
            // Ten minutes: an answer within seconds can only come from the notification.
            let cache = PrincipalCache(lifetime: .seconds(600))
            let listening = Mutex(false)
            let listener = PostgresListener(configuration: pool.configuration, channel: TokenStore.changesChannel) { event in
                cache.follow(event)
                if event == .listening { listening.withLock { $0 = true } }
            }
            listener.start()
            let heard = try await eventually { listening.withLock { $0 } }
            #expect(heard)

            let app = Application(router: try buildRouter(database: MutualisDatabase(pool: pool), tokenCache: cache))
            try await app.test(.router) { client in
                expect(try await client.call(.get, "/api/v1/members", token: fixture.coordinator), .ok)
                // The token's row goes behind the server's back (triggers off: no notification).
                try await pool.withTransaction { connection in
                    try connection.execute("SET LOCAL session_replication_role = replica")
                    try connection.execute(
                        "DELETE FROM api_tokens WHERE token_hash = sha256(convert_to(\(fixture.coordinator), 'UTF8'))"
                    )
                }
                expect(try await client.call(.get, "/api/v1/members", token: fixture.coordinator), .ok)

                expect(try await client.call(.get, "/api/v1/members", token: fixture.userA), .ok)
                try await TokenStore(database: MutualisDatabase(pool: pool)).revokeAll(
                    of: try await Self.userID(of: fixture.memberA, pool), actor: .adminCLI)
                let revokedRefused = try await Self.refusedSoon(client, fixture.userA)
                #expect(revokedRefused)

                expect(try await client.call(.get, "/api/v1/members", token: fixture.userB), .ok)
                try await UserStore(database: MutualisDatabase(pool: pool)).disable(
                    try await Self.userID(of: fixture.memberB, pool), actor: .adminCLI)
                let disabledRefused = try await Self.refusedSoon(client, fixture.userB)
                #expect(disabledRefused)
            }
            await listener.stop()
        }
    }

    private static func userID(of member: MemberID, _ pool: PostgresConnectionPool) async throws -> UserID {
        try await pool.withConnection { connection in
            try connection.query("SELECT id FROM users WHERE member_id = \(member)").first!.decode(UserID.self, at: 0)
        }
    }

    /// Whether the token is refused (401) within five seconds.
    private static func refusedSoon(_ client: any TestClientProtocol, _ token: String) async throws -> Bool {
        try await eventually { try await client.call(.get, "/api/v1/members", token: token).status == .unauthorized }
    }
}
