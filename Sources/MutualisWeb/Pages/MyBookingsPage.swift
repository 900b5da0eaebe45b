import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The organisation's bookings, upcoming then past.
struct MyBookingsPage: Sendable {
    /// Where to go from a booking just made: its week, and the calendar feeds.
    struct Booked: Sendable {
        var resource: String
        var week: String
    }

    var frame: Frame
    var booked: Booked?
    var upcoming: [BookingLine]
    var past: [BookingLine]
    var waiting: [WaitingLine]
    var csrf: String
}

/// The confirmation asked before a cancellation, with what it costs.
struct CancelPage: Sendable {
    var frame: Frame
    var csrf: String
    var booking: BookingLine
    var action: String
    var consequence: String
}

extension Website {
    func addMyBookingsRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/mes-reservations") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let zone = session.timeZone
            let now = Date()
            let names = try await resourceNames(session)
            let scope = BookingScope(session.principal)
            let upcoming = try await bookings.list(scope: scope, filter: BookingFilter(from: now), page: try PageRequest(limit: 200)).items
            let past = try await bookings.list(
                scope: scope, filter: BookingFilter(from: now.addingTimeInterval(-90 * 86_400), to: now),
                page: try PageRequest(limit: 200)
            ).items.filter { $0.range.end <= now }.reversed()
            var status: String?
            var just: MyBookingsPage.Booked?
            if let id = request.uri.queryParameters.get("reservation").flatMap(BookingID.init),
                let booked = upcoming.first(where: { $0.id == id })
            {
                let state = booked.status == .pending ? "en attente de l’accord de la coordination" : "confirmée"
                let name = names[booked.resourceID] ?? "ressource"
                let series =
                    request.uri.queryParameters.get("nombre").flatMap(Int.init).map { ", première d’une série de \($0) dates" } ?? ""
                status = "Réservation \(state) : \(name), \(FrenchFormat.span(booked.range, in: zone))\(series)."
                just = .init(resource: name, week: "/ressources/\(booked.resourceID)?semaine=\(zone.date(of: booked.range.start))")
            } else if request.uri.queryParameters.get("annulee") != nil {
                status = "La réservation est annulée."
            } else if request.uri.queryParameters.get("raccourcie") != nil {
                status = "La réservation est raccourcie ; le temps rendu redevient réservable."
            } else if request.uri.queryParameters.get("attente") != nil {
                status = "Votre demande est inscrite sur la liste d’attente."
            } else if request.uri.queryParameters.get("quittee") != nil {
                status = "Votre demande est retirée de la liste d’attente."
            }
            return renderer.page(
                .mesReservations,
                MyBookingsPage(
                    frame: frame(context, "Mes réservations", section: "/mes-reservations", status: status), booked: just,
                    upcoming: upcoming.filter { $0.range.end > now }.map { line($0, names: names, zone: zone, now: now) },
                    past: past.map { line($0, names: names, zone: zone, now: now) },
                    waiting: try await waitingLines(session, names: names), csrf: session.csrfToken))
        }
        router.get("/reservations/:bookingId/annuler") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let id = context.parameters.get("bookingId").flatMap(BookingID.init),
                let booking = try? await bookings.get(id, scope: BookingScope(session.principal))
            else { return notFound(context) }
            let resource = try await resources.get(pole: session.principal.poleID, booking.resourceID)
            let now = Date()
            let cancellation = try await bookings.cancellationPreview(id, scope: BookingScope(session.principal), now: now)
            return renderer.page(
                .annuler,
                CancelPage(
                    frame: frame(context, "Annuler une réservation", section: "/mes-reservations"), csrf: session.csrfToken,
                    booking: line(booking, names: [resource.id: resource.name], zone: session.timeZone, now: now),
                    action: "/reservations/\(id)/annuler",
                    consequence: Sentences.cancellationConsequence(cancellation, booking: booking)))
        }
        router.post("/reservations/:bookingId/annuler") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let id = context.parameters.get("bookingId").flatMap(BookingID.init) else { return notFound(context) }
            do {
                _ = try await bookings.move(id, to: .cancelled, scope: BookingScope(session.principal), actor: session.principal.actor)
            } catch StoreError.notFound {
                return notFound(context)
            } catch StoreError.conflict {
                return renderer.page(
                    .erreur,
                    ErrorPage(
                        frame: frame(context, "Annulation impossible"), heading: "Annulation impossible",
                        message: "Cette réservation est déjà annulée ou refusée."),
                    status: .conflict)
            }
            return .redirect(to: "/mes-reservations?annulee=\(id)")
        }
    }
}
