import Hummingbird
import Logging
import MutualisStore
import PostgresClient

/// Builds the Mutualis HTTP application: its routes, its pool, and the services that stop them.
public func buildApplication(
    _ configuration: ServerConfiguration,
    logger: Logger = Logger(label: "mutualis")
) -> some ApplicationProtocol {
    let pool = PostgresConnectionPool(configuration: configuration.database, size: configuration.poolSize, logger: logger)
    return Application(
        router: buildRouter(pool: pool),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mutualis"),
        services: [PoolService(pool: pool)],
        logger: logger
    )
}

/// The routes of the API over a pool; also what the tests drive.
public func buildRouter(pool: PostgresConnectionPool) -> Router<MutualisRequestContext> {
    let router = Router(context: MutualisRequestContext.self)
    let metrics = ServiceMetrics(pool: pool)
    router.add(middleware: RequestObservationMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware())
    HealthController(pool: pool).addRoutes(to: router)
    MetricsController(metrics: metrics).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    let tokens = TokenStore(pool: pool)
    let bookings = BookingStore(pool: pool)
    let api = router.group("api/v1").add(middleware: AuthenticationMiddleware(tokens: tokens))
    MemberController(members: MemberStore(pool: pool), categories: CategoryStore(pool: pool)).addRoutes(to: api)
    UserController(users: UserStore(pool: pool), tokens: tokens).addRoutes(to: api)
    ResourceController(resources: ResourceStore(pool: pool), bookings: bookings).addRoutes(to: api)
    BookingController(bookings: bookings, metrics: metrics).addRoutes(to: api)
    CalendarController(bookings: bookings).addRoutes(to: api)
    UsageController(usage: UsageStore(pool: pool)).addRoutes(to: api)
    CostController(costs: CostStore(pool: pool), rules: AllocationRuleStore(pool: pool)).addRoutes(to: api)
    AllocationRunController(runs: AllocationRunStore(pool: pool)).addRoutes(to: api)
    ReportController(reports: PoolingReportStore(pool: pool)).addRoutes(to: api)
    return router
}
