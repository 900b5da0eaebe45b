import Hummingbird
import MutualisStore

/// What the pages need of a request's context: the session its cookie opened.
public protocol WebRequestContext: RequestContext {
    /// The signed-in session, once ``SessionMiddleware`` found one.
    var webSession: WebSession? { get set }
    /// The address the request came from, for throttling sign-ins.
    var clientAddress: String { get }
}
