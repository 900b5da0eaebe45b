import Hummingbird
import HummingbirdCore
import Logging
import MutualisStore
import PostgresClient
import ServiceLifecycle

/// Builds the Mutualis HTTP application: its routes, its pool, and the services that stop them.
public func buildApplication(
    _ configuration: ServerConfiguration,
    logger: Logger = Logger(label: "mutualis")
) -> some ApplicationProtocol {
    let pool = PostgresConnectionPool(
        configuration: configuration.database, size: configuration.poolSize, limits: configuration.limits.pool, logger: logger
    )
    var services: [any Service] = [PoolService(pool: pool)]
    var tokenCache: PrincipalCache?
    if configuration.tokenCacheSeconds > 0 {
        let cache = PrincipalCache(lifetime: .seconds(configuration.tokenCacheSeconds))
        services.append(AccessChangesService(cache: cache, database: configuration.database, logger: logger))
        tokenCache = cache
    }
    return Application(
        router: buildRouter(pool: pool, tokenCache: tokenCache, bodyLimit: configuration.limits.maxBodyBytes),
        server: httpServer(configuration.limits),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mutualis"),
        services: services,
        logger: logger
    )
}

/// HTTP/1.1 closing connections idle, or slow to send a request's head, past the limits'
/// timeout, and answering unreadable requests with problem+json.
public func httpServer(_ limits: ServerConfiguration.Limits) -> HTTPServerBuilder {
    .http1(
        configuration: .init(
            additionalChannelHandlers: [ParseErrorProblemHandler()],
            idleTimeout: .seconds(Int64(limits.idleTimeoutSeconds))
        ))
}

/// The routes of the API over a pool; also what the tests drive. With `tokenCache`, callers
/// are remembered while the cache is kept informed of changes (``AccessChangesService``).
public func buildRouter(
    pool: PostgresConnectionPool, tokenCache: PrincipalCache? = nil, bodyLimit: Int = BodyLimitMiddleware.defaultLimit
) -> Router<MutualisRequestContext> {
    let router = Router(context: MutualisRequestContext.self)
    let metrics = ServiceMetrics(pool: pool)
    router.add(middleware: RequestObservationMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: BodyLimitMiddleware(limit: bodyLimit))
    HealthController(pool: pool).addRoutes(to: router)
    MetricsController(metrics: metrics).addRoutes(to: router)
    OpenAPIController().addRoutes(to: router)
    let tokens = TokenStore(pool: pool, cache: tokenCache)
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
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    return router
}
