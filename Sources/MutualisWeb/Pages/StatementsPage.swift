import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// The statements of the organisation: one per finalised run, each readable, printable and
/// downloadable as CSV.
struct StatementsPage: Sendable {
    struct Run: Sendable {
        var period: String
        var link: String
        var csv: String
    }

    var frame: Frame
    var memberChoice: Bool
    var members: [BookingFormPage.Option]
    var memberName: String?
    var runs: [Run]
}

/// One statement: what the organisation pays for each cost, and why.
struct StatementPage: Sendable {
    struct Charge: Sendable {
        var label: String
        var category: String
        var rule: String
        var basis: String
        var share: String
        var amount: String
    }

    struct Credit: Sendable {
        var label: String
        var amount: String
    }

    var frame: Frame
    var heading: String
    var memberName: String
    var period: String
    var charges: [Charge]
    var credits: [Credit]
    var hasCredits: Bool
    /// Late cancellations and no-shows of the period, whose time counts in the use.
    var counted: [String]
    var hasCounted: Bool
    var charged: String
    var credited: String
    var net: String
    var csv: String
    var csvScripts: String
}

extension Website {
    func addStatementRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/releves") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            let member = try await statementMember(session, request)
            var page = StatementsPage(
                frame: frame(context, "Relevés", section: "/releves"), memberChoice: session.principal.isCoordinator, members: [],
                memberName: nil, runs: [])
            if session.principal.isCoordinator {
                page.members = try await members.all(pole: session.principal.poleID).map {
                    .init(value: $0.id.description, label: $0.name, selected: $0.id == member?.id)
                }
            }
            if let member {
                page.memberName = member.name
                let runs = try await self.runs.list(pole: session.principal.poleID, page: try PageRequest(limit: PageRequest.maximumLimit))
                page.runs = runs.items.filter { $0.status == .finalized }.sorted { $0.period.start > $1.period.start }.map { run in
                    let query = session.principal.isCoordinator ? "?membre=\(member.id)" : ""
                    return StatementsPage.Run(
                        period: Sentences.period(run.period), link: "/releves/\(run.id)\(query)", csv: "/releves/\(run.id)/csv\(query)")
                }
            }
            return renderer.page(.releves, page)
        }
        router.get("/releves/:runId") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let statement = try await statement(session, request, context) else { return notFound(context) }
            return renderer.page(.releve, statementPage(statement, context, names: try await resourceNames(session)))
        }
        router.get("/releves/:runId/csv") { request, context -> Response in
            guard let session = context.webSession else { return signIn(request) }
            guard let statement = try await statement(session, request, context) else { return notFound(context) }
            let dialect = Forms.dialect(request)
            return .download(
                Array(try StatementRepresentation(statement).csv(dialect: dialect).utf8),
                filename: FileName.marked(FileName.statement(statement.run.run.period, member: statement.member.name), dialect))
        }
    }

    /// The member whose statements are shown: a member user's own; the one a coordinator chose.
    private func statementMember(_ session: WebSession, _ request: Request) async throws -> Member? {
        let id =
            session.principal.isCoordinator ? request.uri.queryParameters.get("membre").flatMap(MemberID.init) : session.principal.memberID
        guard let id else { return nil }
        do {
            return try await members.get(pole: session.principal.poleID, id)
        } catch StoreError.notFound {
            return nil
        }
    }

    /// A finalised run's statement for the member of the request, or nil when there is none to show.
    private func statement(_ session: WebSession, _ request: Request, _ context: some WebRequestContext) async throws -> MemberStatement? {
        guard let run = context.parameters.get("runId").flatMap(AllocationRunID.init),
            let member = try await statementMember(session, request)
        else { return nil }
        do {
            return try await runs.statement(pole: session.principal.poleID, run, member: member.id, finalizedOnly: true)
        } catch StoreError.notFound {
            return nil
        }
    }

    func statementPage(_ statement: MemberStatement, _ context: some WebRequestContext, names: [ResourceID: String] = [:]) -> StatementPage
    {
        let stored = statement.run
        let domain = stored.run.statement(for: statement.member.id)
        let period = Sentences.period(stored.run.period)
        let charges = domain.lines.compactMap { line -> StatementPage.Charge? in
            guard let shared = stored.cost(line.costID) else { return nil }
            return StatementPage.Charge(
                label: shared.cost.label, category: Sentences.category(shared.cost.category), rule: Sentences.allocation(shared.rule),
                basis: "\(FrenchFormat.decimal(line.basis, places: 2)) \(Sentences.basisUnit(shared.basisUnit))"
                    + (line.basisSetBy.map { $0 == .commitment ? " (votre engagement)" : " (votre utilisation)" } ?? ""),
                share: "\(FrenchFormat.decimal(line.share * 100, places: 2))\(FrenchFormat.narrowNoBreakSpace)%",
                amount: FrenchFormat.money(cents: line.amountCents))
        }
        let credits = domain.credits.compactMap { credit -> StatementPage.Credit? in
            guard let shared = stored.cost(credit.costID) else { return nil }
            return StatementPage.Credit(label: shared.cost.label, amount: FrenchFormat.money(cents: credit.amountCents))
        }
        let zone = context.webSession?.timeZone ?? .paris
        let counted = statement.countedBookings.map { booking in
            let what =
                booking.noShow
                ? "absence constatée, tout le temps compté"
                : booking.countedShare == 100
                    ? "annulation tardive, tout le temps compté" : "annulation tardive, \(booking.countedShare) % du temps compté"
            return
                "\(names[booking.resourceID] ?? "Ressource"), \(FrenchFormat.span(booking.range, in: zone)) : \(what), soit \(FrenchFormat.decimal(booking.countedUnitHours, places: 2)) heures-unités."
        }
        let query = context.webSession?.principal.isCoordinator == true ? "?membre=\(statement.member.id)" : ""
        return StatementPage(
            frame: frame(context, "Relevé de \(period)", section: "/releves"),
            heading: "Relevé de \(period)", memberName: statement.member.name, period: period, charges: charges, credits: credits,
            hasCredits: !credits.isEmpty, counted: counted, hasCounted: !counted.isEmpty,
            charged: FrenchFormat.money(cents: domain.chargedCents),
            credited: FrenchFormat.money(cents: domain.creditedCents), net: FrenchFormat.money(cents: domain.netCents),
            csv: "/releves/\(stored.run.id)/csv\(query)",
            csvScripts: "/releves/\(stored.run.id)/csv\(query.isEmpty ? "?" : query + "&")format=rfc4180")
    }
}
