import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// The pages of Mutualis, for the people of member organisations and for the coordination
/// (under `/coordination/`): French, server-rendered, usable without JavaScript, on the same
/// store as the API.
public struct Website: Sendable {
    let renderer: PageRenderer
    let accounts: AccountStore
    let bookings: BookingStore
    let resources: ResourceStore
    let members: MemberStore
    let runs: AllocationRunStore
    let tokens: TokenStore
    let users: UserStore
    let poles: PoleStore
    let categories: CategoryStore
    let allocationRules: AllocationRuleStore
    let costs: CostStore
    let reports: PoolingReportStore
    let commitments: CommitmentStore
    let waitlist: WaitlistStore
    let publicURL: PublicURL

    /// The pages over a database; fails when a template does not parse, so that a broken
    /// page stops the start rather than a visitor.
    public init(database: MutualisDatabase, publicURL: PublicURL, accounts: AccountStore? = nil) throws {
        renderer = try PageRenderer()
        self.accounts = accounts ?? AccountStore(database: database)
        bookings = BookingStore(database: database)
        resources = ResourceStore(database: database)
        members = MemberStore(database: database)
        runs = AllocationRunStore(database: database)
        tokens = TokenStore(database: database)
        users = UserStore(database: database)
        poles = PoleStore(database: database)
        categories = CategoryStore(database: database)
        allocationRules = AllocationRuleStore(database: database)
        costs = CostStore(database: database)
        reports = PoolingReportStore(database: database)
        commitments = CommitmentStore(database: database)
        waitlist = WaitlistStore(database: database)
        self.publicURL = publicURL
    }

    /// Adds the pages' routes, with the middleware that finds sessions and refuses cross-site posts.
    public func addRoutes<Context: WebRequestContext>(to router: Router<Context>) {
        // The stylesheet needs no session: no query is spent on it.
        router.get("/static/mutualis.css") { _, _ in Stylesheet.response }
        let pages = router.group()
            .add(middleware: PageErrorMiddleware<Context>(renderer: renderer))
            .add(middleware: SessionMiddleware<Context>(accounts: accounts))
            .add(middleware: CrossSiteGuard<Context>(publicURL: publicURL, renderer: renderer))
        pages.get("/accessibilite") { _, context in
            renderer.page(.accessibilite, AccessibilityPage(frame: frame(context, "Accessibilité")))
        }
        addSignInRoutes(to: pages)
        addHomeRoutes(to: pages)
        addResourceRoutes(to: pages)
        addBookingRoutes(to: pages)
        addStatementRoutes(to: pages)
        addAccountRoutes(to: pages)
        addFreeSlotRoutes(to: pages)
        addWaitlistRoutes(to: pages)
        addPublicPoolingRoutes(to: pages)
        let coordination = pages.group("coordination").add(middleware: CoordinatorGuard<Context>(renderer: renderer))
        addCoordinationHomeRoutes(to: coordination)
        addMemberRoutes(to: coordination)
        addCommitmentRoutes(to: coordination)
        addResourceAdminRoutes(to: coordination)
        addApprovalRoutes(to: coordination)
        addCostRoutes(to: coordination)
        addMonthCloseRoutes(to: coordination)
        addRunRoutes(to: coordination)
        addRunExportRoutes(to: coordination)
        addReportRoutes(to: coordination)
        addAttendanceRoutes(to: coordination)
    }
}
