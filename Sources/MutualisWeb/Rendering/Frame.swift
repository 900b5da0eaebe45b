import MutualisStore

/// What every page shows around its own content: its title, the pole, the signed-in person,
/// the navigation, and a status message after an action.
struct Frame: Sendable {
    /// A link of the main navigation.
    struct NavItem: Sendable {
        var label: String
        var href: String
        var current: Bool
    }

    var title: String
    var poleName: String?
    var userName: String?
    var csrf: String
    var nav: [NavItem]
    /// The coordination's own sections, on its pages.
    var subnav: [NavItem] = []
    /// Mustache reads stored properties only.
    var hasSubnav = false
    var status: String?

    static let sections = [
        ("Accueil", "/"), ("Ressources", "/ressources"), ("Réserver", "/reserver"), ("Mes réservations", "/mes-reservations"),
        ("Relevés", "/releves"), ("Mon compte", "/compte"),
    ]

    /// The main navigation of a coordinator: the member pages, and the coordination.
    static let coordinatorSections = [
        ("Accueil", "/"), ("Ressources", "/ressources"), ("Réserver", "/reserver"), ("Coordination", "/coordination"),
        ("Relevés", "/releves"), ("Mon compte", "/compte"),
    ]

    /// The sections of the coordination.
    static let coordinationSections = [
        ("Tableau de bord", "/coordination"), ("Membres", "/coordination/membres"), ("Ressources", "/coordination/ressources"),
        ("Validations", "/coordination/validations"), ("Présences", "/coordination/presences"),
        ("Coûts", "/coordination/couts"),
        ("Clôture du mois", "/coordination/cloture"), ("Rapport de mutualisation", "/coordination/rapport"),
    ]
}

/// The frame of a page for the session of `context`, if any.
func frame(_ context: some WebRequestContext, _ title: String, section: String? = nil, status: String? = nil) -> Frame {
    let session = context.webSession
    let sections = session?.principal.isCoordinator == true ? Frame.coordinatorSections : Frame.sections
    return Frame(
        title: title, poleName: session?.poleName, userName: session?.userName, csrf: session?.csrfToken ?? "",
        nav: session == nil ? [] : sections.map { Frame.NavItem(label: $0.0, href: $0.1, current: $0.1 == section) },
        status: status)
}

/// The frame of a coordination page: the main navigation on "Coordination", and the
/// coordination's own sections with `section` current.
func coordinationFrame(_ context: some WebRequestContext, _ title: String, section: String, status: String? = nil) -> Frame {
    var frame = frame(context, title, section: "/coordination", status: status)
    frame.subnav = Frame.coordinationSections.map { Frame.NavItem(label: $0.0, href: $0.1, current: $0.1 == section) }
    frame.hasSubnav = true
    return frame
}
