import Foundation
import MutualisDomain
import PostgresClient

/// Who did something: a signed-in user, or the admin CLI.
public struct Actor: Sendable, Equatable {
    /// The user, when a user acted.
    public var userID: UserID?
    /// `user`, `admin-cli` or `system`.
    public var name: String

    /// A signed-in user.
    public static func user(_ id: UserID) -> Actor { Actor(userID: id, name: "user") }
    /// The administrator, through `mutualis-admin`.
    public static let adminCLI = Actor(userID: nil, name: "admin-cli")

    public init(userID: UserID?, name: String) {
        self.userID = userID
        self.name = name
    }
}

/// Appends to the audit log, in the caller's transaction, so that a change and its record
/// are committed together or not at all.
enum AuditLog {
    static func record(
        _ connection: PostgresConnection, pole: PoleID?, actor: Actor, action: String, entity: String,
        entityID: UUID?, from: String? = nil, to: String? = nil, details: String = "{}"
    ) throws {
        try connection.execute(
            """
            INSERT INTO audit_log (pole_id, actor_user_id, actor, action, entity, entity_id, from_state, to_state, details)
            VALUES (\(pole), \(actor.userID), \(actor.name), \(action), \(entity), \(entityID), \(from), \(to), \(details)::jsonb)
            """
        )
    }
}
