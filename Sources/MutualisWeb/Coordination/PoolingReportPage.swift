import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// The pooling report for the region's file: charts, then the same figures as tables, its
/// CSV, and the publication of its public part.
struct PoolingReportPage: Sendable {
    struct ResourceRow: Sendable {
        var name: String
        var kind: String
        var bookings: String
        var booked: String
        var recorded: String
        var available: String
        var utilisation: String
        var served: String
    }

    /// Committed against used volume, and time counted without use, on one resource.
    struct PracticeRow: Sendable {
        var name: String
        var committed: String
        var used: String
        var lateCancellations: String
        var noShows: String
    }

    struct StaffRow: Sendable {
        var name: String
        var hours: String
        var source: String
        var fte: String
    }

    struct CostRow: Sendable {
        var category: String
        var pooled: String
        var allocated: String
        var unallocated: String
        var pending: String
        var credited: String
    }

    var frame: Frame
    var csrf: String
    var from: String
    var lastDay: String
    var error: String?
    var figures: PoolingFigures
    var resourceChart: String
    var resources: [ResourceRow]
    var practices: [PracticeRow]
    var hasPractices: Bool
    var staff: [StaffRow]
    var costs: [CostRow]
    var csv: String
    var csvScripts: String
    var published: String?
    var publicLink: String
    var isThisPeriodPublished: Bool
}

/// The period of a report: its first day and its last day included.
struct ReportPeriodForm: TokenCarrying {
    var csrf: String?
    var du: String?
    var au: String?
}

