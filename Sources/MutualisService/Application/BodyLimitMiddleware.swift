import Hummingbird

/// Refuses bodies over a limit with 413 before anything reads them; a body sent without a
/// length stops being read at the limit, with the same answer.
public struct BodyLimitMiddleware: RouterMiddleware {
    /// One megabyte: a thousand members' CSV fits, and no JSON request comes near it.
    public static let defaultLimit = 1 << 20

    let limit: Int

    public func handle(
        _ request: Request, context: MutualisRequestContext, next: (Request, MutualisRequestContext) async throws -> Response
    ) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Problem(status: .contentTooLarge, detail: "the body is over \(limit) bytes")
        }
        var context = context
        context.maxUploadSize = limit
        return try await next(request, context)
    }
}
