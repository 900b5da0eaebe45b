import Hummingbird
import MutualisStore

/// Reads `Authorization: Bearer TOKEN` and sets the caller; without a valid token, 401.
/// Calendar feeds also accept `?key=CALENDAR_KEY`, since calendar apps send no header.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = MutualisRequestContext
    let tokens: TokenStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let principal = try await authenticate(request) else { throw Problem.unauthorized() }
        var context = context
        context.principal = principal
        context.logger[metadataKey: "user"] = "\(principal.userID)"
        return try await next(request, context)
    }

    private func authenticate(_ request: Request) async throws -> Principal? {
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer ") else { return nil }
            return try await tokens.authenticate(String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces))
        }
        if request.uri.path.hasSuffix("/calendar.ics"), let key = request.uri.queryParameters.get("key") {
            return try await tokens.authenticate(key, scope: .calendar)
        }
        return nil
    }
}
