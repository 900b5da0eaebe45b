import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// A booking as pages list it: every string ready to show.
struct BookingLine: Sendable {
    var id: String
    var resource: String
    var when: String
    var quantity: String?
    var status: String
    var note: String?
    var cancellable: Bool
}

/// The home page: the organisation's next bookings and this month's use.
struct HomePage: Sendable {
    var frame: Frame
    var heading: String
    var upcoming: [BookingLine]
    var monthUse: String
    /// The latest finalised statement of the organisation, if any.
    var statement: StatementLink?
    /// What the organisation has not read yet: waiting requests booked.
    var notices: [String]
    var hasNotices: Bool

    struct StatementLink: Sendable {
        var label: String
        var link: String
    }
}

extension Website {
    func addHomeRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let zone = session.timeZone
            let now = Date()
            let names = try await resourceNames(session)
            let upcoming = try await bookings.list(
                scope: BookingScope(session.principal), filter: BookingFilter(from: now), page: try PageRequest(limit: 50)
            ).items.filter { $0.status == .confirmed || $0.status == .pending }.prefix(5)
            let month = zone.range(of: DatePeriod.month(of: zone.date(of: now)))
            let thisMonth = try await bookings.list(
                scope: BookingScope(session.principal), filter: BookingFilter(from: month.start, to: month.end),
                page: try PageRequest(limit: PageRequest.maximumLimit)
            ).items.filter { $0.status == .confirmed }
            let hours = thisMonth.reduce(0.0) { $0 + ($1.range.intersection(month)?.duration ?? 0) * Double($1.quantity) } / 3_600
            var statement: HomePage.StatementLink?
            if !session.principal.isCoordinator,
                let latest = try await runs.list(pole: session.principal.poleID, page: try PageRequest(limit: PageRequest.maximumLimit))
                    .items.filter({ $0.status == .finalized }).max(by: { $0.period.start < $1.period.start })
            {
                statement = .init(label: "Relevé de \(Sentences.period(latest.period))", link: "/releves/\(latest.id)")
            }
            var notices: [String] = []
            if let member = session.principal.memberID {
                notices = try await waitlist.notifications(pole: session.principal.poleID, member: member, unreadOnly: true, limit: 5)
                    .map { Self.notice($0, names: names, zone: zone) }
            }
            return renderer.page(
                .accueil,
                HomePage(
                    frame: frame(context, "Accueil", section: "/"),
                    heading: "Bonjour \(session.userName)",
                    upcoming: upcoming.map { line($0, names: names, zone: zone, now: now) },
                    monthUse:
                        "\(FrenchFormat.count(thisMonth.count, "réservation confirmée", "réservations confirmées")) en \(FrenchFormat.month(zone.date(of: now))), soit \(FrenchFormat.decimal(hours, places: 1)) heures-unités.",
                    statement: statement, notices: notices, hasNotices: !notices.isEmpty
                ))
        }
    }

    /// Where a visitor without a session is sent: the sign-in page, back here afterwards.
    func signIn(_ request: Request) -> Response {
        signInRedirect(request)
    }

    /// The names of the pole's resources, by id.
    func resourceNames(_ session: WebSession) async throws -> [ResourceID: String] {
        Dictionary(uniqueKeysWithValues: try await resources.all(pole: session.principal.poleID).map { ($0.id, $0.name) })
    }

    /// The names of the pole's members, by id.
    func memberNames(_ session: WebSession) async throws -> [MemberID: String] {
        Dictionary(uniqueKeysWithValues: try await members.all(pole: session.principal.poleID).map { ($0.id, $0.name) })
    }

    /// A booking as a line of a list.
    func line(_ booking: Booking, names: [ResourceID: String], zone: PoleTimeZone, now: Date) -> BookingLine {
        BookingLine(
            id: booking.id.description,
            resource: names[booking.resourceID] ?? "Ressource",
            when: FrenchFormat.span(booking.range, in: zone),
            quantity: booking.quantity > 1 ? FrenchFormat.count(booking.quantity, "unité", "unités") : nil,
            status: Self.statusText(booking),
            note: booking.note.isEmpty ? nil : booking.note,
            cancellable: (booking.status == .confirmed || booking.status == .pending) && booking.range.end > now
        )
    }

    static func statusText(_ booking: Booking) -> String {
        switch booking.status {
        case .pending: "En attente de l’accord de la coordination"
        case .confirmed: booking.noShow ? "Absence constatée (tout le temps compté)" : "Confirmée"
        case .rejected: booking.decisionReason.isEmpty ? "Refusée" : "Refusée : \(booking.decisionReason)"
        case .cancelled:
            !booking.lateCancellation
                ? "Annulée"
                : booking.countedPercent == 100
                    ? "Annulée tardivement (tout le temps compté)" : "Annulée tardivement (\(booking.countedPercent) % du temps compté)"
        }
    }
}
