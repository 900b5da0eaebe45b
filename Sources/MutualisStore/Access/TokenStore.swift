import Foundation
import MutualisDomain
import PostgresClient

/// API tokens: 256 random bits shown once, stored only as their SHA-256.
public struct TokenStore: Sendable {
    /// What a token is for.
    public enum Scope: String, Sendable {
        /// The `Authorization: Bearer` header of the API.
        case api
        /// The `?key=` of calendar feed URLs, which calendar apps fetch without headers.
        case calendar
    }

    /// The channel on which the database announces changes to tokens and users (migration
    /// 0005): a server that hears it may cache callers in a ``PrincipalCache``.
    public static let changesChannel = "mutualis_access_changed"

    let database: MutualisDatabase
    let cache: PrincipalCache?

    /// Tokens in the database; `cache`, when given, spares a query per request for callers
    /// seen lately, and must be told of changes on ``changesChannel``.
    public init(database: MutualisDatabase, cache: PrincipalCache? = nil) {
        self.database = database
        self.cache = cache
    }

    /// Issues a token for a user and returns it; only its hash is kept.
    public func issue(for user: UserID, scope: Scope = .api, label: String? = nil, actor: Actor) async throws -> String {
        let token = Secret.generate(prefix: "mut_")
        let hash = Secret.hash(token)
        if let label, let problem = TextInput.lineProblem(label, field: "label", required: false) { throw StoreError.invalid([problem]) }
        try await database.withTransaction { connection in
            guard
                let pole = try connection.query(
                    "SELECT pole_id FROM users WHERE id = \(user) AND disabled_at IS NULL"
                ).first?.decode(PoleID.self, at: 0)
            else { throw StoreError.notFound("user") }
            let id = try connection.query(
                "INSERT INTO api_tokens (user_id, token_hash, scope, label) VALUES (\(user), \(hash), \(scope.rawValue), \(label)) RETURNING id"
            ).first!.decode(UUID.self, at: 0)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "issue", entity: "token", entityID: id, to: scope.rawValue)
        }
        return token
    }

    /// The caller a token stands for, if it is a live token of an enabled user; records its use
    /// (at most once a minute, to spare the database a write per request; with a cache, when
    /// the caller is read from the database, at most once per cache lifetime).
    public func authenticate(_ token: String, scope: Scope = .api) async throws -> Principal? {
        guard token.hasPrefix("mut_"), token.count < 100 else { return nil }
        let hash = Secret.hash(token)
        if let principal = cache?.principal(for: hash, scope: scope) { return principal }
        let generation = cache?.generation
        let principal: Principal? = try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    WITH found AS (
                        SELECT t.id AS token_id, u.id, u.pole_id, u.role, u.member_id, t.last_used_at
                        FROM api_tokens t JOIN users u ON u.id = t.user_id
                        WHERE t.token_hash = \(hash) AND t.scope = \(scope.rawValue)
                          AND t.revoked_at IS NULL AND u.disabled_at IS NULL
                    ), touched AS (
                        UPDATE api_tokens SET last_used_at = now()
                        WHERE id IN (SELECT token_id FROM found WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
                    )
                    SELECT id, pole_id, role, member_id FROM found
                    """
                ).first
            else { return nil }
            let (user, pole, role, member) = try row.decode((UserID, PoleID, User.Role, MemberID?).self)
            return Principal(userID: user, poleID: pole, role: role, memberID: member)
        }
        if let principal, let cache, let generation {
            cache.remember(principal, for: hash, scope: scope, since: generation)
        }
        return principal
    }

    /// What is known of a token, never the token itself.
    public struct Summary: Sendable, Encodable {
        public var id: String
        public var scope: String
        public var label: String?
        public var createdAt: Date
        public var lastUsedAt: Date?
        public var revokedAt: Date?
    }

    /// A user's tokens, newest first.
    public func list(of user: UserID) async throws -> [Summary] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT id, scope, label, created_at, last_used_at, revoked_at FROM api_tokens
                WHERE user_id = \(user) ORDER BY created_at DESC, id
                """
            ).rows.map { row in
                let (id, scope, label, created, used, revoked) = try row.decode((UUID, String, String?, Date, Date?, Date?).self)
                return Summary(
                    id: id.uuidString.lowercased(), scope: scope, label: label, createdAt: created, lastUsedAt: used, revokedAt: revoked)
            }
        }
    }

    /// Revokes every live token of a user, or those of one scope; returns how many.
    @discardableResult
    public func revokeAll(of user: UserID, scope: Scope? = nil, actor: Actor) async throws -> Int {
        try await database.withTransaction { connection in
            let count = try connection.execute(
                """
                UPDATE api_tokens SET revoked_at = now()
                WHERE user_id = \(user) AND revoked_at IS NULL AND (\(scope?.rawValue)::text IS NULL OR scope = \(scope?.rawValue))
                """
            )
            let pole = try connection.query("SELECT pole_id FROM users WHERE id = \(user)").first?.decode(PoleID.self, at: 0)
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "revoke", entity: "token", entityID: user.uuid,
                details: #"{"count": \#(count)}"#)
            return count
        }
    }
}
