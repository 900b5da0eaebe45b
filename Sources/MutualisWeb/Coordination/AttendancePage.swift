import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The bookings of a day that have started, to mark those nobody came to, and the requests
/// waiting for taken slots.
struct AttendancePage: Sendable {
    struct Item: Sendable {
        var id: String
        var member: String
        var resource: String
        var when: String
        var noShow: Bool
    }

    struct Waiting: Sendable {
        var member: String
        var resource: String
        var when: String
        var joined: String
    }

    var frame: Frame
    var csrf: String
    var day: String
    var dayValue: String
    var previous: String
    var next: String?
    var items: [Item]
    var waiting: [Waiting]
}

/// An absence marked or taken back: `absent:ID` or `present:ID`, on the page of a day.
struct AttendanceForm: TokenCarrying {
    var csrf: String?
    var decision: String?
    var jour: String?
}

extension Website {
    func addAttendanceRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/presences") { request, context -> Response in
            let session = context.webSession!
            let pole = session.principal.poleID
            let zone = session.timeZone
            let now = Date()
            let today = zone.date(of: now)
            // One day at a time, today by default; days to come have no one missing yet.
            let day = min(Forms.date(request.uri.queryParameters.get("jour")) ?? today, today)
            let (resourceNames, memberNames) = (try await resourceNames(session), try await memberNames(session))
            let started = try await bookings.list(
                scope: BookingScope(poleID: pole, memberID: nil),
                filter: BookingFilter(from: zone.startOfDay(day), to: zone.startOfDay(day.adding(days: 1))),
                page: try PageRequest(limit: PageRequest.maximumLimit)
            ).items.filter { $0.status == .confirmed && $0.range.start <= now && zone.date(of: $0.range.start) == day }
            let waiting = try await waitlist.list(pole: pole, member: nil).filter { $0.status == .waiting }.reversed()
            let query = request.uri.queryParameters
            let status =
                query.get("absente") != nil
                ? "L’absence est notée : la réservation compte tout son temps."
                : query.get("presente") != nil ? "L’absence est retirée." : nil
            return renderer.page(
                .presences,
                AttendancePage(
                    frame: coordinationFrame(context, "Présences", section: "/coordination/presences", status: status),
                    csrf: session.csrfToken, day: FrenchFormat.date(day), dayValue: day.description,
                    previous: "/coordination/presences?jour=\(day.adding(days: -1))",
                    next: day < today ? "/coordination/presences?jour=\(day.adding(days: 1))" : nil,
                    items: started.map {
                        .init(
                            id: $0.id.description, member: memberNames[$0.memberID] ?? "Membre",
                            resource: resourceNames[$0.resourceID] ?? "Ressource", when: FrenchFormat.span($0.range, in: zone),
                            noShow: $0.noShow)
                    },
                    waiting: waiting.map {
                        .init(
                            member: memberNames[$0.memberID] ?? "Membre", resource: resourceNames[$0.resourceID] ?? "Ressource",
                            when: FrenchFormat.span($0.range, in: zone), joined: FrenchFormat.moment($0.joinedAt, in: zone))
                    }))
        }
        router.post("/presences") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(AttendanceForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            let parts = Forms.line(form.decision, limit: 60).split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "absent" || parts[0] == "present", let id = BookingID(parts[1]) else {
                return notFound(context)
            }
            do {
                _ = try await bookings.markNoShow(id, pole: session.principal.poleID, parts[0] == "absent", actor: session.principal.actor)
            } catch StoreError.notFound {
                return notFound(context)
            } catch StoreError.conflict {
                return renderer.page(
                    .erreur,
                    ErrorPage(
                        frame: coordinationFrame(context, "Présences", section: "/coordination/presences"),
                        heading: "Absence impossible à noter",
                        message: "Seule une réservation confirmée et déjà commencée peut être notée comme une absence."),
                    status: .conflict)
            }
            let day = Forms.date(form.jour).map { "jour=\($0)&" } ?? ""
            return .redirect(to: "/coordination/presences?\(day)\(parts[0] == "absent" ? "absente" : "presente")=1")
        }
    }
}
