import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

@Suite("Web accounts")
struct AccountStoreTests {
    /// Cheap parameters: the tests check the flows, not scrypt's cost.
    static let quickHasher = PasswordHasher(logN: 10, blockSize: 1, parallelism: 1)
    static let password = "Ab3!efghijkl"

    private func withAccount(
        limits: SessionLimits = SessionLimits(),
        _ body: @escaping @Sendable (AccountStore, UserID, PostgresConnectionPool) async throws -> Void
    ) async throws {
        try await withMigratedDatabase(size: 12) { pool in
            let pole = try await StoredPole.make(pool, members: ["Les Fabriques"])
            let database = MutualisDatabase(pool: pool)
            let user = try await UserStore(database: database).create(
                pole: pole.id, email: "alex@fabriques.example", name: "Alex", role: .member, memberID: pole.members[0], actor: .adminCLI)
            try await body(AccountStore(database: database, hasher: Self.quickHasher, limits: limits), user.id, pool)
        }
    }

    @Test("an invitation is used once: it sets the password, opens a session, and then no longer opens anything")
    func invitationOnce() async throws {
        try await withAccount { accounts, user, _ in
            let secret = try await accounts.invite(user, actor: .adminCLI)
            #expect(try await accounts.invitee(secret)?.email == "alex@fabriques.example")
            let signedIn = try #require(try await accounts.accept(secret, password: Self.password))
            #expect(signedIn.session.principal.userID == user)
            #expect(try await accounts.session(signedIn.secret) == signedIn.session)
            #expect(try await accounts.invitee(secret) == nil)
            #expect(try await accounts.accept(secret, password: Self.password) == nil)
        }
    }

    @Test("twenty concurrent submissions of one invitation: exactly one sets the password")
    func invitationRace() async throws {
        try await withAccount { accounts, user, _ in
            let secret = try await accounts.invite(user, actor: .adminCLI)
            let opened = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<20 {
                    group.addTask { try await accounts.accept(secret, password: Self.password + String(index)) != nil }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(opened == 1)
        }
    }

    @Test("an expired invitation, or one replaced by a newer one, opens nothing")
    func invitationExpiry() async throws {
        try await withAccount { accounts, user, pool in
            let first = try await accounts.invite(user, actor: .adminCLI)
            let second = try await accounts.invite(user, actor: .adminCLI)
            #expect(try await accounts.invitee(first) == nil)
            try await pool.withConnection {
                try $0.execute("UPDATE invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day'")
            }
            #expect(try await accounts.invitee(second) == nil)
            #expect(try await accounts.accept(second, password: Self.password) == nil)
        }
    }

    @Test("a sign-in with the right password opens a session; a wrong one, an unknown email, a user without password are refused alike")
    func signIn() async throws {
        try await withAccount { accounts, user, _ in
            guard case .refused = try await accounts.signIn(email: "alex@fabriques.example", password: Self.password, address: "a") else {
                Issue.record("a user without a password signed in")
                return
            }
            _ = try await accounts.accept(try await accounts.invite(user, actor: .adminCLI), password: Self.password)
            guard case .refused = try await accounts.signIn(email: "alex@fabriques.example", password: "wrong", address: "a") else {
                Issue.record("a wrong password signed in")
                return
            }
            guard case .refused = try await accounts.signIn(email: "nobody@example.org", password: Self.password, address: "a") else {
                Issue.record("an unknown email signed in")
                return
            }
            guard
                case .signedIn(let signedIn) = try await accounts.signIn(
                    email: "Alex@Fabriques.example", password: Self.password, address: "a")
            else {
                Issue.record("the right password was refused")
                return
            }
            #expect(signedIn.session.userName == "Alex" && signedIn.session.poleName == "Pôle Sud")
        }
    }

    @Test("after five failures an account is throttled even with the right password; an address after twenty")
    func throttling() async throws {
        var limits = SessionLimits()
        limits.failuresPerAccount = 5
        limits.failuresPerAddress = 8
        try await withAccount(limits: limits) { accounts, user, _ in
            _ = try await accounts.accept(try await accounts.invite(user, actor: .adminCLI), password: Self.password)
            for _ in 0..<5 { _ = try await accounts.signIn(email: "alex@fabriques.example", password: "wrong", address: "10.0.0.1") }
            guard case .throttled = try await accounts.signIn(email: "alex@fabriques.example", password: Self.password, address: "10.0.0.2")
            else {
                Issue.record("the account was not throttled")
                return
            }
            for index in 0..<8 { _ = try await accounts.signIn(email: "other\(index)@example.org", password: "x", address: "10.0.0.3") }
            guard case .throttled = try await accounts.signIn(email: "someone@example.org", password: "x", address: "10.0.0.3") else {
                Issue.record("the address was not throttled")
                return
            }
        }
    }

    @Test("twenty guesses sent at once to one account get five answers and fifteen refusals to try: parallel guessing gains nothing")
    func throttlingRace() async throws {
        var limits = SessionLimits()
        limits.failuresPerAccount = 5
        try await withAccount(limits: limits) { accounts, user, _ in
            _ = try await accounts.accept(try await accounts.invite(user, actor: .adminCLI), password: Self.password)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        switch try await accounts.signIn(
                            email: "alex@fabriques.example", password: "guess\(index)", address: "10.0.0.\(index)")
                        {
                        case .throttled: false
                        default: true
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 5)
        }
    }

    @Test("disabling the user, or a new password, ends its sessions at once; an idle session ends too")
    func revocation() async throws {
        try await withAccount { accounts, user, pool in
            let first = try #require(try await accounts.accept(try await accounts.invite(user, actor: .adminCLI), password: Self.password))
            let changed = try #require(try await accounts.changePassword(of: user, current: Self.password, new: Self.password + "x"))
            #expect(try await accounts.session(first.secret) == nil)
            #expect(try await accounts.session(changed.secret) != nil)
            #expect(try await accounts.changePassword(of: user, current: "wrong", new: Self.password) == nil)

            try await pool.withConnection { try $0.execute("UPDATE web_sessions SET last_seen_at = now() - interval '3 hours'") }
            #expect(try await accounts.session(changed.secret) == nil)

            guard
                case .signedIn(let again) = try await accounts.signIn(
                    email: "alex@fabriques.example", password: Self.password + "x", address: "a")
            else {
                Issue.record("the new password was refused")
                return
            }
            try await UserStore(database: MutualisDatabase(pool: pool)).disable(user, actor: .adminCLI)
            #expect(try await accounts.session(again.secret) == nil)
        }
    }

    @Test("passwords are stored as scrypt hashes that verify, never as given")
    func hashes() async throws {
        let stored = try await Self.quickHasher.hash(Self.password)
        #expect(stored.hasPrefix("scrypt$10$1$1$") && !stored.contains(Self.password))
        #expect(try await PasswordHasher.verify(Self.password, against: stored))
        #expect(try await !PasswordHasher.verify(Self.password + "x", against: stored))
        #expect(try await !PasswordHasher.verify(Self.password, against: "scrypt$99$1$1$AA==$AA=="))
    }
}
