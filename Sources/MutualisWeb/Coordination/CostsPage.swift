import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The costs of a month, by resource, and the form that records one with its amount typed
/// the French way.
struct CostsPage: Sendable {
    struct Row: Sendable {
        var label: String
        var scope: String
        var category: String
        var period: String
        var amount: String
        var locked: Bool
    }

    var frame: Frame
    var csrf: String
    var month: String
    var monthValue: String
    var previous: String
    var next: String
    var rows: [Row]
    var total: String
    var resources: [BookingFormPage.Option]
    var categories: [BookingFormPage.Option]
    var label: String
    var amount: String
    var periodStart: String
    var lastDay: String
    var errors: [FieldMessage]
    var hasErrors: Bool
    var labelError: String?
    var amountError: String?
    var categoryError: String?
    var resourceError: String?
    var periodError: String?
}

/// What the cost form sends; the period's last day is included, as people say it.
struct CostForm: TokenCarrying {
    var csrf: String?
    var label: String?
    var category: String?
    var amount: String?
    var resourceId: String?
    var periodStart: String?
    var lastDay: String?
}

extension Website {
    func addCostRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/couts") { request, context -> Response in
            let month = Forms.month(request.uri.queryParameters.get("mois"))
            let status = request.uri.queryParameters.get("ajoute") != nil ? "Le coût est enregistré." : nil
            return try await costsPage(context, month: month, form: nil, errors: [], status: status)
        }
        router.post("/couts") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(CostForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            var errors: [FieldMessage] = []
            // One character over the limit, so that a label too long is refused rather than cut.
            let label = Forms.line(form.label, limit: TextInput.nameLength + 1)
            if label.isEmpty {
                errors.append(.init(field: "label", message: "Indiquez le libellé du coût, par exemple « Loyer de novembre »."))
            }
            let category = Cost.Category(rawValue: Forms.line(form.category, limit: 20))
            if category == nil { errors.append(.init(field: "category", message: "Choisissez la nature du coût.")) }
            var cents: Int?
            switch AmountText.cents(Forms.line(form.amount, limit: 40)) {
            case .success(let value): cents = value
            case .failure(.empty): errors.append(.init(field: "amount", message: "Indiquez le montant, par exemple 1 234,56."))
            case .failure(.malformed):
                errors.append(
                    .init(field: "amount", message: "Le montant doit s’écrire comme 1 234,56 ou 1234.56 (euros, deux décimales au plus)."))
            case .failure(.tooLarge): errors.append(.init(field: "amount", message: "Le montant dépasse 10 milliards d’euros."))
            }
            let resourceText = Forms.line(form.resourceId, limit: 40)
            var resource: ResourceID?
            if !resourceText.isEmpty {
                resource = ResourceID(resourceText)
                if resource == nil { errors.append(.init(field: "resourceId", message: "Choisissez une ressource de la liste.")) }
            }
            var period: DatePeriod?
            switch Forms.days(first: form.periodStart, last: form.lastDay) {
            case .success(let days): period = days
            case .failure(.backwards): errors.append(.init(field: "periodStart", message: "Le dernier jour doit suivre le premier."))
            case .failure(.unreadable):
                errors.append(
                    .init(field: "periodStart", message: "Indiquez le premier et le dernier jour de la période, au format JJ/MM/AAAA."))
            }
            let month = period?.start.firstOfMonth
            guard errors.isEmpty, let category, let cents, let period else {
                return try await costsPage(
                    context, month: month, form: form, errors: errors, status: nil, httpStatus: .unprocessableContent)
            }
            do {
                _ = try await costs.create(
                    pole: session.principal.poleID,
                    CostInput(resourceID: resource, period: period, amountCents: cents, category: category, label: label),
                    actor: session.principal.actor)
            } catch StoreError.invalid(let fields) {
                let errors = fields.map { field in
                    FieldMessage(field: Self.costFormField(field.field), message: "Le coût n’est pas enregistré : \(field.message).")
                }
                return try await costsPage(
                    context, month: month, form: form, errors: errors, status: nil, httpStatus: .unprocessableContent)
            }
            return .redirect(to: "/coordination/couts?mois=\(Forms.monthValue(period.start))&ajoute=1")
        }
    }

    /// The form field that holds what the store names `field`.
    static func costFormField(_ field: String) -> String {
        switch field {
        case "amountCents": "amount"
        case "label": "label"
        case "resourceId": "resourceId"
        case "category": "category"
        default: "periodStart"
        }
    }

    private func costsPage(
        _ context: some WebRequestContext, month: LocalDate?, form: CostForm?, errors: [FieldMessage], status: String?,
        httpStatus: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let session = context.webSession!
        let period = month.map(DatePeriod.month(of:)) ?? session.lastMonth
        let month = period.start
        let resources = try await self.resources.all(pole: session.principal.poleID)
        let names = Dictionary(uniqueKeysWithValues: resources.map { ($0.id, $0.name) })
        let ledger = try await costs.ledger(pole: session.principal.poleID, meeting: period)
        let chosenResource = form?.resourceId ?? ""
        let chosenCategory = form?.category ?? ""
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        return renderer.page(
            .couts,
            CostsPage(
                frame: coordinationFrame(context, "Coûts de \(FrenchFormat.month(month))", section: "/coordination/couts", status: status),
                csrf: session.csrfToken, month: FrenchFormat.month(month), monthValue: Forms.monthValue(month),
                previous: "/coordination/couts?mois=\(Forms.monthValue(month.adding(months: -1)!))",
                next: "/coordination/couts?mois=\(Forms.monthValue(month.adding(months: 1)!))",
                rows: ledger.map { cost, locked in
                    CostsPage.Row(
                        label: cost.label, scope: cost.resourceID.map { names[$0] ?? "Ressource" } ?? "Tout le pôle",
                        category: Sentences.category(cost.category), period: Sentences.period(cost.period),
                        amount: FrenchFormat.money(cents: cost.amountCents), locked: locked)
                },
                total: FrenchFormat.money(cents: ledger.reduce(0) { $0 + $1.cost.amountCents }),
                resources: [BookingFormPage.Option(value: "", label: "Tout le pôle", selected: chosenResource.isEmpty)]
                    + resources.map { .init(value: $0.id.description, label: $0.name, selected: $0.id.description == chosenResource) },
                categories: Cost.Category.allCases.map {
                    .init(value: $0.rawValue, label: Sentences.category($0).capitalizedFirst, selected: $0.rawValue == chosenCategory)
                },
                label: Forms.line(form?.label, limit: 200), amount: Forms.line(form?.amount, limit: 40),
                periodStart: form.map { Forms.line($0.periodStart, limit: 10) } ?? period.start.description,
                lastDay: form.map { Forms.line($0.lastDay, limit: 10) } ?? period.end.adding(days: -1).description,
                errors: errors, hasErrors: !errors.isEmpty, labelError: error("label"), amountError: error("amount"),
                categoryError: error("category"),
                resourceError: error("resourceId"), periodError: error("periodStart")),
            status: httpStatus)
    }
}
