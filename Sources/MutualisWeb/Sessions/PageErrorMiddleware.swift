import Hummingbird
import Logging
import MutualisStore

/// Turns what a page's handler throws into a page a person can read, rather than the API's
/// problem+json: the database away or busy is said as such, anything else as a fault of ours.
struct PageErrorMiddleware<Context: WebRequestContext>: RouterMiddleware {
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own answers (an unknown path, a body over the form limit) keep their status.
            throw error
        } catch {
            let unavailable: Bool =
                switch error as? StoreError {
                case .unavailable, .busy, .timedOut: true
                default: false
                }
            if !unavailable { context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))"]) }
            let page = ErrorPage(
                frame: frame(context, unavailable ? "Service indisponible" : "Erreur"),
                heading: unavailable ? "Service momentanément indisponible" : "Une erreur est survenue",
                message: unavailable
                    ? "Mutualis ne joint pas sa base de données pour l’instant. Rien n’a été modifié ; réessayez dans une minute."
                    : "La page n’a pas pu être préparée. Rien n’a été modifié ; si cela se reproduit, prévenez la coordination du pôle.")
            var response = renderer.page(.erreur, page, status: unavailable ? .serviceUnavailable : .internalServerError)
            if unavailable { response.headers[.retryAfter] = "5" }
            return response
        }
    }
}
