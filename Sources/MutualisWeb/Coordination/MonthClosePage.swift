import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The month's close, first step: the period to close, and the runs made so far.
struct MonthClosePage: Sendable {
    struct Month: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Run: Sendable {
        var period: String
        var state: String
        var total: String
        var link: String
        var created: String
    }

    var frame: Frame
    var csrf: String
    var months: [Month]
    var error: String?
    var start: String
    var end: String
    var runs: [Run]
}

/// The form that chooses the period: a month, or two dates that win over it.
struct PeriodForm: TokenCarrying {
    var csrf: String?
    var mois: String?
    var du: String?
    var au: String?
}

extension Website {
    func addMonthCloseRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/cloture") { _, context -> Response in
            try await monthClosePage(context, error: nil, form: nil)
        }
        router.post("/cloture") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(PeriodForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            let period: DatePeriod
            switch Self.period(form) {
            case .success(let chosen): period = chosen
            case .failure(let message): return try await monthClosePage(context, error: message, form: form, status: .unprocessableContent)
            }
            do {
                let run = try await runs.draft(pole: session.principal.poleID, period: period, actor: session.principal.actor)
                return .redirect(to: "/coordination/cloture/\(run.run.id)")
            } catch StoreError.invalid(let fields) {
                let message =
                    fields.first?.field == "periodEnd"
                    ? "une répartition couvre dix ans au plus"
                    : "un coût ne peut pas être partagé par sa règle (\(fields.first?.message ?? "règle inapplicable"))"
                return try await monthClosePage(
                    context, error: PeriodRefusal("La répartition n’a pas pu être calculée : \(message)."), form: form,
                    status: .unprocessableContent)
            }
        }
    }

    /// The period a form chose: its two dates if both are given, else its month.
    static func period(_ form: PeriodForm) -> Result<DatePeriod, PeriodRefusal> {
        if !Forms.line(form.du, limit: 10).isEmpty || !Forms.line(form.au, limit: 10).isEmpty {
            return Forms.days(first: form.du, last: form.au).mapError { refusal in
                switch refusal {
                case .unreadable: PeriodRefusal("Indiquez les deux dates de la période, au format JJ/MM/AAAA.")
                case .backwards: PeriodRefusal("La date de fin doit suivre la date de début.")
                }
            }
        }
        guard let month = Forms.month(form.mois) else { return .failure(PeriodRefusal("Choisissez un mois.")) }
        return .success(.month(of: month))
    }

    private func monthClosePage(
        _ context: some WebRequestContext, error: PeriodRefusal?, form: PeriodForm?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = context.webSession!
        let today = session.timeZone.date(of: Date())
        let chosen = form?.mois ?? Forms.monthValue(session.lastMonth.start)
        let months = (0..<13).map { offset -> MonthClosePage.Month in
            let month = today.firstOfMonth.adding(months: -offset)!
            let value = Forms.monthValue(month)
            return .init(value: value, label: FrenchFormat.month(month).capitalizedFirst, selected: value == chosen)
        }
        let summaries = try await runs.all(pole: session.principal.poleID)
        let history = summaries.map { run in
            MonthClosePage.Run(
                period: Sentences.period(run.period).capitalizedFirst,
                state: run.status == .finalized ? "finalisée" : "brouillon", total: FrenchFormat.money(cents: run.totalCents),
                link: "/coordination/cloture/\(run.id)", created: FrenchFormat.date(session.timeZone.date(of: run.createdAt)))
        }
        return renderer.page(
            .cloture,
            MonthClosePage(
                frame: coordinationFrame(context, "Clôture du mois", section: "/coordination/cloture"), csrf: session.csrfToken,
                months: months, error: error?.message, start: Forms.line(form?.du, limit: 10), end: Forms.line(form?.au, limit: 10),
                runs: history),
            status: status)
    }
}

/// Why a chosen period is refused, in words for the page.
struct PeriodRefusal: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}

extension String {
    /// The text with its first letter in upper case: `Novembre 2026`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
