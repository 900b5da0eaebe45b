import Foundation
import MutualisDomain
import PostgresClient

/// Web accounts: invitations to choose a password, passwords, and the sessions of the pages.
public struct AccountStore: Sendable {
    /// How long an invitation link may be used.
    public static let invitationLifetime: TimeInterval = 7 * 86_400

    let database: MutualisDatabase
    let hasher: PasswordHasher
    let limits: SessionLimits

    /// Accounts in the database; `hasher` and `limits` are the standard ones but in tests.
    public init(database: MutualisDatabase, hasher: PasswordHasher = .standard, limits: SessionLimits = SessionLimits()) {
        self.database = database
        self.hasher = hasher
        self.limits = limits
    }

    /// A person invited to choose a password.
    public struct Invitee: Sendable, Equatable {
        public var userID: UserID
        public var email: String
        public var name: String
    }

    /// Makes an invitation for an enabled user and returns its secret, for the link; only its
    /// hash is kept, and the user's earlier invitations stop working.
    public func invite(_ user: UserID, actor: Actor) async throws -> String {
        let secret = Secret.generate(prefix: "inv_")
        try await database.withTransaction { connection in
            guard
                let pole = try connection.query(
                    "SELECT pole_id FROM users WHERE id = \(user) AND disabled_at IS NULL FOR UPDATE"
                ).first?.decode(PoleID.self, at: 0)
            else { throw StoreError.notFound("user") }
            try connection.execute("UPDATE invitations SET used_at = now() WHERE user_id = \(user) AND used_at IS NULL")
            try connection.execute(
                """
                INSERT INTO invitations (token_hash, user_id, expires_at)
                VALUES (\(Secret.hash(secret)), \(user), now() + make_interval(secs => \(Self.invitationLifetime)))
                """
            )
            try AuditLog.record(connection, pole: pole, actor: actor, action: "invite", entity: "user", entityID: user.uuid)
        }
        return secret
    }

    /// Who an invitation is for, while it may be used.
    public func invitee(_ secret: String) async throws -> Invitee? {
        guard Secret.isWellFormed(secret, prefix: "inv_") else { return nil }
        return try await database.withConnection { connection in
            try connection.query(
                """
                SELECT u.id, u.email, u.name FROM invitations i JOIN users u ON u.id = i.user_id
                WHERE i.token_hash = \(Secret.hash(secret)) AND i.used_at IS NULL AND i.expires_at > now() AND u.disabled_at IS NULL
                """
            ).first.map { row in
                let (id, email, name) = try row.decode((UserID, String, String).self)
                return Invitee(userID: id, email: email, name: name)
            }
        }
    }

    /// Sets the password an invitation asked for and opens a session; nil when the invitation
    /// is unknown, expired or already used — by this request's twin as well: the invitation
    /// is spent by a conditional write, so two submissions cannot both use it.
    public func accept(_ secret: String, password: String) async throws -> SignedIn? {
        guard Secret.isWellFormed(secret, prefix: "inv_") else { return nil }
        let hash = try await hasher.hash(password)
        return try await database.withTransaction { connection in
            guard
                let user = try connection.query(
                    """
                    UPDATE invitations i SET used_at = now() FROM users u
                    WHERE i.token_hash = \(Secret.hash(secret)) AND i.used_at IS NULL AND i.expires_at > now()
                      AND u.id = i.user_id AND u.disabled_at IS NULL
                    RETURNING i.user_id
                    """
                ).first?.decode(UserID.self, at: 0)
            else { return nil }
            try Self.setPassword(hash, of: user, connection)
            try AuditLog.record(connection, pole: nil, actor: .user(user), action: "accept-invitation", entity: "user", entityID: user.uuid)
            return try openSession(for: user, connection)
        }
    }

    /// Changes the password of a signed-in user who gives the current one; every session of
    /// the user ends, and a new one is opened for the browser that asked. Nil when the
    /// current password is wrong.
    public func changePassword(of user: UserID, current: String, new password: String) async throws -> SignedIn? {
        let stored = try await database.withConnection { connection in
            try connection.query("SELECT password_hash FROM users WHERE id = \(user) AND disabled_at IS NULL").first?.decode(
                String?.self, at: 0)
        }
        guard let stored, try await PasswordHasher.verify(current, against: stored) else { return nil }
        let hash = try await hasher.hash(password)
        return try await database.withTransaction { connection in
            try Self.setPassword(hash, of: user, connection)
            try AuditLog.record(connection, pole: nil, actor: .user(user), action: "change-password", entity: "user", entityID: user.uuid)
            return try openSession(for: user, connection)
        }
    }

    /// Sets a user's password without an invitation: for the demonstration pole, whose people
    /// sign in with a password the README gives. Every session of the user ends.
    public func setPassword(of user: UserID, to password: String, actor: Actor) async throws {
        let hash = try await hasher.hash(password)
        try await database.withTransaction { connection in
            try Self.setPassword(hash, of: user, connection)
            try AuditLog.record(connection, pole: nil, actor: actor, action: "set-password", entity: "user", entityID: user.uuid)
        }
    }

    /// A new password ends every session of the user: whoever knew the old one is out.
    static func setPassword(_ hash: String, of user: UserID, _ connection: PostgresConnection) throws {
        try connection.execute("UPDATE users SET password_hash = \(hash), password_changed_at = now() WHERE id = \(user)")
        try connection.execute("DELETE FROM web_sessions WHERE user_id = \(user)")
    }
}
