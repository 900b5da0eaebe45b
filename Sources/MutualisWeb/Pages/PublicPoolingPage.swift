import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The public pooling page of a pole, for funders and members' boards: the figures of the
/// period the coordination published, without an account; nothing while none is published.
struct PublicPoolingPage: Sendable {
    var frame: Frame
    var poleName: String
    var figures: PoolingFigures
}

extension Website {
    func addPublicPoolingRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/pole/:poleId/mutualisation") { _, context -> Response in
            guard let id = context.parameters.get("poleId").flatMap(PoleID.init) else { return notFound(context) }
            let pole: Pole
            do {
                pole = try await poles.get(id)
            } catch StoreError.notFound {
                return notFound(context)
            }
            guard let period = pole.publication else { return notFound(context) }
            let report = try await reports.report(pole: id, period: period)
            var response = renderer.page(
                .mutualisation,
                PublicPoolingPage(
                    frame: frame(context, "\(pole.name) : la mutualisation, \(Sentences.period(period))"), poleName: pole.name,
                    figures: PoolingFigures(report)))
            // The same for every visitor, and public: caches may keep it a few minutes.
            if context.webSession == nil { response.headers[.cacheControl] = "public, max-age=300" }
            return response
        }
    }
}
