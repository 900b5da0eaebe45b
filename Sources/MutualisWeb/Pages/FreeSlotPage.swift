import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// Which resources are free on a day over a span of hours: the search across resources.
struct FreeSlotPage: Sendable {
    struct Kind: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Found: Sendable {
        var name: String
        var units: String
        var link: String
        var linkLabel: String
    }

    var frame: Frame
    var date: String
    var start: String
    var end: String
    var kinds: [Kind]
    var searched: Bool
    var error: String?
    var span: String
    var free: [Found]
    var partly: [Found]
}

extension Website {
    func addFreeSlotRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/creneaux-libres") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let query = request.uri.queryParameters
            let zone = session.timeZone
            let kind = query.get("type").flatMap(Resource.Kind.init(rawValue:))
            var page = FreeSlotPage(
                frame: frame(context, "Trouver un créneau libre", section: "/creneaux-libres"),
                date: Forms.line(query.get("date") ?? "\(zone.date(of: Date()).adding(days: 1))", limit: 10),
                start: Forms.line(query.get("debut") ?? "09:00", limit: 5), end: Forms.line(query.get("fin") ?? "12:00", limit: 5),
                kinds: [Resource.Kind.equipment, .premises, .staff].map {
                    .init(value: $0.rawValue, label: Sentences.kind($0), selected: $0 == kind)
                },
                searched: query.get("date") != nil, error: nil, span: "", free: [], partly: [])
            guard page.searched else { return renderer.page(.creneauxLibres, page) }
            guard let date = Forms.date(page.date), let start = LocalTime(page.start), let end = LocalTime(page.end),
                let range = TimeRange(
                    start: zone.instant(LocalDateTime(date, start)),
                    end: zone.instant(LocalDateTime(end <= start ? date.adding(days: 1) : date, end))),
                InputBounds.contains(range), range.duration <= 31 * 86_400
            else {
                page.error = "Saisissez une date (par exemple 2027-03-10) et des heures de début et de fin (par exemple 09:00 et 12:00)."
                page.frame.title = "Erreur – Trouver un créneau libre"
                return renderer.page(.creneauxLibres, page, status: .unprocessableContent)
            }
            page.span = FrenchFormat.span(range, in: zone)
            let candidates = try await resources.all(pole: session.principal.poleID)
                .filter { kind == nil || $0.kind == kind }
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            for resource in candidates {
                let free = try await bookings.availability(pole: session.principal.poleID, resource: resource.id, window: range)
                    .freeSpans(within: range)
                let week = "/ressources/\(resource.id)?semaine=\(date)"
                if let whole = free.first(where: { $0.range.contains(range) }) {
                    page.free.append(
                        .init(
                            name: resource.name, units: FrenchFormat.count(whole.units, "unité libre", "unités libres"),
                            link: "/reserver?resourceId=\(resource.id)&date=\(date)&start=\(start)&end=\(end)",
                            linkLabel: "Réserver \(resource.name)"))
                } else if !free.isEmpty {
                    page.partly.append(
                        .init(
                            name: resource.name, units: "libre une partie du temps", link: week,
                            linkLabel: "Voir la semaine de \(resource.name)"))
                }
            }
            return renderer.page(.creneauxLibres, page)
        }
    }
}
