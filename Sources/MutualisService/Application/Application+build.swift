import Hummingbird
import HummingbirdCore
import Logging
import MutualisRepresentations
import MutualisStore
import MutualisWeb
import ServiceLifecycle

/// Builds the Mutualis HTTP application: its routes, its database, and the services that stop them.
public func buildApplication(
    _ configuration: ServerConfiguration,
    logger: Logger = Logger(label: "mutualis")
) throws -> some ApplicationProtocol {
    let database = MutualisDatabase(
        address: configuration.database, connections: configuration.poolSize, limits: configuration.limits.database, logger: logger
    )
    let tokenCache = configuration.tokenCacheSeconds > 0 ? PrincipalCache(lifetime: .seconds(configuration.tokenCacheSeconds)) : nil
    var application = Application(
        router: try buildRouter(
            database: database, tokenCache: tokenCache, bodyLimit: configuration.limits.maxBodyBytes, publicURL: configuration.publicURL),
        server: httpServer(configuration.limits),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mutualis"),
        logger: logger
    )
    // Services stop in the reverse order: the listener first, the database's connections last.
    application.addServices(DatabaseService(database: database))
    if let tokenCache {
        application.addServices(
            AccessChangesService(listener: AccessChangesListener(database: database, cache: tokenCache, logger: logger)))
    }
    return application
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

/// The routes of the API and the pages over a database; also what the tests drive. With
/// `tokenCache`, callers are remembered while the cache is kept informed of changes
/// (``AccessChangesService``). Fails when a page's template does not parse.
public func buildRouter(
    database: MutualisDatabase, tokenCache: PrincipalCache? = nil, bodyLimit: Int = BodyLimitMiddleware.defaultLimit,
    publicURL: PublicURL = .local, accounts: AccountStore? = nil
) throws -> Router<MutualisRequestContext> {
    let router = Router(context: MutualisRequestContext.self)
    let metrics = ServiceMetrics(database: database)
    router.add(middleware: RequestObservationMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: BodyLimitMiddleware(limit: bodyLimit))
    HealthController(database: database).addRoutes(to: router)
    MetricsController(metrics: metrics).addRoutes(to: router)
    OpenAPIController(document: .embedded).addRoutes(to: router)
    let tokens = TokenStore(database: database, cache: tokenCache)
    let bookings = BookingStore(database: database)
    let api = router.group("api/v1").add(middleware: AuthenticationMiddleware(tokens: tokens))
    MemberController(members: MemberStore(database: database), categories: CategoryStore(database: database)).addRoutes(to: api)
    UserController(users: UserStore(database: database), tokens: tokens).addRoutes(to: api)
    ResourceController(resources: ResourceStore(database: database), bookings: bookings).addRoutes(to: api)
    BookingController(bookings: bookings, metrics: metrics).addRoutes(to: api)
    CalendarController(bookings: bookings).addRoutes(to: api)
    UsageController(usage: UsageStore(database: database)).addRoutes(to: api)
    CostController(costs: CostStore(database: database), rules: AllocationRuleStore(database: database)).addRoutes(to: api)
    AllocationRunController(runs: AllocationRunStore(database: database)).addRoutes(to: api)
    ReportController(reports: PoolingReportStore(database: database)).addRoutes(to: api)
    CommitmentController(commitments: CommitmentStore(database: database)).addRoutes(to: api)
    WaitlistController(waitlist: WaitlistStore(database: database)).addRoutes(to: api)
    try Website(database: database, publicURL: publicURL, accounts: accounts).addRoutes(to: router)
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    return router
}
