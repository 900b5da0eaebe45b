import Hummingbird
import MutualisStore

/// Reads `Authorization: Bearer TOKEN` and sets the caller; without a valid token, 401.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = MutualisRequestContext
    let tokens: TokenStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let principal = try await tokens.authenticate(String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces))
        else { throw Problem.unauthorized() }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "user"] = "\(principal.userID)"
        return try await next(request, context)
    }
}
