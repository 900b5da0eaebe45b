import MutualisDomain

/// The sentences pages build from data: rules in plain words, refusals explained. Static
/// text lives in each page's template; both are French, and another language would give
/// each its own.
enum Sentences {
    /// `30 minutes`, `2 heures`, `1 heure 30`, `3 jours`.
    static func duration(minutes: Int) -> String {
        if minutes >= 1_440 && minutes % 1_440 == 0 { return FrenchFormat.count(minutes / 1_440, "jour", "jours") }
        if minutes < 60 { return FrenchFormat.count(minutes, "minute", "minutes") }
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        let whole = FrenchFormat.count(hours, "heure", "heures")
        return rest == 0 ? whole : "\(whole) \(rest < 10 ? "0" : "")\(rest)"
    }

    /// `Annulation sans frais jusqu’à 7 jours avant le début ; à moins de 7 jours, 50 % du
    /// temps réservé reste compté ; à moins de 2 jours, 100 %`; nil when every cancellation is free.
    static func cancellationTiers(_ tiers: [CancellationTier]) -> String? {
        let sorted = tiers.sorted { $0.withinMinutes > $1.withinMinutes }
        guard let deadline = CancellationTier.deadlineMinutes(sorted) else { return nil }
        let counted = sorted.filter { $0.withinMinutes <= deadline }.enumerated().map { index, tier in
            let when = tier.withinMinutes == 0 ? "après le début" : "à moins de \(duration(minutes: tier.withinMinutes))"
            return index == 0 ? "\(when), \(tier.countedPercent) % du temps réservé reste compté" : "\(when), \(tier.countedPercent) %"
        }
        let free =
            deadline == 0
            ? "Annulation sans frais jusqu’au début" : "Annulation sans frais jusqu’à \(duration(minutes: deadline)) avant le début"
        return ([free] + counted).joined(separator: " ; ")
    }

    /// What a cancellation made now counts, for the member about to confirm it.
    static func cancellationConsequence(_ cancellation: Cancellation, booking: Booking) -> String {
        guard cancellation.isLate else { return "Cette annulation est sans frais : le temps libéré redevient réservable par tous." }
        let counted = duration(minutes: Int((booking.unitHours(percent: cancellation.countedPercent) * 60).rounded()))
        return cancellation.countedPercent == 100
            ? "Cette annulation est tardive : tout le temps réservé (\(counted)) restera compté dans la part des coûts de votre organisation."
            : "Cette annulation est tardive : \(cancellation.countedPercent) % du temps réservé, soit \(counted), restera compté dans la part des coûts de votre organisation."
    }

    /// The kind of a resource, in the plural, as a heading.
    static func kind(_ kind: Resource.Kind) -> String {
        switch kind {
        case .equipment: "Matériel"
        case .premises: "Locaux"
        case .staff: "Temps de personnel partagé"
        }
    }

    /// Why a new password is refused.
    static func password(_ refusal: PasswordPolicy.Refusal) -> String {
        switch refusal {
        case .tooShort:
            "Ce mot de passe est trop court ou trop simple : 12 caractères au moins avec majuscules, minuscules, chiffres et caractères spéciaux, ou 14 au moins avec majuscules, minuscules et chiffres."
        case .tooLong: "Ce mot de passe dépasse \(PasswordPolicy.maximumLength) caractères."
        case .controlCharacter: "Ce mot de passe contient un caractère invisible qu’aucun clavier ne tape."
        case .confirmationDiffers: "La confirmation ne reprend pas le mot de passe."
        }
    }

    /// A refused new password's sentence, on the field it is about: the confirmation's when
    /// only the confirmation differs, the password's otherwise.
    static func passwordErrors(_ refusal: PasswordPolicy.Refusal) -> (password: String?, confirmation: String?) {
        refusal == .confirmationDiffers ? (nil, password(refusal)) : (password(refusal), nil)
    }

