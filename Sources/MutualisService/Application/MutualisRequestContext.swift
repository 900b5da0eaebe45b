import Foundation
import Hummingbird
import MutualisStore
import MutualisWeb

/// What a request carries between middleware and handlers: who is calling.
public struct MutualisRequestContext: RequestContext, WebRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller, once the bearer token (or calendar key) was checked.
    public var principal: Principal?
    /// The signed-in session of a page's request.
    public var webSession: WebSession?
    /// The address the request came from.
    public let clientAddress: String
    /// The largest body read, in bytes; ``BodyLimitMiddleware`` sets the server's.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        principal = nil
        webSession = nil
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
        maxUploadSize = BodyLimitMiddleware.defaultLimit
    }

    /// JSON in, with instants in RFC 3339 with any offset, unknown fields refused.
    public var requestDecoder: StrictRequestDecoder { StrictRequestDecoder() }

    /// JSON out, instants in RFC 3339 (UTC).
    public var responseEncoder: JSONEncoder { APICoding.encoder }

    /// The caller; 401 if the request was not authenticated.
    func caller() throws -> Principal {
        guard let principal else { throw Problem.unauthorized() }
        return principal
    }

    /// The caller, who must be a coordinator; 403 otherwise.
    func coordinator() throws -> Principal {
        let principal = try caller()
        guard principal.isCoordinator else { throw Problem(status: .forbidden, detail: "only a coordinator of the pole may do this") }
        return principal
    }
}
