import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The signed-in person's account: the password, and the calendar feed links.
struct AccountPage: Sendable {
    var frame: Frame
    var csrf: String
    var email: String
    var hasErrors: Bool
    var currentError: String?
    var passwordError: String?
    var confirmationError: String?
    /// Calendar keys that work now.
    var liveKeys: String
    /// Feed links, shown once, right after a key is made.
    var feeds: [Feed]
    var hasFeeds: Bool
    var canRevoke: Bool

    struct Feed: Sendable {
        var label: String
        var url: String
    }
}

struct PasswordForm: TokenCarrying {
    var csrf: String?
    var current: String?
    var password: String?
    var confirmation: String?
}

extension Website {
    func addAccountRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/compte") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let status: String? =
                switch request.uri.queryParameters.get("fait") {
                case "mot-de-passe": "Votre mot de passe est changé ; vos autres sessions sont fermées."
                case "calendrier-revoque": "Les liens de calendrier ne fonctionnent plus."
                default: nil
                }
            return renderer.page(.compte, try await accountPage(session, context, status: status))
        }
        router.post("/compte/mot-de-passe") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let form = try await Forms.signed(PasswordForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            let password = form.password ?? ""
            var page = try await accountPage(session, context, status: nil)
            if let refusal = PasswordPolicy.refusal(of: password, confirmation: form.confirmation ?? "") {
                (page.passwordError, page.confirmationError) = Sentences.passwordErrors(refusal)
            } else if let signedIn = try await accounts.changePassword(
                of: session.principal.userID, current: String((form.current ?? "").prefix(200)), new: password)
            {
                var response = Response.redirect(to: "/compte?fait=mot-de-passe")
                response.setCookie(sessionCookie(signedIn.secret))
                return response
            } else {
                page.currentError = "Ce n’est pas votre mot de passe actuel."
            }
            page.hasErrors = true
            page.frame.title = "Erreur – Mon compte"
            return renderer.page(.compte, page, status: .unprocessableContent)
        }
        router.post("/compte/calendrier") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            let key = try await tokens.issue(
                for: session.principal.userID, scope: .calendar, label: "pages", actor: session.principal.actor)
            var page = try await accountPage(
                session, context, status: "Voici vos liens de calendrier : copiez-les maintenant, ils ne seront plus affichés.")
            page.feeds = try await feeds(session, key: key)
            page.hasFeeds = !page.feeds.isEmpty
            return renderer.page(.compte, page)
        }
        router.post("/compte/calendrier/revoquer") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            try await tokens.revokeAll(of: session.principal.userID, scope: .calendar, actor: session.principal.actor)
            return .redirect(to: "/compte?fait=calendrier-revoque")
        }
    }

    private func accountPage(_ session: WebSession, _ context: some WebRequestContext, status: String?) async throws -> AccountPage {
        let live = try await tokens.list(of: session.principal.userID).filter { $0.scope == "calendar" && $0.revokedAt == nil }.count
        let email = try await users.get(pole: session.principal.poleID, session.principal.userID).email
        return AccountPage(
            frame: frame(context, "Mon compte", section: "/compte", status: status), csrf: session.csrfToken, email: email,
            hasErrors: false, liveKeys: FrenchFormat.count(live, "lien de calendrier actif", "liens de calendrier actifs"),
            feeds: [], hasFeeds: false, canRevoke: live > 0)
    }

    /// The feeds a calendar key opens: the organisation's bookings, and each resource's.
    private func feeds(_ session: WebSession, key: String) async throws -> [AccountPage.Feed] {
        let query = "calendar.ics?key=\(key)"
        var feeds: [AccountPage.Feed] = []
        if let member = session.principal.memberID {
            feeds.append(.init(label: "Les réservations de votre organisation", url: "\(publicURL)/api/v1/members/\(member)/\(query)"))
        }
        for resource in try await resources.all(pole: session.principal.poleID).sorted(by: { $0.name < $1.name }) {
            feeds.append(.init(label: resource.name, url: "\(publicURL)/api/v1/resources/\(resource.id)/\(query)"))
        }
        return feeds
    }
}
