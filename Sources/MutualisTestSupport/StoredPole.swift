import MutualisDomain
import MutualisStore
import PostgresClient

/// A pole in Europe/Paris and its member associations, all members since 1 January 2026,
/// made through the stores as the admin CLI would.
public struct StoredPole: Sendable {
    public var id: PoleID
    public var members: [MemberID]

    /// Makes the pole "Pôle Sud" with members of these names.
    public static func make(_ pool: PostgresConnectionPool, members names: [String]) async throws -> StoredPole {
        let pole = try await PoleStore(database: MutualisDatabase(pool: pool)).create(
            name: "Pôle Sud", timeZone: "Europe/Paris", currency: "EUR", actor: .adminCLI)
        let store = MemberStore(database: MutualisDatabase(pool: pool))
        var members: [MemberID] = []
        for name in names {
            let input = MemberInput(name: name, legalForm: .association, joinedOn: LocalDate("2026-01-01"))
            members.append(try await store.create(pole: pole.id, input, actor: .adminCLI).id)
        }
        return StoredPole(id: pole.id, members: members)
    }
}
