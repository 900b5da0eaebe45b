import Foundation
import MutualisDomain
import MutualisStore
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Synchronization
import Testing

/// What the database announces to servers that remember token callers (migration 0005).
@Suite("Access changes")
struct AccessChangesTests {
    @Test("using a token is not announced; revoking it, or disabling its user, is")
    func announcements() async throws {
        try await withMigratedDatabase { pool in
            let pole = try await PoleStore(database: MutualisDatabase(pool: pool)).create(
                name: "Pôle Sud", timeZone: "Europe/Paris", currency: "EUR", actor: .adminCLI)
            let user = try await UserStore(database: MutualisDatabase(pool: pool)).create(
                pole: pole.id, email: "camille@polesud.example", name: "Camille", role: .coordinator, memberID: nil, actor: .adminCLI)
            let tokens = TokenStore(database: MutualisDatabase(pool: pool))
            let token = try await tokens.issue(for: user.id, actor: .adminCLI)

            let heard = Mutex<[PostgresListener.Event]>([])
            let listener = PostgresListener(configuration: pool.configuration, channel: TokenStore.changesChannel) { event in
                heard.withLock { $0.append(event) }
            }
            listener.start()
            func wait(for count: Int) async throws {
                _ = try await eventually { heard.withLock { $0.count } >= count }
            }
            try await wait(for: 1)

            // The first use records last_used_at: an UPDATE of api_tokens that changes no access.
            let caller = try await tokens.authenticate(token)
            #expect(caller?.userID == user.id)
            try await tokens.revokeAll(of: user.id, actor: .adminCLI)
            try await wait(for: 2)
            try await UserStore(database: MutualisDatabase(pool: pool)).disable(user.id, actor: .adminCLI)
            try await wait(for: 3)
            await listener.stop()
            #expect(heard.withLock { $0 } == [.listening, .notification("api_tokens"), .notification("users"), .lost])
        }
    }
}
