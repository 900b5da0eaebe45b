import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The pole's resources as the coordination manages them.
struct ResourceListPage: Sendable {
    struct Row: Sendable {
        var name: String
        var link: String
        var kind: String
        var units: String
        var owner: String
        var rule: String
    }

    var frame: Frame
    var rows: [Row]
}

/// One resource's form: what it is, its rules in plain fields, then (once it exists) its
/// blackouts and its allocation rules over time.
struct ResourceFormPage: Sendable {
    struct Day: Sendable {
        var field: String
        var label: String
        var value: String
        var error: String?
    }

    struct Blackout: Sendable {
        var id: String
        var when: String
        var reason: String
    }

    struct Committed: Sendable {
        var member: String
        var volume: String
        var term: String
    }

    struct DatedRule: Sendable {
        var from: String
        var rule: String
    }

    var frame: Frame
    var csrf: String
    var heading: String
    var action: String
    var isNew: Bool
    var errors: [FieldMessage]
    var hasErrors: Bool
    var name: String
    var kinds: [BookingFormPage.Option]
    var units: String
    var owners: [BookingFormPage.Option]
    var alwaysOpen: Bool
    var days: [Day]
    var slotMinutes: String
    var minDurationMinutes: String
    var maxDurationMinutes: String
    var minNoticeHours: String
    var maxHorizonDays: String
    var bufferMinutes: String
    var approvalRequired: Bool
    var cancellationTiers: String
    var monthlyQuotaHours: String
    var rulesInWords: [String]
    var nameError: String?
    var unitsError: String?
    var hoursError: String?
    var numbersError: String?
    var blackouts: [Blackout]
    var commitments: [Committed]
    var blackoutAction: String
    var blackoutError: String?
    var rules: [DatedRule]
    var ruleAction: String
    var methods: [BookingFormPage.Option]
    var ruleError: String?
}

/// What the resource form sends; durations in the units people count them in.
struct ResourceForm: TokenCarrying {
    var csrf: String?
    var name: String?
    var kind: String?
    var units: String?
    var ownerMemberId: String?
    var alwaysOpen: String?
    var monday: String?
    var tuesday: String?
    var wednesday: String?
    var thursday: String?
    var friday: String?
    var saturday: String?
    var sunday: String?
    var slotMinutes: String?
    var minDurationMinutes: String?
    var maxDurationMinutes: String?
    var minNoticeHours: String?
    var maxHorizonDays: String?
    var bufferMinutes: String?
    var approvalRequired: String?
    var cancellationTiers: String?
    var monthlyQuotaHours: String?

    /// The text typed for a day's hours.
    func hours(_ day: Weekday) -> String? {
        switch day {
        case .monday: monday
        case .tuesday: tuesday
        case .wednesday: wednesday
        case .thursday: thursday
        case .friday: friday
        case .saturday: saturday
        case .sunday: sunday
        }
    }
}

/// A blackout: from a day and time to another, and why.
struct BlackoutForm: TokenCarrying {
    var csrf: String?
    var startDate: String?
    var startTime: String?
    var endDate: String?
    var endTime: String?
    var reason: String?
}

/// A new allocation rule and the day it applies from.
struct AllocationRuleForm: TokenCarrying {
    var csrf: String?
    var rule: String?
    var effectiveFrom: String?
}

extension Website {
    /// The rules a coordinator picks from; fixed percentages are set through the API or the CLI.
    static let ruleChoices: [(String, AllocationRule)] = [
        ("usage-booked", AllocationRule(method: .usage)),
        ("usage-booked-absorb", AllocationRule(method: .usage, idle: .absorb)),
        ("usage-booked-commitment", AllocationRule(method: .usage, floor: .commitment)),
        ("usage-actual", AllocationRule(method: .usage, basis: .actual)),
        ("usage-actual-commitment", AllocationRule(method: .usage, basis: .actual, floor: .commitment)),
        ("equal", AllocationRule(method: .equal)),
        ("weighted-headcount", AllocationRule(method: .weighted, weight: .headcount)),
        ("weighted-budget", AllocationRule(method: .weighted, weight: .budget)),
        ("hybrid-40-headcount-booked", AllocationRule(method: .hybrid, fixedPart: 0.4, fixedKey: .headcount)),
        ("hybrid-40-headcount-actual", AllocationRule(method: .hybrid, basis: .actual, fixedPart: 0.4, fixedKey: .headcount)),
    ]