    /// One French sentence for a broken booking rule, with the resource's figures.
    static func violation(_ rule: BookingRule, _ rules: ResourceRules, units: Int) -> String {
        switch rule {
        case .openingHours: "La ressource n’est pas ouverte pendant tout ce créneau : choisissez un créneau dans ses horaires."
        case .blackout: "La ressource est indisponible pendant ce créneau (fermeture exceptionnelle)."
        case .slotGranularity:
            "Les réservations commencent et finissent sur des tranches de \(duration(minutes: rules.slotMinutes ?? 1)) à partir de minuit."
        case .minimumDuration: "Une réservation de cette ressource dure au moins \(duration(minutes: rules.minDurationMinutes ?? 0))."
        case .maximumDuration: "Une réservation de cette ressource dure au plus \(duration(minutes: rules.maxDurationMinutes ?? 0))."
        case .minimumNotice: "Cette ressource se réserve au moins \(duration(minutes: rules.minNoticeMinutes ?? 0)) à l’avance."
        case .maximumHorizon:
            "Cette ressource se réserve au plus \(FrenchFormat.count(rules.maxHorizonDays ?? 0, "jour", "jours")) à l’avance."
        case .buffer: "Il faut laisser \(duration(minutes: rules.bufferMinutes)) entre deux réservations de cette ressource."
        case .quantity: "Cette ressource n’a que \(FrenchFormat.count(units, "unité", "unités"))."
        case .monthlyQuota:
            "Votre organisation dépasserait son quota de \(duration(minutes: rules.monthlyQuotaMinutes ?? 0)) par mois sur cette ressource."
        case .past: "Ce créneau est déjà passé."
        case .membership: "L’organisation n’est pas membre du pôle à cette date."
        }
    }

    /// The rules of a resource in plain words, one sentence each.
    static func rules(_ rules: ResourceRules) -> [String] {
        var sentences: [String] = []
        if let hours = rules.openingHours {
            // Neighbouring days with the same hours read as one: "du lundi au vendredi".
            var groups: [(first: Weekday, last: Weekday, text: String)] = []
            for weekday in Weekday.allCases {
                let ranges = (hours.days[weekday] ?? []).sorted { $0.opens < $1.opens }
                let text =
                    ranges.isEmpty
                    ? "fermé" : ranges.map { "\(FrenchFormat.time($0.opens)) – \(FrenchFormat.time($0.closes))" }.joined(separator: " et ")
                if let last = groups.last, last.text == text {
                    groups[groups.count - 1].last = weekday
                } else {
                    groups.append((weekday, weekday, text))
                }
            }
            let name = { (day: Weekday) in FrenchFormat.weekdays[day.isoNumber - 1] }
            let days = groups.map { group -> String in
                switch group.last.isoNumber - group.first.isoNumber {
                case 0: "le \(name(group.first)), \(group.text)"
                case 1: "le \(name(group.first)) et le \(name(group.last)), \(group.text)"
                default: "du \(name(group.first)) au \(name(group.last)), \(group.text)"
                }
            }
            sentences.append("Ouvert " + days.joined(separator: " ; ") + ".")
        } else {
            sentences.append("Réservable à toute heure, tous les jours.")
        }
        if let slot = rules.slotMinutes { sentences.append("Par tranches de \(duration(minutes: slot)).") }
        if let minimum = rules.minDurationMinutes { sentences.append("Au moins \(duration(minutes: minimum)) par réservation.") }
        if let maximum = rules.maxDurationMinutes { sentences.append("Au plus \(duration(minutes: maximum)) par réservation.") }
        if let notice = rules.minNoticeMinutes, notice > 0 {
            sentences.append("À réserver \(duration(minutes: notice)) à l’avance au moins.")
        }
        if let horizon = rules.maxHorizonDays {
            sentences.append("Réservable jusqu’à \(FrenchFormat.count(horizon, "jour", "jours")) à l’avance.")
        }
        if rules.bufferMinutes > 0 {
            sentences.append("\(duration(minutes: rules.bufferMinutes)) laissées libres entre deux réservations.")
        }
        if rules.approvalRequired { sentences.append("Chaque réservation attend l’accord de la coordination.") }
        if let tiers = cancellationTiers(rules.cancellationTiers) { sentences.append(tiers + ".") }
        if let quota = rules.monthlyQuotaMinutes { sentences.append("Au plus \(duration(minutes: quota)) par mois et par organisation.") }
        return sentences
    }

    /// `novembre 2026` for a whole month, `du 1er au 15 novembre 2026` otherwise.
    static func period(_ period: DatePeriod) -> String {
        let last = period.end.adding(days: -1)
        if period.isMonth { return FrenchFormat.month(period.start) }
        return "du \(FrenchFormat.dayAndMonth(period.start)) \(period.start.year) au \(FrenchFormat.dayAndMonth(last)) \(last.year)"
    }

