import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The sign-in form.
struct SignInPage: Sendable {
    var frame: Frame
    var csrf: String
    var next: String
    var email: String
    var error: String?
}

/// The form on which an invited person chooses a password.
struct InvitationPage: Sendable {
    struct Invitee: Sendable {
        var name: String
        var email: String
    }

    var frame: Frame
    var invitee: Invitee?
    var action: String
    var csrf: String
    var passwordError: String?
    var confirmationError: String?
}

struct SignInForm: TokenCarrying {
    var csrf: String?
    var email: String?
    var password: String?
    var suite: String?
}

struct InvitationForm: TokenCarrying {
    var csrf: String?
    var password: String?
    var confirmation: String?
}

/// The token of the forms shown before sign-in, kept in a cookie of its own (SameSite=Strict)
/// and in a hidden field: a page of another site can send neither.
let formTokenCookie = "mutualis_form"

extension Website {
    func addSignInRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/connexion") { request, context -> Response in
            if context.webSession != nil { return .redirect(to: "/") }
            let next = localPath(request.uri.queryParameters.get("suite")) ?? "/"
            return withFormToken(request) { token in
                renderer.page(.connexion, SignInPage(frame: frame(context, "Connexion"), csrf: token, next: next, email: "", error: nil))
            }
        }
        router.post("/connexion") { request, context -> Response in
            guard let form = try await Forms.beforeSignIn(SignInForm.self, from: request), let token = form.csrf else {
                return Refusal.expiredForm.page(renderer, context)
            }
            let email = Forms.line(form.email, limit: 320)
            let next = localPath(form.suite) ?? "/"
            let refuse = { (message: String, status: HTTPResponse.Status) in
                renderer.page(
                    .connexion,
                    SignInPage(frame: frame(context, "Connexion"), csrf: token, next: next, email: email, error: message), status: status)
            }
            switch try await accounts.signIn(
                email: email, password: String((form.password ?? "").prefix(200)), address: context.clientAddress)
            {
            case .signedIn(let signedIn):
                var response = Response.redirect(to: next)
                response.setCookie(sessionCookie(signedIn.secret))
                return response
            case .refused:
                return refuse("Adresse électronique ou mot de passe incorrect.", .unprocessableContent)
            case .throttled:
                return refuse(
                    "Trop de tentatives : la connexion est suspendue pendant quelques minutes. Réessayez plus tard.", .tooManyRequests)
            }
        }
        router.post("/deconnexion") { request, context -> Response in
            if let session = context.webSession {
                guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil else {
                    return Refusal.expiredForm.page(renderer, context)
                }
                if let secret = request.cookies[sessionCookieName]?.value { try await accounts.signOut(secret) }
            }
            var response = Response.redirect(to: "/connexion")
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
        router.get("/invitation/:token") { request, context -> Response in
            let secret = context.parameters.get("token") ?? ""
            let invitee = try await accounts.invitee(secret)
            return withFormToken(request) { token in
                renderer.page(
                    .invitation, invitationPage(context, secret: secret, invitee: invitee, token: token),
                    status: invitee == nil ? .notFound : .ok)
            }
        }
        router.post("/invitation/:token") { request, context -> Response in
            let secret = context.parameters.get("token") ?? ""
            guard let form = try await Forms.beforeSignIn(InvitationForm.self, from: request), let token = form.csrf else {
                return Refusal.expiredForm.page(renderer, context)
            }
            guard let invitee = try await accounts.invitee(secret) else {
                return renderer.page(.invitation, invitationPage(context, secret: secret, invitee: nil, token: token), status: .notFound)
            }
            let password = form.password ?? ""
            if let refusal = PasswordPolicy.refusal(of: password, confirmation: form.confirmation ?? "") {
                var page = invitationPage(context, secret: secret, invitee: invitee, token: token)
                (page.passwordError, page.confirmationError) = Sentences.passwordErrors(refusal)
                return renderer.page(.invitation, page, status: .unprocessableContent)
            }
            guard let signedIn = try await accounts.accept(secret, password: password) else {
                return renderer.page(.invitation, invitationPage(context, secret: secret, invitee: nil, token: token), status: .notFound)
            }
            var response = Response.redirect(to: "/")
            response.setCookie(sessionCookie(signedIn.secret))
            return response
        }
    }

    private func invitationPage(_ context: some WebRequestContext, secret: String, invitee: AccountStore.Invitee?, token: String)
        -> InvitationPage
    {
        InvitationPage(
            frame: frame(context, "Choisir votre mot de passe"), invitee: invitee.map { .init(name: $0.name, email: $0.email) },
            // Only a live invitation shows its form, so the secret in the action is a well-formed one.
            action: invitee == nil ? "/connexion" : "/invitation/\(secret)", csrf: token)
    }

    /// The session cookie: unreadable by scripts, sent on top-level navigations from other
    /// sites (so that a link to a page works) but not on their POSTs, secure over HTTPS.
    func sessionCookie(_ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: sessionCookieName, value: value, maxAge: maxAge, path: "/",
            secure: publicURL.isSecure, httpOnly: true, sameSite: .lax)
    }

    /// Renders a form shown before sign-in with its token, setting the token's cookie when the
    /// browser has none yet.
    func withFormToken(_ request: Request, _ render: (String) -> Response) -> Response {
        if let token = request.cookies[formTokenCookie]?.value, token.count == 64, token.allSatisfy(\.isHexDigit) {
            return render(token)
        }
        var generator = SystemRandomNumberGenerator()
        let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        var response = render(token)
        response.setCookie(
            Cookie(name: formTokenCookie, value: token, path: "/", secure: publicURL.isSecure, httpOnly: true, sameSite: .strict))
        return response
    }
}

/// Where a visitor without a session is sent: the sign-in page, back to `request` afterwards.
func signInRedirect(_ request: Request) -> Response {
    let path = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
    let next = localPath(path).flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) } ?? "%2F"
    return .redirect(to: "/connexion?suite=\(next)")
}

/// A path of this site to go to after sign-in: anything else (another host, `//host`, a
/// scheme, a backslash some browsers read as a slash) is dropped.
func localPath(_ text: String?) -> String? {
    guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"), text.count <= 500,
        text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
    else { return nil }
    return text
}
