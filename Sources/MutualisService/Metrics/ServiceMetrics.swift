import MutualisStore
import Prometheus
import Synchronization

/// What `/metrics` exposes, in Prometheus text format: requests by route and status with
/// their latency, the pool's connections in use and callers waiting, bookings made and refused.
///
/// One registry per application (not the process-wide metrics system), so that several
/// applications — the tests make many — never mix their figures.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let database: MutualisDatabase
    /// Each series once found in the registry: looking one up builds its name and labels anew,
    /// a cost every request paid.
    private let requestSeries = Mutex<[RequestSeriesKey: RequestSeries]>([:])
    private let bookingCounters = Mutex<[String: Counter]>([:])

    private struct RequestSeriesKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private struct RequestSeries {
        var requests: Counter
        var duration: DurationHistogram
    }

    private static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
    ]

    init(database: MutualisDatabase) {
        self.database = database
    }

    /// Counts a request and records how long it took.
    func recordRequest(route: String, method: String, status: Int, nanoseconds: Int64) {
        let key = RequestSeriesKey(route: route, method: method, status: status)
        let series = requestSeries.withLock { known in
            if let series = known[key] { return series }
            let series = RequestSeries(
                requests: registry.makeCounter(
                    descriptor: MetricNameDescriptor(
                        metricName: "http_requests", unitName: "total", helpText: "HTTP requests by route, method and status."),
                    labels: [("route", route), ("method", method), ("status", String(status))]
                ),
                duration: registry.makeDurationHistogram(
                    descriptor: MetricNameDescriptor(
                        metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request latency by route and method."),
                    labels: [("route", route), ("method", method)],
                    buckets: Self.latencyBuckets
                )
            )
            known[key] = series
            return series
        }
        series.requests.increment()
        series.duration.recordNanoseconds(nanoseconds)
    }

    /// Counts a booking request's outcome: `created`, `conflict` or `refused` (a broken rule).
    func recordBooking(_ outcome: String, count: Int = 1) {
        let counter = bookingCounters.withLock { known in
            if let counter = known[outcome] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    namespace: "mutualis", metricName: "bookings", unitName: "total", helpText: "Booking attempts by outcome."),
                labels: [("outcome", outcome)]
            )
            known[outcome] = counter
            return counter
        }
        counter.increment(by: Int64(count))
    }

    /// The text of every metric, the pool's figures read now.
    func exposition() -> [UInt8] {
        let statistics = database.statistics
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "mutualis", metricName: "pool_connections_in_use", unitName: "",
                helpText: "Database connections running a request's work.")
        )
        .set(Double(statistics.inUse))
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "mutualis", metricName: "pool_waiting", unitName: "", helpText: "Requests waiting for a database connection.")
        )
        .set(Double(statistics.waiting))
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "mutualis", metricName: "pool_size", unitName: "", helpText: "Database connections the pool may hold.")
        )
        .set(Double(statistics.connections))
        return registry.emitToBuffer()
    }
}