    func addResourceAdminRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/ressources") { request, context -> Response in
            let session = context.webSession!
            let pole = session.principal.poleID
            let names = try await memberNames(session)
            let ruleStore = allocationRules
            var rows: [ResourceListPage.Row] = []
            for resource in try await resources.all(pole: pole) {
                let rule = try await ruleStore.rule(pole: pole, resource: resource.id, on: nil)
                rows.append(
                    .init(
                        name: resource.name, link: "/coordination/ressources/\(resource.id)", kind: Sentences.kind(resource.kind),
                        units: String(resource.units), owner: resource.ownerMemberID.flatMap { names[$0] } ?? "le pôle",
                        rule: Sentences.allocation(rule.rule).capitalizedFirst))
            }
            let status = request.uri.queryParameters.get("enregistree") != nil ? "La ressource est enregistrée." : nil
            return renderer.page(
                .ressourcesCoordination,
                ResourceListPage(
                    frame: coordinationFrame(context, "Ressources", section: "/coordination/ressources", status: status), rows: rows))
        }
        router.get("/ressources/nouvelle") { _, context -> Response in
            renderer.page(.ressource, try await resourceFormPage(context, resource: nil, form: nil, errors: []))
        }
        router.post("/ressources") { request, context -> Response in
            try await saveResource(request, context, existing: nil)
        }
        router.get("/ressources/:resourceId") { request, context -> Response in
            guard let resource = try await pathResource(context) else { return notFound(context) }
            let query = request.uri.queryParameters
            let status: String? =
                if query.get("enregistree") != nil { "La ressource est enregistrée." } else if query.get("fermeture") != nil {
                    "La fermeture est enregistrée."
                } else if query.get("fermeture-retiree") != nil {
                    "La fermeture est retirée ; les demandes en liste d’attente qui tenaient dans ses créneaux sont réservées."
                } else if query.get("regle") != nil { "La règle de répartition est enregistrée." } else { nil }
            return renderer.page(.ressource, try await resourceFormPage(context, resource: resource, form: nil, errors: [], status: status))
        }
        router.post("/ressources/:resourceId") { request, context -> Response in
            guard let resource = try await pathResource(context) else { return notFound(context) }
            return try await saveResource(request, context, existing: resource)
        }
        router.post("/ressources/:resourceId/fermetures") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(BlackoutForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let resource = try await pathResource(context) else { return notFound(context) }
            let zone = session.timeZone
            guard let startDay = Forms.date(form.startDate), let endDay = Forms.date(form.endDate),
                let startTime = TypedHours.time(
                    Forms.line(form.startTime, limit: 10).isEmpty ? "0:00" : Forms.line(form.startTime, limit: 10)),
                let endTime = TypedHours.time(Forms.line(form.endTime, limit: 10).isEmpty ? "24:00" : Forms.line(form.endTime, limit: 10)),
                let range = TimeRange(
                    start: zone.instant(LocalDateTime(startDay, startTime)),
                    end: zone.instant(
                        endTime == .endOfDay ? LocalDateTime(endDay.adding(days: 1), .midnight) : LocalDateTime(endDay, endTime)))
            else {
                var page = try await resourceFormPage(context, resource: resource, form: nil, errors: [])
                page.blackoutError = "Indiquez le début et la fin de la fermeture (dates JJ/MM/AAAA, heures 8:00), la fin après le début."
                return renderer.page(.ressource, page, status: .unprocessableContent)
            }
            do {
                try await resources.addBlackout(
                    pole: session.principal.poleID, resource.id, range: range, reason: Forms.line(form.reason, limit: 500),
                    actor: session.principal.actor)
            } catch StoreError.invalid {
                var page = try await resourceFormPage(context, resource: resource, form: nil, errors: [])
                page.blackoutError = "La fermeture doit tenir dans les années acceptées et son motif en 500 caractères."
                return renderer.page(.ressource, page, status: .unprocessableContent)
            }
            return .redirect(to: "/coordination/ressources/\(resource.id)?fermeture=1#fermetures")
        }
        router.post("/ressources/:resourceId/fermetures/:blackoutId/retirer") { request, context -> Response in
            let session = context.webSession!
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let resource = context.parameters.get("resourceId").flatMap(ResourceID.init),
                let blackout = context.parameters.get("blackoutId").flatMap(BlackoutID.init)
            else { return notFound(context) }
            do {
                try await resources.removeBlackout(pole: session.principal.poleID, resource, blackout, actor: session.principal.actor)
            } catch StoreError.notFound {
                return notFound(context)
            }
            return .redirect(to: "/coordination/ressources/\(resource)?fermeture-retiree=1#fermetures")
        }
        router.post("/ressources/:resourceId/regle") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(AllocationRuleForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let resource = try await pathResource(context) else { return notFound(context) }
            let choice = Self.ruleChoices.first { $0.0 == Forms.line(form.rule, limit: 40) }?.1
            let fromText = Forms.line(form.effectiveFrom, limit: 10)
            let from = Forms.date(fromText)
            guard let choice, fromText.isEmpty || from != nil else {
                var page = try await resourceFormPage(context, resource: resource, form: nil, errors: [])
                page.ruleError = "Choisissez une règle, et une date d’effet au format JJ/MM/AAAA (ou aucune pour toujours)."
                return renderer.page(.ressource, page, status: .unprocessableContent)
            }
            _ = try await allocationRules.set(
                pole: session.principal.poleID, resource: resource.id, rule: choice, effectiveFrom: from, actor: session.principal.actor)
            return .redirect(to: "/coordination/ressources/\(resource.id)?regle=1#repartition")
        }
    }

    private func pathResource(_ context: some WebRequestContext) async throws -> Resource? {
        guard let id = context.parameters.get("resourceId").flatMap(ResourceID.init) else { return nil }
        return try? await resources.get(pole: context.webSession!.principal.poleID, id)
    }

    /// Reads the resource form into an input, or says in French what is wrong with it.
    static func resourceInput(_ form: ResourceForm) -> (ResourceInput?, [FieldMessage]) {
        var errors: [FieldMessage] = []
        let kind = Resource.Kind(rawValue: Forms.line(form.kind, limit: 20))
        if kind == nil { errors.append(.init(field: "kind", message: "Choisissez le type de ressource.")) }
        let unitsText = Forms.line(form.units, limit: 10)
        let units = unitsText.isEmpty ? 1 : Int(unitsText)
        if units == nil { errors.append(.init(field: "units", message: "Le nombre d’unités est un nombre entier, 1 par défaut.")) }
        var rules = ResourceRules()
        if form.alwaysOpen == nil {
            var days: [Weekday: [WeeklySchedule.Hours]] = [:]
            for day in Weekday.allCases {
                guard let hours = TypedHours.read(Forms.line(form.hours(day), limit: 100)) else {
                    errors.append(
                        .init(
                            field: String(describing: day),
                            message: "Les horaires du \(FrenchFormat.weekdays[day.isoNumber - 1]) s’écrivent 8:00-12:00, 14:00-18:00."))
                    continue
                }
                if !hours.isEmpty { days[day] = hours }
            }
            rules.openingHours = WeeklySchedule(days)
        }
        func whole(_ text: String?, _ field: String, _ label: String) -> Int? {
            let text = Forms.line(text, limit: 12)
            guard !text.isEmpty else { return nil }
            guard let value = Int(text), value >= 0 else {
                errors.append(.init(field: field, message: "\(label) est un nombre entier positif."))
                return nil
            }
            return value
        }
        func hoursAsMinutes(_ text: String?, _ field: String, _ label: String) -> Int? {
            let text = Forms.line(text, limit: 12)
            guard !text.isEmpty else { return nil }
            guard case .success(let hundredths) = AmountText.cents(text, limit: InputBounds.maxRuleMinutes * 100 / 60) else {
                errors.append(.init(field: field, message: "\(label) s’écrit en heures, par exemple 48 ou 1,5."))
                return nil
            }
            return (hundredths * 60 + 50) / 100
        }
        rules.slotMinutes = whole(form.slotMinutes, "slotMinutes", "Le pas des créneaux")
        rules.minDurationMinutes = whole(form.minDurationMinutes, "minDurationMinutes", "La durée minimale")
        rules.maxDurationMinutes = whole(form.maxDurationMinutes, "maxDurationMinutes", "La durée maximale")
        rules.minNoticeMinutes = hoursAsMinutes(form.minNoticeHours, "minNoticeHours", "Le délai de prévenance")
        rules.maxHorizonDays = whole(form.maxHorizonDays, "maxHorizonDays", "L’horizon de réservation")
        rules.bufferMinutes = whole(form.bufferMinutes, "bufferMinutes", "Le temps entre deux réservations") ?? 0
        rules.approvalRequired = form.approvalRequired != nil
        if let tiers = TypedTiers.read(Forms.line(form.cancellationTiers, limit: 200)) {
            rules.cancellationTiers = tiers
        } else {
            errors.append(
                .init(
                    field: "cancellationTiers",
                    message: "Les annulations tardives s’écrivent « délai : part comptée », par exemple « 7 j : 50 % ; 48 h : 100 % »."))
        }
        rules.monthlyQuotaMinutes = hoursAsMinutes(form.monthlyQuotaHours, "monthlyQuotaHours", "Le quota mensuel")
        let owner = Forms.line(form.ownerMemberId, limit: 40)
        guard let kind, let units else { return (nil, errors) }
        let input = ResourceInput(
            name: Forms.line(form.name, limit: TextInput.nameLength + 1), kind: kind, units: units,
            ownerMemberID: owner.isEmpty ? nil : MemberID(owner),
            rules: rules)
        errors += input.validationErrors().map { FieldMessage(field: resourceFormField($0.field), message: resourceSentence($0)) }
        return (errors.isEmpty ? input : nil, errors)
    }

    /// The form field that holds what the store and the API call `field`.
    static func resourceFormField(_ field: String) -> String {
        let name = field.replacingOccurrences(of: "rules.", with: "")
        if name.hasPrefix("openingHours.") { return String(name.dropFirst("openingHours.".count)) }
        switch name {
        case "minNoticeMinutes": return "minNoticeHours"
        case let tiers where tiers.hasPrefix("cancellationTiers"): return "cancellationTiers"
        case "monthlyQuotaMinutes": return "monthlyQuotaHours"
        case "openingHours": return "monday"
        default: return name
        }
    }

    /// A refusal of the resource checks, in French.
    static func resourceSentence(_ error: FieldError) -> String {
        let field = error.field.replacingOccurrences(of: "rules.", with: "")
        if field.hasPrefix("openingHours") {
            return "Horaires : une plage finit avant de commencer, ou deux plages se chevauchent (\(error.message))."
        }
        switch field {
        case "name": return "Indiquez le nom de la ressource (200 caractères au plus)."
        case "units":
            return error.message.contains("staff")
                ? "Du temps de personnel n’a qu’une unité : la personne." : "Le nombre d’unités va de 1 à \(InputBounds.maxUnits)."
        case "ownerMemberId": return "Choisissez le membre qui apporte la ressource dans la liste."
        case "slotMinutes": return "Le pas des créneaux doit diviser une journée (15, 30, 60 minutes…)."
        case "minDurationMinutes": return "La durée minimale doit être positive et ne pas dépasser la durée maximale."
        case let tiers where tiers.hasPrefix("cancellationTiers"):
            return
                "Annulations tardives : au plus \(CancellationTier.maxCount) paliers, de 0 à 100 %, un seul par délai, et une annulation plus proche du début ne compte jamais moins."
        default: return "Cette valeur sort des limites permises (\(error.message))."
        }
    }

    private func saveResource(_ request: Request, _ context: some WebRequestContext, existing: Resource?) async throws -> Response {
        let session = context.webSession!
        guard let form = try await Forms.signed(ResourceForm.self, from: request, session: session)
        else { return Refusal.expiredForm.page(renderer, context) }
        let (input, errors) = Self.resourceInput(form)
        guard let input else {
            return renderer.page(
                .ressource, try await resourceFormPage(context, resource: existing, form: form, errors: errors),
                status: .unprocessableContent)
        }
        do {
            let saved: Resource
            if let existing {
                saved = try await resources.update(pole: session.principal.poleID, existing.id, actor: session.principal.actor) {
                    $0 = input
                }
            } else {
                saved = try await resources.create(pole: session.principal.poleID, input, actor: session.principal.actor)
            }
            return .redirect(to: "/coordination/ressources/\(saved.id)?enregistree=1")
        } catch StoreError.invalid(let fields) {
            let errors = fields.map { FieldMessage(field: Self.resourceFormField($0.field), message: Self.resourceSentence($0)) }
            return renderer.page(
                .ressource, try await resourceFormPage(context, resource: existing, form: form, errors: errors),
                status: .unprocessableContent)
        }
    }

    private func resourceFormPage(
        _ context: some WebRequestContext, resource: Resource?, form: ResourceForm?, errors: [FieldMessage], status: String? = nil
    ) async throws -> ResourceFormPage {
        let session = context.webSession!
        let pole = session.principal.poleID
        let zone = session.timeZone
        let rules =
            resource?.rules
            ?? ResourceRules(
                openingHours: WeeklySchedule(
                    [.monday, .tuesday, .wednesday, .thursday, .friday],
                    [
                        WeeklySchedule.Hours(opens: LocalTime(hour: 8, minute: 0)!, closes: LocalTime(hour: 19, minute: 0)!)
                    ]))
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        func text(_ value: String?, _ stored: Int?) -> String {
            form.map { _ in Forms.line(value, limit: 12) } ?? stored.map(String.init) ?? ""
        }
        func hours(_ value: String?, _ stored: Int?) -> String {
            form.map { _ in Forms.line(value, limit: 12) } ?? stored.map { FrenchFormat.decimal(Double($0) / 60, places: 2) } ?? ""
        }
        let chosenKind = form.map { Forms.line($0.kind, limit: 20) } ?? resource?.kind.rawValue ?? ""
        let chosenOwner = form.map { Forms.line($0.ownerMemberId, limit: 40) } ?? resource?.ownerMemberID?.description ?? ""
        let title = resource.map { "Ressource : \($0.name)" } ?? "Ajouter une ressource"
        let numberFields = [
            "slotMinutes", "minDurationMinutes", "maxDurationMinutes", "minNoticeHours", "maxHorizonDays", "bufferMinutes",
            "cancellationTiers", "monthlyQuotaHours",
        ]
        var page = ResourceFormPage(
            frame: coordinationFrame(
                context, errors.isEmpty ? title : "Erreur – \(title)", section: "/coordination/ressources", status: status),
            csrf: session.csrfToken, heading: title,
            action: resource.map { "/coordination/ressources/\($0.id)" } ?? "/coordination/ressources",
            isNew: resource == nil, errors: errors, hasErrors: !errors.isEmpty,
            name: form.map { Forms.line($0.name, limit: 200) } ?? resource?.name ?? "",
            kinds: [BookingFormPage.Option(value: "", label: "Choisir…", selected: chosenKind.isEmpty)]
                + Resource.Kind.allCases.map { .init(value: $0.rawValue, label: Sentences.kind($0), selected: $0.rawValue == chosenKind) },
            units: form.map { Forms.line($0.units, limit: 10) } ?? String(resource?.units ?? 1),
            owners: [BookingFormPage.Option(value: "", label: "Le pôle", selected: chosenOwner.isEmpty)]
                + (try await members.all(pole: pole)).map {
                    .init(value: $0.id.description, label: $0.name, selected: $0.id.description == chosenOwner)
                },
            alwaysOpen: form.map { $0.alwaysOpen != nil } ?? (resource != nil && rules.openingHours == nil),
            days: Weekday.allCases.map { day in
                let field = String(describing: day)
                return ResourceFormPage.Day(
                    field: field, label: FrenchFormat.weekdays[day.isoNumber - 1].capitalizedFirst,
                    value: form.map { Forms.line($0.hours(day), limit: 100) } ?? TypedHours.write(rules.openingHours?.days[day] ?? []),
                    error: error(field))
            },
            slotMinutes: text(form?.slotMinutes, rules.slotMinutes),
            minDurationMinutes: text(form?.minDurationMinutes, rules.minDurationMinutes),
            maxDurationMinutes: text(form?.maxDurationMinutes, resource == nil ? nil : rules.maxDurationMinutes),
            minNoticeHours: hours(form?.minNoticeHours, rules.minNoticeMinutes),
            maxHorizonDays: text(form?.maxHorizonDays, resource == nil ? nil : rules.maxHorizonDays),
            bufferMinutes: text(form?.bufferMinutes, rules.bufferMinutes == 0 ? nil : rules.bufferMinutes),
            approvalRequired: form.map { $0.approvalRequired != nil } ?? rules.approvalRequired,
            cancellationTiers: form.map { Forms.line($0.cancellationTiers, limit: 200) } ?? TypedTiers.write(rules.cancellationTiers),
            monthlyQuotaHours: hours(form?.monthlyQuotaHours, rules.monthlyQuotaMinutes),
            rulesInWords: resource.map { Sentences.rules($0.rules) } ?? [],
            nameError: error("name"), unitsError: error("units") ?? error("kind"),
            hoursError: Weekday.allCases.compactMap { error(String(describing: $0)) }.first,
            numbersError: numberFields.compactMap(error).first,
            blackouts: [], commitments: [], blackoutAction: "", blackoutError: nil, rules: [], ruleAction: "",
            methods: Self.ruleChoices.map { .init(value: $0.0, label: Sentences.allocation($0.1).capitalizedFirst, selected: false) },
            ruleError: nil)
        if let resource {
            page.blackouts = try await resources.blackouts(pole: pole, resource.id, endingAfter: Date()).map {
                .init(id: $0.id.description, when: FrenchFormat.span($0.range, in: zone), reason: $0.reason.isEmpty ? "—" : $0.reason)
            }
            let memberNames = try await memberNames(session)
            page.commitments = try await commitments.list(pole: pole, resource: resource.id).map {
                .init(
                    member: memberNames[$0.memberID] ?? "Membre",
                    volume: "\(FrenchFormat.decimal($0.volume, places: 3)) \(Sentences.usageUnit($0.unit)) par an",
                    term: "du \(FrenchFormat.date($0.startsOn)) au \(FrenchFormat.date($0.endsOn))")
            }
            page.blackoutAction = "/coordination/ressources/\(resource.id)/fermetures"
            page.rules = try await allocationRules.history(pole: pole, resource: resource.id).map {
                .init(
                    from: $0.effectiveFrom.map { "À partir du \(FrenchFormat.date($0))" } ?? "Depuis toujours",
                    rule: Sentences.allocation($0.rule).capitalizedFirst + ($0.isDefault ? " (règle par défaut)" : ""))
            }
            page.ruleAction = "/coordination/ressources/\(resource.id)/regle"
        }
        return page
    }
}
