import Foundation
import MutualisDomain
import PostgresClient

/// How long sessions last and how many failed sign-ins are tolerated.
public struct SessionLimits: Sendable {
    /// A session unused this long ends.
    public var idle: TimeInterval = 2 * 3_600
    /// A session ends this long after sign-in, used or not.
    public var absolute: TimeInterval = 12 * 3_600
    /// Failed sign-ins to one account, within ``window``, after which it is refused for a while.
    public var failuresPerAccount = 5
    /// Failed sign-ins from one address, within ``window``, after which it is refused for a while.
    public var failuresPerAddress = 20
    /// The span over which failures count.
    public var window: TimeInterval = 15 * 60

    public init() {}
}

/// A signed-in browser: who, and the secret that protects its forms.
public struct WebSession: Sendable, Equatable {
    /// Who is signed in.
    public var principal: Principal
    /// The user's name, for the pages.
    public var userName: String
    /// The pole's name, for the pages.
    public var poleName: String
    /// The pole's time zone, in which the pages show every time.
    public var timeZone: PoleTimeZone
    /// The token every form of the session carries.
    public var csrfToken: String
}

/// A session just opened: its cookie's secret, and the session.
public struct SignedIn: Sendable {
    /// The cookie's value; only its hash is kept.
    public var secret: String
    /// The session it opens.
    public var session: WebSession
}

/// How a sign-in ended.
public enum SignInOutcome: Sendable {
    /// The password is right: a session is open.
    case signedIn(SignedIn)
    /// Unknown email, wrong password, no password yet or disabled user: the same answer for all.
    case refused
    /// Too many failures lately, for the account or the address; the password was not checked.
    case throttled
}

extension AccountStore {
    /// Signs a user in by email and password, unless the account or `address` failed too
    /// often lately.
    ///
    /// Each attempt is counted as a failure before its password is checked, under a lock per
    /// account and per address, so that guesses sent in parallel are held to the limit as
    /// surely as guesses sent one after the other; a success clears the account's count.
    public func signIn(email: String, password: String, address: String) async throws -> SignInOutcome {
        let email = String(email.lowercased().prefix(320))
        let address = String(address.prefix(100))
        let limits = self.limits
        let candidate = try await database.withTransaction { connection -> Candidate in
            // Always the account first, then the address: two attempts never wait on each other in a cycle.
            try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended('sign-in ' || \(email), 0))")
            try connection.execute("SELECT pg_advisory_xact_lock(hashtextextended('sign-in from ' || \(address), 0))")
            let row = try connection.query(
                """
                SELECT (SELECT count(*) FROM sign_in_failures WHERE lower(email) = \(email)
                          AND at > now() - make_interval(secs => \(limits.window))) >= \(limits.failuresPerAccount)
                    OR (SELECT count(*) FROM sign_in_failures WHERE address = \(address)
                          AND at > now() - make_interval(secs => \(limits.window))) >= \(limits.failuresPerAddress),
                    u.id, u.password_hash
                FROM (SELECT 1) one LEFT JOIN users u ON lower(u.email) = \(email) AND u.disabled_at IS NULL
                """
            ).first!
            if try row.decode(Bool.self, at: 0) { return .throttled }
            try connection.execute(
                """
                WITH old AS (DELETE FROM sign_in_failures WHERE at < now() - interval '1 day')
                INSERT INTO sign_in_failures (email, address) VALUES (\(email), \(address))
                """
            )
            guard let user = try row.decode(UserID?.self, at: 1) else { return .unknown }
            return .user(user, try row.decode(String?.self, at: 2))
        }
        switch candidate {
        case .throttled:
            return .throttled
        case .unknown, .user(_, nil):
            // As long as a real check, so that the time taken does not tell which emails exist.
            _ = try await PasswordHasher.verify(password, against: Self.decoy)
            return .refused
        case .user(let user, let stored?):
            // Verified outside any connection: hashing takes a while and needs no database.
            guard try await PasswordHasher.verify(password, against: stored) else { return .refused }
            let signedIn = try await database.withTransaction { connection in
                try connection.execute("DELETE FROM sign_in_failures WHERE lower(email) = \(email)")
                return try openSession(for: user, connection)
            }
            return .signedIn(signedIn)
        }
    }

    /// A well-formed hash no password matches.
    private static let decoy = "scrypt$15$8$3$AAAAAAAAAAAAAAAAAAAAAA==$" + Data(count: 32).base64EncodedString()

    private enum Candidate {
        case throttled
        case unknown
        case user(UserID, String?)
    }

    /// The session a cookie's secret opens, while it lives and its user is enabled; its use is
    /// recorded at most once a minute, in the same statement.
    public func session(_ secret: String) async throws -> WebSession? {
        guard Secret.isWellFormed(secret, prefix: "ses_") else { return nil }
        let limits = self.limits
        let hash = Secret.hash(secret)
        return try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    WITH live AS (
                        SELECT u.id, u.pole_id, u.role, u.member_id, u.name, s.csrf_token, p.name AS pole_name, p.time_zone,
                               s.last_seen_at
                        FROM web_sessions s JOIN users u ON u.id = s.user_id JOIN poles p ON p.id = u.pole_id
                        WHERE s.token_hash = \(hash) AND u.disabled_at IS NULL
                          AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(secs => \(limits.idle))
                    ), touched AS (
                        -- A write only when the last one is a minute old: most page views only read.
                        UPDATE web_sessions SET last_seen_at = now()
                        WHERE token_hash = \(hash) AND EXISTS (SELECT 1 FROM live WHERE last_seen_at < now() - interval '1 minute')
                    )
                    SELECT id, pole_id, role, member_id, name, csrf_token, pole_name, time_zone FROM live
                    """
                ).first
            else { return nil }
            return try Self.session(row)
        }
    }

    /// Ends the session of a cookie's secret.
    public func signOut(_ secret: String) async throws {
        guard Secret.isWellFormed(secret, prefix: "ses_") else { return }
        _ = try await database.withConnection { connection in
            try connection.execute("DELETE FROM web_sessions WHERE token_hash = \(Secret.hash(secret))")
        }
    }

    func openSession(for user: UserID, _ connection: PostgresConnection) throws -> SignedIn {
        let secret = Secret.generate(prefix: "ses_")
        let csrf = Secret.generate(prefix: "")
        guard
            let row = try connection.query(
                """
                WITH created AS (
                    INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at)
                    VALUES (\(Secret.hash(secret)), \(user), \(csrf), now() + make_interval(secs => \(limits.absolute)))
                    RETURNING user_id, csrf_token
                )
                SELECT u.id, u.pole_id, u.role, u.member_id, u.name, created.csrf_token, p.name, p.time_zone
                FROM created JOIN users u ON u.id = created.user_id JOIN poles p ON p.id = u.pole_id
                """
            ).first
        else { throw StoreError.notFound("user") }
        return SignedIn(secret: secret, session: try Self.session(row))
    }

    private static func session(_ row: PostgresRow) throws -> WebSession {
        let (user, pole, role, member, name, csrf) = try row.decode((UserID, PoleID, User.Role, MemberID?, String, String).self)
        let zoneName = try row.decode(String.self, at: 7)
        guard let zone = PoleTimeZone(identifier: zoneName) else { throw StoreError.invalid("timeZone", "unknown time zone \(zoneName)") }
        return WebSession(
            principal: Principal(userID: user, poleID: pole, role: role, memberID: member), userName: name,
            poleName: try row.decode(String.self, at: 6), timeZone: zone, csrfToken: csrf)
    }
}
