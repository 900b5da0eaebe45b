import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// Giving back part of a booking: a later start or an earlier end, on the booking's own days.
struct ShortenPage: Sendable {
    var frame: Frame
    var csrf: String
    var booking: BookingLine
    var action: String
    var startDay: String
    var endDay: String
    var start: String
    var end: String
    var error: String?
}

/// What the shortening form sends: the new times, in the pole's local time.
struct ShortenForm: TokenCarrying {
    var csrf: String?
    var start: String?
    var end: String?
}

extension Website {
    func addShortenRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/reservations/:bookingId/raccourcir") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let booking = try await pathBooking(session, context) else { return notFound(context) }
            return renderer.page(.raccourcir, try await shortenPage(session, context, booking, form: nil, error: nil))
        }
        router.post("/reservations/:bookingId/raccourcir") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let form = try await Forms.signed(ShortenForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let booking = try await pathBooking(session, context) else { return notFound(context) }
            let zone = session.timeZone
            guard let start = form.start.flatMap(LocalTime.init), let end = form.end.flatMap(LocalTime.init),
                let range = TimeRange(
                    start: zone.instant(LocalDateTime(zone.date(of: booking.range.start), start)),
                    end: zone.instant(LocalDateTime(zone.local(booking.range.end).date, end)))
            else {
                return renderer.page(
                    .raccourcir,
                    try await shortenPage(session, context, booking, form: form, error: "Saisissez deux heures, la fin après le début."),
                    status: .unprocessableContent)
            }
            do {
                _ = try await bookings.shorten(
                    booking.id, to: range, scope: BookingScope(session.principal), actor: session.principal.actor)
            } catch let error as StoreError {
                let resource = try await resources.get(pole: session.principal.poleID, booking.resourceID)
                let message =
                    switch error {
                    case .conflict(let detail, _) where detail == BookingStore.tooLateToShorten:
                        "Il est trop tard pour rendre du temps sans frais : l’annulation compterait déjà une part de la réservation."
                    case .conflict: "Cette réservation ne peut plus être raccourcie."
                    case .rulesViolated(let violations):
                        violations.map { Sentences.violation($0.rule, resource.rules, units: resource.units) }.joined(separator: " ")
                    default:
                        "La réservation raccourcie doit tenir dans son créneau actuel, être plus courte, et finir après maintenant."
                    }
                return renderer.page(
                    .raccourcir, try await shortenPage(session, context, booking, form: form, error: message), status: .unprocessableContent
                )
            }
            return .redirect(to: "/mes-reservations?raccourcie=1")
        }
    }

    private func pathBooking(_ session: WebSession, _ context: some WebRequestContext) async throws -> Booking? {
        guard let id = context.parameters.get("bookingId").flatMap(BookingID.init) else { return nil }
        return try? await bookings.get(id, scope: BookingScope(session.principal))
    }

    private func shortenPage(
        _ session: WebSession, _ context: some WebRequestContext, _ booking: Booking, form: ShortenForm?, error: String?
    ) async throws -> ShortenPage {
        let zone = session.timeZone
        let resource = try await resources.get(pole: session.principal.poleID, booking.resourceID)
        let (from, to) = (zone.local(booking.range.start), zone.local(booking.range.end))
        return ShortenPage(
            frame: frame(
                context, error == nil ? "Raccourcir une réservation" : "Erreur – Raccourcir une réservation", section: "/mes-reservations"),
            csrf: session.csrfToken, booking: line(booking, names: [resource.id: resource.name], zone: zone, now: Date()),
            action: "/reservations/\(booking.id)/raccourcir",
            startDay: FrenchFormat.date(from.date), endDay: FrenchFormat.date(to.date),
            start: form.map { Forms.line($0.start, limit: 5) } ?? from.time.description,
            end: form.map { Forms.line($0.end, limit: 5) } ?? to.time.description, error: error)
    }
}
