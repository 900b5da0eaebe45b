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
    var status: String?

    static let sections = [
        ("Accueil", "/"), ("Ressources", "/ressources"), ("Réserver", "/reserver"), ("Mes réservations", "/mes-reservations"),
        ("Relevés", "/releves"), ("Mon compte", "/compte"),
    ]
}

/// The frame of a page for the session of `context`, if any.
func frame(_ context: some WebRequestContext, _ title: String, section: String? = nil, status: String? = nil) -> Frame {
    let session = context.webSession
    return Frame(
        title: title, poleName: session?.poleName, userName: session?.userName, csrf: session?.csrfToken ?? "",
        nav: session == nil ? [] : Frame.sections.map { Frame.NavItem(label: $0.0, href: $0.1, current: $0.1 == section) },
        status: status)
}