extension Website {
    func addReportRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/rapport") { request, context -> Response in
            let query = request.uri.queryParameters
            let form = ReportPeriodForm(csrf: nil, du: query.get("du"), au: query.get("au"))
            let status: String? =
                query.get("publie") != nil
                ? "La page publique montre désormais cette période." : (query.get("retire") != nil ? "La page publique est retirée." : nil)
            return try await reportPage(context, form: form, status: status)
        }
        router.get("/rapport.csv") { request, context -> Response in
            let session = context.webSession!
            let query = request.uri.queryParameters
            guard case .success(let period) = reportPeriod(ReportPeriodForm(csrf: nil, du: query.get("du"), au: query.get("au")), session)
            else { return notFound(context) }
            let dialect = Forms.dialect(request)
            let report = try await reports.report(pole: session.principal.poleID, period: period)
            let name = "rapport-mutualisation-\(FileName.period(period))-\(FileName.slug(session.poleName)).csv"
            return .download(
                Array(try PoolingReportRepresentation(report).csv(dialect: dialect).utf8), filename: FileName.marked(name, dialect))
        }
        router.post("/rapport/publier") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(ReportPeriodForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard case .success(let period) = reportPeriod(form, session) else {
                return try await reportPage(context, form: form, status: nil, httpStatus: .unprocessableContent)
            }
            _ = try await poles.publish(session.principal.poleID, period: period, actor: session.principal.actor)
            return .redirect(to: "/coordination/rapport?du=\(period.start)&au=\(period.end.adding(days: -1))&publie=1")
        }
        router.post("/rapport/retirer") { request, context -> Response in
            let session = context.webSession!
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            _ = try await poles.publish(session.principal.poleID, period: nil, actor: session.principal.actor)
            return .redirect(to: "/coordination/rapport?retire=1")
        }
    }

    /// The period of a report form: last month when it gives no date.
    private func reportPeriod(_ form: ReportPeriodForm, _ session: WebSession) -> Result<DatePeriod, PeriodRefusal> {
        if Forms.line(form.du, limit: 10).isEmpty && Forms.line(form.au, limit: 10).isEmpty { return .success(session.lastMonth) }
        switch Forms.days(first: form.du, last: form.au) {
        case .failure(.unreadable):
            return .failure(PeriodRefusal("Indiquez le premier et le dernier jour, au format JJ/MM/AAAA."))
        case .success(let period) where period.lengthProblem(field: "au") == nil:
            return .success(period)
        case .success, .failure(.backwards):
            return .failure(PeriodRefusal("Le dernier jour doit suivre le premier, et la période ne pas dépasser la longueur permise."))
        }
    }

    private func reportPage(
        _ context: some WebRequestContext, form: ReportPeriodForm, status: String?, httpStatus: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = context.webSession!
        var error: String?
        let period: DatePeriod
        switch reportPeriod(form, session) {
        case .success(let chosen): period = chosen
        case .failure(let refusal):
            error = refusal.message
            period = session.lastMonth
        }
        let report = try await reports.report(pole: session.principal.poleID, period: period)
        let pole = try await poles.get(session.principal.poleID)
        let hours = { (value: Double) in FrenchFormat.decimal(value, places: 1) }
        let percent = { (value: Double?) in value.map { "\(FrenchFormat.decimal($0, places: 1))\(FrenchFormat.narrowNoBreakSpace)%" } ?? "—"
        }
        let practices = report.resources.filter { $0.commitment != nil || $0.lateCancellationHours > 0 || $0.noShowHours > 0 }.map { use in
            PoolingReportPage.PracticeRow(
                name: use.resource.name,
                committed: use.commitment.map { "\(hours($0.committed)) \(Sentences.usageUnit($0.unit))" } ?? "—",
                used: use.commitment.map { "\(hours($0.used)) \(Sentences.usageUnit($0.unit))" } ?? "—",
                lateCancellations: hours(use.lateCancellationHours), noShows: hours(use.noShowHours))
        }
        let query = "du=\(period.start)&au=\(period.end.adding(days: -1))"
        return renderer.page(
            .rapport,
            PoolingReportPage(
                frame: coordinationFrame(
                    context, "Rapport de mutualisation, \(Sentences.period(period))", section: "/coordination/rapport", status: status),
                csrf: session.csrfToken, from: period.start.description, lastDay: period.end.adding(days: -1).description, error: error,
                figures: PoolingFigures(report),
                resourceChart: BarChart(
                    id: "graphique-ressources", title: "Taux d’occupation par ressource, \(Sentences.period(period))",
                    description: report.resources.map { "\($0.resource.name) \(percent($0.utilisationPercent))" }.joined(separator: ", ")
                        + ".",
                    bars: report.resources.map {
                        .init(label: $0.resource.name, value: $0.utilisationPercent ?? 0, valueText: percent($0.utilisationPercent))
                    }, scale: 100
                ).svg,
                resources: report.resources.map { use in
                    PoolingReportPage.ResourceRow(
                        name: use.resource.name, kind: Sentences.kind(use.resource.kind), bookings: String(use.bookings),
                        booked: hours(use.bookedHours), recorded: use.recordedHours.map(hours) ?? "—", available: hours(use.availableHours),
                        utilisation: percent(use.utilisationPercent), served: String(use.membersServed))
                },
                practices: practices, hasPractices: !practices.isEmpty,
                staff: report.staff.map { person in
                    PoolingReportPage.StaffRow(
                        name: person.resource.name, hours: hours(person.hours),
                        source: person.recordedHours == nil ? "réservations" : "feuilles de temps",
                        fte: FrenchFormat.decimal(person.fullTimeEquivalent, places: 3))
                },
                costs: report.costs.map { category in
                    PoolingReportPage.CostRow(
                        category: Sentences.category(category.category).capitalizedFirst,
                        pooled: FrenchFormat.money(cents: category.pooledCents),
                        allocated: FrenchFormat.money(cents: category.allocatedCents),
                        unallocated: FrenchFormat.money(cents: category.unallocatedCents),
                        pending: FrenchFormat.money(cents: category.notFinalizedCents),
                        credited: FrenchFormat.money(cents: category.creditedCents))
                },
                csv: "/coordination/rapport.csv?\(query)", csvScripts: "/coordination/rapport.csv?\(query)&format=rfc4180",
                published: pole.publication.map(Sentences.period), publicLink: "/pole/\(pole.id)/mutualisation",
                isThisPeriodPublished: pole.publication == period),
            status: httpStatus)
    }
}
