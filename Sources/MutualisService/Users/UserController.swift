import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/users`: the pole's coordinators and member users, and their tokens.
struct UserController {
    let users: UserStore
    let tokens: TokenStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("users", use: create)
        group.get("users", use: list)
        group.post("users/:userId/tokens", use: issueToken)
        group.delete("users/:userId/tokens", use: revokeTokens)
    }

    struct UserBody: Decodable {
        var email: String
        var name: String
        var role: String
        var memberId: String?
    }

    struct TokenBody: Decodable {
        var scope: String?
        var label: String?
    }

    struct TokenJSON: ResponseEncodable, Sendable {
        var token: String
        var scope: String
    }

    struct RevokedJSON: ResponseEncodable, Sendable {
        var revoked: Int
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<UserRepresentation> {
        let caller = try context.coordinator()
        let body = try await request.json(UserBody.self, context: context)
        guard let role = User.Role(rawValue: body.role) else {
            throw Problem.invalid([FieldError(field: "role", message: "must be coordinator or member")])
        }
        var member: MemberID?
        if let text = body.memberId {
            guard let id = MemberID(text) else {
                throw Problem.invalid([FieldError(field: "memberId", message: "no such member in this pole")])
            }
            member = id
        }
        let user = try await users.create(
            pole: caller.poleID, email: body.email, name: body.name, role: role, memberID: member, actor: caller.actor)
        return EditedResponse(status: .created, response: UserRepresentation(user))
    }

    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<UserRepresentation> {
        let caller = try context.coordinator()
        return ListResponse(items: try await users.list(pole: caller.poleID).map(UserRepresentation.init), next: nil)
    }

    /// A new token for a user of the caller's pole; `{"scope": "calendar"}` makes a feed key.
    @Sendable func issueToken(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<TokenJSON> {
        let caller = try context.coordinator()
        let user = try await users.get(pole: caller.poleID, try context.id("userId", as: UserID.self, what: "user"))
        let raw = try await request.body.collect(upTo: context.maxUploadSize)
        let body = raw.readableBytes == 0 ? TokenBody() : try Request.decodeJSON(TokenBody.self, from: Data(buffer: raw))
        guard let scope = TokenStore.Scope(rawValue: body.scope ?? "api") else {
            throw Problem.invalid([FieldError(field: "scope", message: "must be api or calendar")])
        }
        let token = try await tokens.issue(for: user.id, scope: scope, label: body.label, actor: caller.actor)
        return EditedResponse(status: .created, response: TokenJSON(token: token, scope: scope.rawValue))
    }

    /// Revokes a user's live tokens, all or those of `?scope=`; every server hears of it at once.
    @Sendable func revokeTokens(_ request: Request, context: MutualisRequestContext) async throws -> RevokedJSON {
        let caller = try context.coordinator()
        let user = try await users.get(pole: caller.poleID, try context.id("userId", as: UserID.self, what: "user"))
        let scope = try request.query("scope", "api or calendar") { TokenStore.Scope(rawValue: $0) }
        return RevokedJSON(revoked: try await tokens.revokeAll(of: user.id, scope: scope, actor: caller.actor))
    }
}

extension UserRepresentation: ResponseEncodable {}
