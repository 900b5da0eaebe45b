import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The booking form, prefilled from the week's links, with each refusal explained next to
/// its field.
struct BookingFormPage: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var frame: Frame
    var csrf: String
    var resources: [Option]
    var memberChoice: Bool
    var members: [Option]
    var date: String
    var start: String
    var end: String
    var quantity: String
    var note: String
    var hasErrors: Bool
    var errors: [FieldMessage]
    var resourceError: String?
    var memberError: String?
    var dateError: String?
    var startError: String?
    var endError: String?
    var quantityError: String?
    var noteError: String?
    var repetitions: [Option]
    var occurrences: String
    var others: Bool
    var occurrencesError: String?
    /// Half-day and day links for the chosen resource and date, where its hours allow.
    var shortcuts: [Shortcut]
    var hasShortcuts: Bool
    /// The slot refused, to join its waitlist with.
    var waitlist: [BookingSummaryPage.Hidden]
    var offersWaitlist: Bool

    struct Shortcut: Sendable {
        var label: String
        var link: String
    }
}

/// An error of a form, linked from the summary to its field.
struct FieldMessage: Sendable {
    var field: String
    var message: String
}

struct BookingForm: TokenCarrying {
    var csrf: String?
    var resourceId: String?
    var memberId: String?
    var date: String?
    var start: String?
    var end: String?
    var quantity: String?
    var note: String?
    /// "", daily, weekly or monthly.
    var repetition: String?
    /// How many times a series books, the first included.
    var occurrences: String?
    /// "oui" to book the dates of a series that are free when others are taken.
    var autres: String?
    /// "confirmer" once the summary was read; anything else asks for the summary.
    var etape: String?
}

