import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The coordination's dashboard: what waits for the coordinator, and where each task is.
struct CoordinationHomePage: Sendable {
    var frame: Frame
    var pending: String
    var lastMonth: String
    var lastMonthState: String
    var closeLink: String
}

extension Website {
    func addCoordinationHomeRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get { _, context -> Response in
            let session = context.webSession!
            let pole = session.principal.poleID
            let pending = try await bookings.pending(pole: pole).count
            let lastMonth = session.lastMonth
            let runs = try await runs.all(pole: pole).filter { $0.period == lastMonth }
            let state: String
            var link = "/coordination/cloture"
            if let final = runs.first(where: { $0.status == .finalized }) {
                state = "clôturé"
                link = "/coordination/cloture/\(final.id)"
            } else if let draft = runs.first {
                state = "brouillon calculé, à finaliser"
                link = "/coordination/cloture/\(draft.id)"
            } else {
                state = "pas encore clôturé"
            }
            return renderer.page(
                .coordination,
                CoordinationHomePage(
                    frame: coordinationFrame(context, "Coordination", section: "/coordination"),
                    pending: FrenchFormat.count(pending, "réservation attend", "réservations attendent"),
                    lastMonth: FrenchFormat.month(lastMonth.start), lastMonthState: state, closeLink: link))
        }
    }
}
