import Hummingbird
import MutualisStore

/// The cookie that holds a session's secret.
let sessionCookieName = "mutualis_session"

/// Finds the session of the request's cookie, and marks every page with the headers that keep
/// it to our own origin: a strict Content-Security-Policy (our stylesheet, no script, forms
/// posting only here, never framed), no sniffing, no referrer to other sites, no caching of
/// what a member's staff see.
struct SessionMiddleware<Context: WebRequestContext>: RouterMiddleware {
    let accounts: AccountStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let secret = request.cookies[sessionCookieName]?.value {
            context.webSession = try await accounts.session(secret)
        }
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
