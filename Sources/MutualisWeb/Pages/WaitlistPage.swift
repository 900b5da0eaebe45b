import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The organisation's notifications: waiting requests booked when units freed up.
struct NoticesPage: Sendable {
    struct Notice: Sendable {
        var text: String
        var when: String
        var unread: Bool
    }

    var frame: Frame
    var csrf: String
    var notices: [Notice]
    var hasUnread: Bool
}

/// A waiting request as the booking pages list it.
struct WaitingLine: Sendable {
    var id: String
    var resource: String
    var when: String
    var status: String
    var canLeave: Bool
}

extension Website {
    func addWaitlistRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        // The slot a booking page refused, put on its waitlist.
        router.post("/liste-attente") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let form = try await Forms.signed(BookingForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            let (input, errors) = bookingInput(session, form)
            guard let input, input.recurrence == nil else {
                return renderer.page(
                    .reserver, try await bookingPage(session, context, form, errors: errors), status: .unprocessableContent)
            }
            do {
                _ = try await waitlist.join(pole: session.principal.poleID, input, actor: session.principal.actor)
            } catch StoreError.conflict(let message, _) where message == WaitlistStore.slotIsFree {
                let free = FieldMessage(field: "start", message: "Ce créneau vient de se libérer : réservez-le.")
                return renderer.page(.reserver, try await bookingPage(session, context, form, errors: [free]), status: .conflict)
            } catch StoreError.conflict {
                let already = FieldMessage(field: "start", message: "Votre organisation attend déjà ce créneau.")
                return renderer.page(.reserver, try await bookingPage(session, context, form, errors: [already]), status: .conflict)
            } catch let error as StoreError {
                let messages = try await refusal(error, session: session, input: input)
                return renderer.page(
                    .reserver, try await bookingPage(session, context, form, errors: messages), status: .unprocessableContent)
            }
            return .redirect(to: "/mes-reservations?attente=1#liste-attente")
        }
        router.post("/liste-attente/:entryId/quitter") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let id = context.parameters.get("entryId").flatMap(WaitlistEntryID.init) else { return notFound(context) }
            let member = session.principal.isCoordinator ? nil : session.principal.memberID
            do {
                _ = try await waitlist.leave(id, pole: session.principal.poleID, member: member, actor: session.principal.actor)
            } catch StoreError.notFound {
                return notFound(context)
            } catch StoreError.conflict {
                return renderer.page(
                    .erreur,
                    ErrorPage(
                        frame: frame(context, "Liste d’attente"), heading: "Cette demande n’attend plus",
                        message: "Elle a été réservée, elle a expiré ou vous l’avez déjà retirée."),
                    status: .conflict)
            }
            return .redirect(to: "/mes-reservations?quittee=1#liste-attente")
        }
        router.get("/avis") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            var notices: [NoticesPage.Notice] = []
            if let member = session.principal.memberID {
                let names = try await resourceNames(session)
                notices = try await waitlist.notifications(pole: session.principal.poleID, member: member).map {
                    .init(
                        text: Self.notice($0, names: names, zone: session.timeZone),
                        when: FrenchFormat.moment($0.createdAt, in: session.timeZone), unread: $0.readAt == nil)
                }
            }
            let status = request.uri.queryParameters.get("lus") != nil ? "Les avis sont marqués comme lus." : nil
            return renderer.page(
                .avis,
                NoticesPage(
                    frame: frame(context, "Avis", status: status), csrf: session.csrfToken, notices: notices,
                    hasUnread: notices.contains { $0.unread }))
        }
        router.post("/avis/lus") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            if let member = session.principal.memberID {
                try await waitlist.markRead(pole: session.principal.poleID, member: member)
            }
            return .redirect(to: "/avis?lus=1")
        }
    }

    /// `Votre demande en liste d’attente est réservée : Camion, mercredi 10 mars 2027, 9:00–12:00.`
    static func notice(_ notification: MemberNotification, names: [ResourceID: String], zone: PoleTimeZone) -> String {
        guard let booking = notification.booking else { return "Une demande en liste d’attente a été réservée." }
        let state = booking.status == .pending ? " (en attente de l’accord de la coordination)" : ""
        return
            "Votre demande en liste d’attente est réservée\(state) : \(names[booking.resourceID] ?? "ressource"), \(FrenchFormat.span(booking.range, in: zone))."
    }

    static func waitingStatus(_ status: WaitlistEntry.Status) -> String {
        switch status {
        case .waiting: "en attente d’une place"
        case .booked: "réservée"
        case .left: "retirée"
        case .expired: "expirée : rien ne s’est libéré avant le début"
        }
    }

    /// The organisation's waiting requests of the last weeks, as the bookings page lists them.
    func waitingLines(_ session: WebSession, names: [ResourceID: String]) async throws -> [WaitingLine] {
        guard let member = session.principal.memberID else { return [] }
        return try await waitlist.list(pole: session.principal.poleID, member: member, limit: 50)
            .filter { $0.status == .waiting || $0.range.end > Date().addingTimeInterval(-14 * 86_400) }
            .map { entry in
                WaitingLine(
                    id: entry.id.description, resource: names[entry.resourceID] ?? "Ressource",
                    when: FrenchFormat.span(entry.range, in: session.timeZone),
                    status: Self.waitingStatus(entry.status), canLeave: entry.status == .waiting)
            }
    }
}
