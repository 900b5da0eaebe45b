import Hummingbird

/// `GET /metrics`, in Prometheus text format.
struct MetricsController {
    let metrics: ServiceMetrics

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition()))
            )
        }
    }
}
