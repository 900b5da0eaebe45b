import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The pole's resources by kind, each with its rules in plain words.
struct ResourcesPage: Sendable {
    struct Group: Sendable {
        var heading: String
        var resources: [Item]
    }

    struct Item: Sendable {
        var name: String
        var units: String
        var rules: [String]
        var weekLink: String
        var bookLink: String
    }

    var frame: Frame
    var groups: [Group]
}

extension Website {
    func addResourceRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/ressources") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let all = try await resources.all(pole: session.principal.poleID)
            let groups = [Resource.Kind.equipment, .premises, .staff].compactMap { kind -> ResourcesPage.Group? in
                let items = all.filter { $0.kind == kind }.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
                guard !items.isEmpty else { return nil }
                return ResourcesPage.Group(
                    heading: Sentences.kind(kind),
                    resources: items.map { resource in
                        ResourcesPage.Item(
                            name: resource.name, units: FrenchFormat.count(resource.units, "unité", "unités"),
                            rules: Sentences.rules(resource.rules), weekLink: "/ressources/\(resource.id)",
                            bookLink: "/reserver?resourceId=\(resource.id)")
                    })
            }
            return renderer.page(.ressources, ResourcesPage(frame: frame(context, "Ressources", section: "/ressources"), groups: groups))
        }
        router.get("/ressources/:resourceId") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let id = context.parameters.get("resourceId").flatMap(ResourceID.init) else { return notFound(context) }
            let week = request.uri.queryParameters.get("semaine").flatMap(LocalDate.init(_:))
            return try await weekPage(session, context, resource: id, week: week)
        }
    }

    /// A page that is not there.
    func notFound(_ context: some WebRequestContext) -> Response {
        renderer.page(
            .erreur,
            ErrorPage(
                frame: frame(context, "Page introuvable"), heading: "Page introuvable",
                message: "Cette page n’existe pas, ou vous n’y avez pas accès."),
            status: .notFound)
    }
}
