import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The review before a booking is made (RGAA 11.12): what will be booked, for whom, what the
/// rules say about it, and a confirmation that carries the same form.
struct BookingSummaryPage: Sendable {
    struct Line: Sendable {
        var label: String
        var value: String
    }

    struct Hidden: Sendable {
        var name: String
        var value: String
    }

    var frame: Frame
    var csrf: String
    var lines: [Line]
    var refused: [String]
    var hasRefused: Bool
    var hidden: [Hidden]
    var editLink: String
}

extension Website {
    func summaryPage(
        _ session: WebSession, _ context: some WebRequestContext, _ form: BookingForm, input: BookingInput, outcome: BookingOutcome
    ) async throws -> BookingSummaryPage {
        let zone = session.timeZone
        let resource = try await resources.get(pole: session.principal.poleID, input.resourceID)
        var lines = [BookingSummaryPage.Line(label: "Ressource", value: resource.name)]
        if session.principal.isCoordinator {
            let member = try await members.get(pole: session.principal.poleID, input.memberID)
            lines.append(.init(label: "Pour", value: member.name))
        }
        if outcome.bookings.count > 1 {
            lines.append(.init(label: "Première date", value: FrenchFormat.span(outcome.bookings[0].range, in: zone)))
            lines.append(
                .init(label: "Dernière date", value: FrenchFormat.span(outcome.bookings[outcome.bookings.count - 1].range, in: zone)))
            lines.append(.init(label: "Réservations", value: FrenchFormat.count(outcome.bookings.count, "date", "dates")))
        } else {
            lines.append(.init(label: "Quand", value: FrenchFormat.span(input.range, in: zone)))
        }
        lines.append(.init(label: "Unités", value: FrenchFormat.count(input.quantity, "unité", "unités")))
        if !input.note.isEmpty { lines.append(.init(label: "Note", value: input.note)) }
        let pending = outcome.bookings.contains { $0.status == .pending }
        lines.append(
            .init(label: "Après confirmation", value: pending ? "en attente de l’accord de la coordination" : "confirmée aussitôt"))
        if let tiers = Sentences.cancellationTiers(resource.rules.cancellationTiers) {
            lines.append(.init(label: "Annulation", value: tiers))
        }
        let fields: [(String, String?)] = [
            ("resourceId", form.resourceId), ("memberId", form.memberId), ("date", form.date), ("start", form.start), ("end", form.end),
            ("quantity", form.quantity), ("note", form.note), ("repetition", form.repetition), ("occurrences", form.occurrences),
            ("autres", form.autres),
        ]
        let hidden = fields.compactMap { name, value in value.map { BookingSummaryPage.Hidden(name: name, value: $0) } }
        var edit = URLComponents()
        edit.path = "/reserver"
        edit.queryItems = hidden.map { URLQueryItem(name: $0.name, value: $0.value) }
        let refused = outcome.refused.map { "\(FrenchFormat.span($0.range, in: zone)) : déjà pris ou hors des règles, ne sera pas réservé" }
        return BookingSummaryPage(
            frame: frame(context, "Vérifier la réservation", section: "/reserver"), csrf: session.csrfToken, lines: lines,
            refused: refused, hasRefused: !refused.isEmpty, hidden: hidden, editLink: edit.string ?? "/reserver")
    }

    /// The series a form asks for, if any; a malformed one adds its error.
    static func recurrence(_ form: BookingForm, errors: inout [FieldMessage]) -> RecurrenceRule? {
        guard let text = form.repetition, !text.isEmpty else { return nil }
        guard let frequency = RecurrenceRule.Frequency(rawValue: text) else {
            errors.append(FieldMessage(field: "repetition", message: "Choisissez une répétition de la liste."))
            return nil
        }
        guard let count = Int(Forms.line(form.occurrences, limit: 4)), (2...100).contains(count) else {
            errors.append(
                FieldMessage(field: "occurrences", message: "Pour une réservation répétée, saisissez un nombre de dates entre 2 et 100."))
            return nil
        }
        return RecurrenceRule(frequency: frequency, count: count)
    }

    /// Morning, afternoon and whole-day links for a day, from the resource's opening hours on
    /// that weekday (8 h–12 h, 14 h–18 h and 8 h–18 h without opening hours), kept only when
    /// they fall on the resource's slots.
    static func shortcuts(_ resource: Resource, date: LocalDate?, form: BookingForm) -> [BookingFormPage.Shortcut] {
        guard let date else { return [] }
        let noon = LocalTime(hour: 12, minute: 0)!
        let afternoon = LocalTime(hour: 14, minute: 0)!
        var spans: [(String, LocalTime, LocalTime)]
        if let hours = resource.rules.openingHours {
            let ranges = (hours.days[date.weekday] ?? []).sorted { $0.opens < $1.opens }
            guard let first = ranges.first, let last = ranges.last else { return [] }
            spans = [("La journée", first.opens, last.closes)]
            if ranges.count > 1 {
                spans += [("Le matin", first.opens, first.closes), ("L’après-midi", last.opens, last.closes)]
            } else if first.opens < noon && first.closes > afternoon {
                spans += [("Le matin", first.opens, noon), ("L’après-midi", afternoon, first.closes)]
            }
        } else {
            let eight = LocalTime(hour: 8, minute: 0)!
            let six = LocalTime(hour: 18, minute: 0)!
            spans = [("La journée", eight, six), ("Le matin", eight, noon), ("L’après-midi", afternoon, six)]
        }
        let slot = resource.rules.slotMinutes ?? 1
        return spans.filter { $0.1.minutes % slot == 0 && $0.2.minutes % slot == 0 }.map { label, start, end in
            var link = URLComponents()
            link.path = "/reserver"
            link.queryItems =
                [
                    .init(name: "resourceId", value: resource.id.description), .init(name: "date", value: date.description),
                    .init(name: "start", value: start.description), .init(name: "end", value: end == .endOfDay ? "00:00" : end.description),
                ] + (form.memberId.map { [.init(name: "memberId", value: $0)] } ?? [])
            return .init(label: "\(label) (\(FrenchFormat.time(start)) – \(FrenchFormat.time(end)))", link: link.string ?? "/reserver")
        }
    }
}
