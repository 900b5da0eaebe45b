import Hummingbird
import MutualisStore

/// Keeps the coordination's pages to coordinators: a visitor is sent to sign in, a member's
/// user is told the page is not theirs (403), before any handler reads anything.
struct CoordinatorGuard<Context: WebRequestContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = context.webSession else { return signInRedirect(request) }
        guard session.principal.isCoordinator else {
            return renderer.page(
                .erreur,
                ErrorPage(
                    frame: frame(context, "Accès réservé"), heading: "Accès réservé à la coordination",
                    message: "Cette page sert à la coordination du pôle. Vos réservations et vos relevés sont dans le menu."),
                status: .forbidden)
        }
        return try await next(request, context)
    }
}
