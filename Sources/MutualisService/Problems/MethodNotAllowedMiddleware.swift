import Hummingbird

/// Answers 405 with `Allow` when a path is routed for other methods than the request's.
///
/// Added after every route, it wraps only the router's not-found responder: a request that
/// reaches it matched no route with its method.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    private let routes: [(segments: [Substring], methods: [HTTPRequest.Method])]

    /// The routes of `router`, as they stand when the middleware is made.
    init(routes: [Router<Context>.RouteDescription]) {
        let byPath = Dictionary(grouping: routes, by: { $0.path.description })
        self.routes = byPath.map { path, routes in
            (path.split(separator: "/"), routes.map(\.method).sorted { $0.rawValue < $1.rawValue })
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = methods(for: request.uri.path)
            guard !allowed.isEmpty else { throw error }
            var problem = Problem(
                status: .methodNotAllowed,
                detail: "\(request.method.rawValue) is not allowed here; use \(allowed.map(\.rawValue).joined(separator: " or "))"
            )
            problem.allow = allowed.map(\.rawValue).joined(separator: ", ")
            throw problem
        }
    }

    /// The methods routed for a concrete path; parameter segments (`{name}`, `:name`) match any one segment.
    private func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        return routes.first { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { pattern, segment in
                    pattern.hasPrefix("{") || pattern.hasPrefix(":") || pattern == segment
                }
        }?.methods ?? []
    }
}
