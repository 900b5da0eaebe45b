import Hummingbird
import MutualisRepresentations

/// Refuses a POST that another site's page sends, before any form is read: by the browser's
/// own `Sec-Fetch-Site`, and by an `Origin` that is neither the public address nor the host
/// the request was sent to. The forms' CSRF tokens then cover browsers that send neither.
struct CrossSiteGuard<Context: WebRequestContext>: RouterMiddleware {
    let publicURL: PublicURL
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if request.headers[.secFetchSite] == "cross-site" { return Refusal.crossSite.page(renderer, context) }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard origin == publicURL.description || origin == "http://\(host)" || origin == "https://\(host)" else {
                return Refusal.crossSite.page(renderer, context)
            }
        }
        return try await next(request, context)
    }
}

/// A form sent without the token of the page it came from, or from another site.
enum Refusal {
    case crossSite
    case expiredForm

    func page(_ renderer: PageRenderer, _ context: some WebRequestContext) -> Response {
        let message =
            switch self {
            case .crossSite: "Cette demande venait d’un autre site ; elle a été refusée. Rien n’a été modifié."
            case .expiredForm: "Ce formulaire a expiré ; rien n’a été modifié. Rechargez la page et recommencez."
            }
        return renderer.page(
            .erreur, ErrorPage(frame: frame(context, "Demande refusée"), heading: "Demande refusée", message: message), status: .forbidden)
    }
}

/// Whether two tokens are equal, in a time that does not depend on where they differ.
func tokensMatch(_ given: String, _ expected: String) -> Bool {
    let given = Array(given.utf8)
    let expected = Array(expected.utf8)
    guard given.count == expected.count, !expected.isEmpty else { return false }
    return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
}
