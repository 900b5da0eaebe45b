import Foundation
import MutualisDomain
import PostgresClient

/// People who sign in: coordinators and member users.
public struct UserStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Adds a user to a pole; a member user names its member, a coordinator none.
    public func create(pole: PoleID, email: String, name: String, role: User.Role, memberID: MemberID?, actor: Actor) async throws -> User {
        var errors: [FieldError] = []
        // Addresses are compared without case: one person, one account.
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(where: \.isWhitespace) || email.count > 320 {
            errors.append(FieldError(field: "email", message: "is not an email address"))
        }
        if let problem = TextInput.lineProblem(email, field: "email", maxLength: 320) { errors.append(problem) }
        if let problem = TextInput.lineProblem(name, field: "name") { errors.append(problem) }
        if role == .member && memberID == nil { errors.append(FieldError(field: "memberId", message: "a member user needs its member")) }
        if role == .coordinator && memberID != nil {
            errors.append(FieldError(field: "memberId", message: "a coordinator acts for the whole pole, not one member"))
        }
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            let id: UserID
            do {
                id = try connection.withSavepoint {
                    try connection.query(
                        """
                        INSERT INTO users (pole_id, email, name, role, member_id)
                        VALUES (\(pole), \(email), \(name), \(role)::user_role, \(memberID)) RETURNING id
                        """
                    ).first!.decode(UserID.self, at: 0)
                }
            } catch let error as PostgresError where error.isUniqueViolation {
                // An address is unique on the whole platform, since people sign in with it;
                // a coordinator learns of its own pole's users only.
                let here = try connection.query(
                    "SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(\(email)) AND pole_id = \(pole))"
                ).first!.decode(Bool.self, at: 0)
                throw StoreError.conflict(
                    here
                        ? "this pole already has a user with this email address"
                        : "this email address cannot be given to a new user; the platform's administrator can help",
                    field: "email"
                )
            } catch let error as PostgresError where error.sqlState == .foreignKeyViolation {
                throw error.constraint == "users_pole_id_fkey"
                    ? StoreError.notFound("pole") : StoreError.invalid("memberId", "no such member in this pole")
            }
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "create", entity: "user", entityID: id.uuid, to: role.rawValue)
            return User(id: id, poleID: pole, email: email, name: name, role: role, memberID: memberID)
        }
    }

    /// Disables a user: its tokens stop working at once; history keeps its name.
    public func disable(_ id: UserID, actor: Actor) async throws {
        try await database.withTransaction { connection in
            guard
                let pole = try connection.query(
                    "UPDATE users SET disabled_at = coalesce(disabled_at, now()) WHERE id = \(id) RETURNING pole_id"
                ).first?.decode(PoleID.self, at: 0)
            else { throw StoreError.notFound("user") }
            try connection.execute("DELETE FROM web_sessions WHERE user_id = \(id)")
            try AuditLog.record(connection, pole: pole, actor: actor, action: "disable", entity: "user", entityID: id.uuid)
        }
    }

    /// The user with an email (any pole), if any.
    public func find(email: String) async throws -> User? {
        try await database.withConnection { connection in
            try connection.query(
                "SELECT \(sql: Self.columns) FROM users WHERE lower(email) = lower(\(email.lowercased()))"
            ).first.map(Self.user)
        }
    }

    /// One user of a pole.
    public func get(pole: PoleID, _ id: UserID) async throws -> User {
        try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    "SELECT \(sql: Self.columns) FROM users WHERE pole_id = \(pole) AND id = \(id)"
                ).first
            else { throw StoreError.notFound("user") }
            return try Self.user(row)
        }
    }

    /// The pole's users, by email.
    public func list(pole: PoleID) async throws -> [User] {
        try await database.withConnection { connection in
            try connection.query(
                "SELECT \(sql: Self.columns) FROM users WHERE pole_id = \(pole) ORDER BY lower(email)"
            ).rows.map(Self.user)
        }
    }

    static let columns: StaticString = "id, pole_id, email, name, role, member_id, disabled_at IS NOT NULL"

    static func user(_ row: PostgresRow) throws -> User {
        let (id, pole, email, name, role, member, disabled) = try row.decode(
            (UserID, PoleID, String, String, User.Role, MemberID?, Bool).self)
        return User(id: id, poleID: pole, email: email, name: name, role: role, memberID: member, isDisabled: disabled)
    }
}
