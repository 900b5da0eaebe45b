import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The bookings waiting for the coordination's approval, oldest request first, each with what
/// else holds the resource around it.
struct ApprovalsPage: Sendable {
    struct Item: Sendable {
        var id: String
        var member: String
        var resource: String
        var when: String
        var quantity: String?
        var note: String?
        var asked: String
        var around: [String]
        var hasAround: Bool
        var checked: Bool
    }

    var frame: Frame
    var csrf: String
    var items: [Item]
    var reason: String
    var reasonError: String?
}

/// What the approvals form sends: the bookings ticked, the decision (for the ticked ones, or
/// `approuver:ID` / `refuser:ID` for one), and the reason given to the members.
struct ApprovalForm: TokenCarrying {
    var csrf: String?
    var reservations: [String]?
    var decision: String?
    var motif: String?
}

extension Website {
    func addApprovalRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/validations") { request, context -> Response in
            let query = request.uri.queryParameters
            var done: [String] = []
            if let count = query.get("approuvees").flatMap(Int.init), count > 0 {
                done.append(FrenchFormat.count(count, "réservation approuvée", "réservations approuvées"))
            }
            if let count = query.get("refusees").flatMap(Int.init), count > 0 {
                done.append(FrenchFormat.count(count, "réservation refusée", "réservations refusées"))
            }
            if let count = query.get("deja").flatMap(Int.init), count > 0 {
                done.append(FrenchFormat.count(count, "réservation était déjà traitée", "réservations étaient déjà traitées"))
            }
            let status = done.isEmpty ? nil : done.joined(separator: " ; ").capitalizedFirst + "."
            return try await approvalsPage(context, form: nil, reasonError: nil, status: status)
        }
        router.post("/validations") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(ApprovalForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            let decision = Forms.line(form.decision, limit: 60)
            let parts = decision.split(separator: ":", maxSplits: 1).map(String.init)
            let next: BookingStatus
            switch parts.first {
            case "approuver": next = .confirmed
            case "refuser": next = .rejected
            default: return try await approvalsPage(context, form: form, reasonError: nil, status: nil, httpStatus: .badRequest)
            }
            let chosen = parts.count == 2 ? [parts[1]] : (form.reservations ?? []).prefix(200).map { $0 }
            let ids = chosen.compactMap { BookingID(Forms.line($0, limit: 40)) }
            let reason = Forms.line(form.motif, limit: 501)
            if ids.isEmpty {
                return try await approvalsPage(
                    context, form: form, reasonError: nil,
                    status: "Cochez au moins une réservation, ou utilisez les boutons de l’une d’elles.",
                    httpStatus: .unprocessableContent)
            }
            if reason.count > 500 {
                return try await approvalsPage(
                    context, form: form, reasonError: "Le motif tient en 500 caractères au plus.", status: nil,
                    httpStatus: .unprocessableContent)
            }
            if next == .rejected && reason.isEmpty {
                // The booking whose own button was pressed stays ticked, for the second try.
                var form = form
                form.reservations = chosen
                return try await approvalsPage(
                    context, form: form, reasonError: "Indiquez le motif du refus : le membre le lira.", status: nil,
                    httpStatus: .unprocessableContent)
            }
            var moved = 0
            var settled = 0
            for id in ids {
                do {
                    _ = try await bookings.move(
                        id, to: next, scope: BookingScope(session.principal), actor: session.principal.actor, reason: reason)
                    moved += 1
                } catch StoreError.conflict, StoreError.notFound {
                    settled += 1
                }
            }
            let key = next == .confirmed ? "approuvees" : "refusees"
            return .redirect(to: "/coordination/validations?\(key)=\(moved)&deja=\(settled)")
        }
    }

    private func approvalsPage(
        _ context: some WebRequestContext, form: ApprovalForm?, reasonError: String?, status: String?,
        httpStatus: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = context.webSession!
        let zone = session.timeZone
        let pending = try await bookings.pending(pole: session.principal.poleID)
        let names = try await resourceNames(session)
        let memberNames = try await memberNames(session)
        let ticked = Set(form?.reservations ?? [])
        let items = pending.map { entry in
            let booking = entry.booking
            return ApprovalsPage.Item(
                id: booking.id.description, member: memberNames[booking.memberID] ?? "Membre",
                resource: names[booking.resourceID] ?? "Ressource", when: FrenchFormat.span(booking.range, in: zone),
                quantity: booking.quantity > 1 ? FrenchFormat.count(booking.quantity, "unité", "unités") : nil,
                note: booking.note.isEmpty ? nil : booking.note,
                asked: booking.createdAt.map { FrenchFormat.moment($0, in: zone) } ?? "",
                around: entry.around.map { other in
                    let state = other.status == .pending ? "en attente" : "confirmée"
                    return "\(memberNames[other.memberID] ?? "Membre") : \(FrenchFormat.span(other.range, in: zone)) (\(state))"
                },
                hasAround: !entry.around.isEmpty, checked: ticked.contains(booking.id.description))
        }
        return renderer.page(
            .validations,
            ApprovalsPage(
                frame: coordinationFrame(context, "Validations", section: "/coordination/validations", status: status),
                csrf: session.csrfToken, items: items, reason: Forms.line(form?.motif, limit: 500), reasonError: reasonError),
            status: httpStatus)
    }
}
