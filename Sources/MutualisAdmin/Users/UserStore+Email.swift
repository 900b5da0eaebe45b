import MutualisDomain
import MutualisStore

extension UserStore {
    /// The user with an email, or a refusal naming the email.
    func existing(email: String) async throws -> User {
        guard let user = try await find(email: email) else { throw AdminError.refused("no user has the email \(email)") }
        return user
    }
}