    /// What a cost pays for.
    static func category(_ category: Cost.Category) -> String {
        switch category {
        case .rent: "loyer"
        case .salary: "salaire"
        case .leasing: "location longue durée"
        case .insurance: "assurance"
        case .maintenance: "entretien"
        case .depreciation: "amortissement"
        case .energy: "énergie"
        case .supplies: "fournitures"
        case .other: "autre"
        }
    }

    /// The unit of a cost's basis.
    /// What a commitment or a recorded use counts: `heures`, `km`, `utilisations`.
    static func usageUnit(_ unit: UsageRecord.Unit) -> String {
        switch unit {
        case .hours: "heures"
        case .km: "km"
        case .uses: "utilisations"
        }
    }

    static func basisUnit(_ unit: String) -> String {
        switch unit {
        case "hours": "heures-unités"
        case "km": "km"
        case "uses": "utilisations"
        case "days": "jours de présence"
        case "fte": "ETP"
        case "euros": "€ de budget"
        case "percent": "%"
        default: unit
        }
    }

    /// How a cost is shared, in words.
    static func allocation(_ rule: AllocationRule) -> String {
        let measured = rule.basis == .actual ? "au prorata de l’usage relevé" : "au prorata du temps réservé"
        let usage = measured + (rule.floor == .commitment ? " (au moins l’engagement de chaque membre)" : "")
        let idle = rule.idle == .absorb ? ", le temps inoccupé restant à la charge du pôle" : ""
        let key = { (key: AllocationRule.FixedKey?) -> String in
            switch key {
            case .headcount: "au prorata de l’effectif"
            case .budget: "au prorata du budget annuel"
            case .equal, nil: "à parts égales"
            }
        }
        switch rule.method {
        case .usage: return usage + idle
        case .equal: return "à parts égales entre les membres, selon leurs jours d’adhésion sur la période"
        case .weighted: return rule.weight == .budget ? "au prorata du budget annuel" : "au prorata de l’effectif"
        case .fixed: return "selon des parts fixes convenues entre les membres"
        case .hybrid:
            let part = FrenchFormat.decimal((rule.fixedPart ?? 0) * 100, places: 1)
            return "\(part)\(FrenchFormat.narrowNoBreakSpace)% \(key(rule.fixedKey)), le reste \(usage)\(idle)"
        }
    }

    /// Why part of a cost stays with the pole, or a dash when none does.
    static func unallocated(_ allocation: CostAllocation, rule: AllocationRule) -> String {
        guard allocation.unallocatedCents > 0 else { return "—" }
        if allocation.allocatedCents == 0 {
            return "Personne n’a de base pour ce coût sur la période (aucun usage) : il reste entier à la charge du pôle."
        }
        if rule.idle == .absorb {
            return "Temps inoccupé de la ressource, et réductions solidaires des petites structures : à la charge du pôle."
        }
        return "Réductions solidaires non reportées sur les autres membres : à la charge du pôle."
    }

    /// A legal form as French organisations name it.
    static func legalForm(_ form: LegalForm) -> String {
        switch form {
        case .association: "Association"
        case .scop: "SCOP"
        case .scic: "SCIC"
        case .cooperative: "Coopérative"
        case .mutual: "Mutuelle"
        case .foundation: "Fondation"
        case .company: "Entreprise"
        case .localAuthority: "Collectivité"
        case .researchCentre: "Centre de recherche"
        case .trainingBody: "Organisme de formation"
        }
    }

    /// A legal form as French organisations name it, plural.
    static func legalForms(_ form: LegalForm) -> String {
        switch form {
        case .association: "Associations"
        case .scop: "SCOP"
        case .scic: "SCIC"
        case .cooperative: "Autres coopératives"
        case .mutual: "Mutuelles"
        case .foundation: "Fondations"
        case .company: "Entreprises"
        case .localAuthority: "Collectivités"
        case .researchCentre: "Centres de recherche"
        case .trainingBody: "Organismes de formation"
        }
    }

    /// A kind of resource, plural, for the report; nil for what belongs to the whole pole.
    static func kinds(_ kind: Resource.Kind?) -> String {
        switch kind {
        case .equipment: "Équipements"
        case .staff: "Personnel partagé"
        case .premises: "Locaux"
        case nil: "Coûts communs du pôle"
        }
    }
}