extension Website {
    func addBookingRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/reserver") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let query = request.uri.queryParameters
            let form = BookingForm(
                resourceId: query.get("resourceId"), memberId: query.get("memberId"), date: query.get("date"), start: query.get("start"),
                end: query.get("end"), quantity: query.get("quantity"), note: query.get("note"), repetition: query.get("repetition"),
                occurrences: query.get("occurrences"), autres: query.get("autres"))
            return renderer.page(.reserver, try await bookingPage(session, context, form, errors: []))
        }
        router.post("/reserver") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let form = try await Forms.signed(BookingForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            return try await book(session, context, form)
        }
        addMyBookingsRoutes(to: router)
        addShortenRoutes(to: router)
    }

    private func book(_ session: WebSession, _ context: some WebRequestContext, _ form: BookingForm) async throws -> Response {
        let (input, errors) = bookingInput(session, form)
        guard let input else {
            return renderer.page(.reserver, try await bookingPage(session, context, form, errors: errors), status: .unprocessableContent)
        }
        do {
            guard form.etape == "confirmer" else {
                let outcome = try await bookings.preview(
                    pole: session.principal.poleID, input, actor: session.principal.actor, confirm: session.principal.isCoordinator)
                return renderer.page(.verifier, try await summaryPage(session, context, form, input: input, outcome: outcome))
            }
            let outcome = try await bookings.book(
                pole: session.principal.poleID, input, actor: session.principal.actor, confirm: session.principal.isCoordinator)
            let series = outcome.bookings.count > 1 ? "&nombre=\(outcome.bookings.count)" : ""
            return .redirect(to: "/mes-reservations?reservation=\(outcome.bookings[0].id)\(series)")
        } catch let error as StoreError {
            let messages = try await refusal(error, session: session, input: input)
            return renderer.page(
                .reserver,
                try await bookingPage(session, context, form, errors: messages, offerWaitlist: Self.waitlistCanHelp(error, input)),
                status: .unprocessableContent)
        }
    }

    /// A single slot refused only because it is taken, closed or too close to another
    /// booking: a cancellation or a retired blackout may free it, and the waitlist books it then.
    static func waitlistCanHelp(_ error: StoreError, _ input: BookingInput) -> Bool {
        guard input.recurrence == nil else { return false }
        switch error {
        case .conflict: return true
        case .rulesViolated(let violations): return violations.allSatisfy(\.rule.mayFreeUp)
        default: return false
        }
    }

    /// The booking a form asks for, or what is wrong with each field.
    func bookingInput(_ session: WebSession, _ form: BookingForm) -> (BookingInput?, [FieldMessage]) {
        let zone = session.timeZone
        var errors: [FieldMessage] = []
        let resource = form.resourceId.flatMap(ResourceID.init)
        if resource == nil { errors.append(FieldMessage(field: "resourceId", message: "Choisissez une ressource.")) }
        var member = session.principal.memberID
        if session.principal.isCoordinator {
            member = form.memberId.flatMap(MemberID.init)
            if member == nil { errors.append(FieldMessage(field: "memberId", message: "Choisissez l’organisation pour qui réserver.")) }
        }
        let date = Forms.date(form.date)
        if date == nil { errors.append(FieldMessage(field: "date", message: "Saisissez une date, par exemple 10/03/2027.")) }
        let start = form.start.flatMap(LocalTime.init)
        if start == nil { errors.append(FieldMessage(field: "start", message: "Saisissez l’heure de début, par exemple 09:00.")) }
        let end = form.end.flatMap(LocalTime.init)
        if end == nil { errors.append(FieldMessage(field: "end", message: "Saisissez l’heure de fin, par exemple 11:30.")) }
        let quantity = Int(Forms.line(form.quantity ?? "1", limit: 10)) ?? 0
        if !(1...InputBounds.maxUnits).contains(quantity) {
            errors.append(FieldMessage(field: "quantity", message: "Saisissez un nombre d’unités entre 1 et \(InputBounds.maxUnits)."))
        }
        let note = String((form.note ?? "").prefix(2_001))
        if TextInput.notesProblem(note, field: "note") != nil {
            errors.append(FieldMessage(field: "note", message: "La note tient en 2 000 caractères, sans caractère invisible."))
        }
        let recurrence = Self.recurrence(form, errors: &errors)
        guard errors.isEmpty, let resource, let member, let date, let start, let end else { return (nil, errors) }
        // An end at midnight, or before the start, ends the next day.
        let endDay = end <= start ? date.adding(days: 1) : date
        let from = zone.instant(LocalDateTime(date, start))
        let to = zone.instant(LocalDateTime(endDay, end))
        guard let range = TimeRange(start: from, end: to), InputBounds.contains(range) else {
            return (nil, [FieldMessage(field: "end", message: "L’heure de fin doit suivre l’heure de début.")])
        }
        let input = BookingInput(
            resourceID: resource, memberID: member, range: range, quantity: quantity, note: note, recurrence: recurrence,
            onConflict: form.autres == "oui" ? .skip : .fail)
        return (input, [])
    }

    /// What a person reads when the store refuses a booking: each rule in a French sentence
    /// on its field; a taken slot with the next time it is free.
    func refusal(_ error: StoreError, session: WebSession, input: BookingInput) async throws -> [FieldMessage] {
        switch error {
        case .rulesViolated(let violations):
            let resource = try await resources.get(pole: session.principal.poleID, input.resourceID)
            return violations.map {
                FieldMessage(field: $0.field, message: Sentences.violation($0.rule, resource.rules, units: resource.units))
            }
        case .conflict:
            var message = "Ce créneau est déjà réservé."
            if let next = try await nextFree(session: session, input: input) {
                message += " Prochain créneau libre de même durée : \(next)."
            }
            return [FieldMessage(field: "start", message: message)]
        case .notFound(let what):
            return [
                FieldMessage(
                    field: what == "member" ? "memberId" : "resourceId", message: "Cette ressource ou cette organisation n’existe pas.")
            ]
        case .seriesRefused(let refused):
            let dates = refused.prefix(5).map { FrenchFormat.date(session.timeZone.date(of: $0.range.start)) }.joined(separator: ", ")
            return [
                FieldMessage(
                    field: "occurrences",
                    message:
                        "\(FrenchFormat.count(refused.count, "date ne peut", "dates ne peuvent")) pas être réservée\(refused.count > 1 ? "s" : "") (\(dates)\(refused.count > 5 ? "…" : "")). Cochez « Réserver les autres dates » pour réserver celles qui sont libres."
                )
            ]
        case .invalid(let fields):
            return fields.map {
                FieldMessage(
                    field: ["start", "end", "quantity", "note"].contains($0.field) ? $0.field : "start",
                    message: "Cette valeur n’est pas acceptée.")
            }
        default:
            throw error
        }
    }

    /// When the resource is next free for as long and as many units, within two weeks.
    private func nextFree(session: WebSession, input: BookingInput) async throws -> String? {
        guard let window = TimeRange(start: max(input.range.start, Date()), end: input.range.start.addingTimeInterval(14 * 86_400)) else {
            return nil
        }
        let free = try await bookings.availability(pole: session.principal.poleID, resource: input.resourceID, window: window)
            .freeSpans(within: window)
        for span in free where span.units >= input.quantity {
            guard let fit = TimeRange(start: span.range.start, end: span.range.start.addingTimeInterval(input.range.duration)),
                span.range.contains(fit)
            else { continue }
            return FrenchFormat.span(fit, in: session.timeZone)
        }
        return nil
    }

    func bookingPage(
        _ session: WebSession, _ context: some WebRequestContext, _ form: BookingForm, errors: [FieldMessage], offerWaitlist: Bool = false
    ) async throws -> BookingFormPage {
        let all = try await resources.all(pole: session.principal.poleID).sorted {
            $0.name.localizedStandardCompare($1.name) == .orderedAscending
        }
        var members: [BookingFormPage.Option]?
        if session.principal.isCoordinator {
            members = try await self.members.all(pole: session.principal.poleID).map {
                .init(value: $0.id.description, label: $0.name, selected: $0.id.description == form.memberId)
            }
        }
        let message = { (field: String) in errors.first { $0.field == field }?.message }
        let chosen = form.resourceId.flatMap(ResourceID.init).flatMap { id in all.first { $0.id == id } }
        let shortcuts = chosen.map { Self.shortcuts($0, date: Forms.date(form.date), form: form) } ?? []
        return BookingFormPage(
            frame: frame(context, errors.isEmpty ? "Réserver" : "Erreur – Réserver", section: "/reserver"),
            csrf: session.csrfToken,
            resources: all.map { .init(value: $0.id.description, label: $0.name, selected: $0.id.description == form.resourceId) },
            memberChoice: members != nil, members: members ?? [],
            date: Forms.line(form.date, limit: 10), start: Forms.line(form.start, limit: 5), end: Forms.line(form.end, limit: 5),
            quantity: Forms.line(form.quantity ?? "1", limit: 10), note: Forms.text(form.note, limit: 2_000),
            hasErrors: !errors.isEmpty, errors: errors,
            resourceError: message("resourceId"), memberError: message("memberId"), dateError: message("date"),
            startError: message("start"), endError: message("end"), quantityError: message("quantity"), noteError: message("note"),
            repetitions: [("", "Une seule fois"), ("daily", "Chaque jour"), ("weekly", "Chaque semaine"), ("monthly", "Chaque mois")].map {
                .init(value: $0.0, label: $0.1, selected: $0.0 == (form.repetition ?? ""))
            },
            occurrences: Forms.line(form.occurrences ?? "", limit: 4), others: form.autres == "oui",
            occurrencesError: message("occurrences"),
            shortcuts: shortcuts, hasShortcuts: !shortcuts.isEmpty,
            waitlist: offerWaitlist
                ? [
                    ("resourceId", form.resourceId), ("memberId", form.memberId), ("date", form.date), ("start", form.start),
                    ("end", form.end), ("quantity", form.quantity), ("note", form.note),
                ].compactMap { name, value in value.map { BookingSummaryPage.Hidden(name: name, value: $0) } } : [],
            offersWaitlist: offerWaitlist
        )
    }
}
