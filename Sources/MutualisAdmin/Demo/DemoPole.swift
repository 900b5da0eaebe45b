import Foundation
import MutualisDomain
import MutualisStore
import PostgresClient

/// The demonstration pole: members, resources, bookings, usage and costs of a pole like
/// Pôle Sud in Romans-sur-Isère (all names invented but the town's), dated around today.
enum DemoPole {
    /// What `demo seed` made, for its output.
    struct Seeded: Encodable {
        var poleId: String
        var coordinatorEmail: String
        var coordinatorToken: String
        var memberEmail: String
        var memberName: String
        var memberToken: String
        var lastMonthStart: String
        var lastMonthEnd: String
    }

    static func seed(named name: String, pool: PostgresConnectionPool) async throws -> Seeded {
        let zone = PoleTimeZone.paris
        let pole = try await PoleStore(pool: pool).create(name: name, timeZone: zone.identifier, currency: "EUR", actor: .adminCLI)
        let members = MemberStore(pool: pool)
        let small = try await CategoryStore(pool: pool).set(pole: pole.id, name: "Petites associations", coefficient: Coefficient(tenThousandths: 5_000)!, actor: .adminCLI)
        let founded = LocalDate("2011-06-01")!
        func member(_ name: String, _ form: LegalForm, headcount: Double, budgetEuros: Int, category: CategoryID? = nil, joined: LocalDate = founded) async throws -> Member {
            try await members.create(
                pole: pole.id,
                MemberInput(name: name, legalForm: form, categoryID: category, headcount: headcount, annualBudgetCents: budgetEuros * 100, joinedOn: joined),
                actor: .adminCLI
            )
        }
        let lainiers = try await member("Les Lainiers du Vercors", .scop, headcount: 48, budgetEuros: 4_200_000)
        let fabriques = try await member("Les Fabriques de Romans", .association, headcount: 3.5, budgetEuros: 180_000, category: small.id)
        let insertion = try await member("Tremplin Insertion", .association, headcount: 22, budgetEuros: 900_000)
        _ = try await member("Coopérative des Savoir-Faire", .scic, headcount: 12, budgetEuros: 1_100_000)
        _ = try await member("Ville de Romans-sur-Isère", .localAuthority, headcount: 0, budgetEuros: 0)
        let today = zone.date(of: Date())
        let thisMonth = today.firstOfMonth
        let lastMonth = thisMonth.adding(months: -1)!
        _ = try await member("Atelier Cuir & Chaussure", .company, headcount: 6, budgetEuros: 650_000, joined: lastMonth.adding(days: 14))

        let resources = ResourceStore(pool: pool)
        func hours(_ opens: Int, _ closes: Int) -> WeeklySchedule {
            WeeklySchedule([.monday, .tuesday, .wednesday, .thursday, .friday],
                           [WeeklySchedule.Hours(opens: LocalTime(hour: opens, minute: 0)!, closes: LocalTime(hour: closes, minute: 0)!)])
        }
        let van = try await resources.create(
            pole: pole.id, ResourceInput(name: "Camion 20 m³", kind: .equipment, ownerMemberID: lainiers.id, rules: ResourceRules(bufferMinutes: 30)),
            actor: .adminCLI)
        let sound = try await resources.create(pole: pole.id, ResourceInput(name: "Sonorisation mobile", kind: .equipment, units: 2), actor: .adminCLI)
        let room = try await resources.create(
            pole: pole.id, ResourceInput(name: "Salle de réunion", kind: .premises, rules: ResourceRules(openingHours: hours(8, 19), slotMinutes: 30)),
            actor: .adminCLI)
        let accountant = try await resources.create(
            pole: pole.id, ResourceInput(name: "Comptable partagée", kind: .staff, rules: ResourceRules(openingHours: hours(9, 17), approvalRequired: true)),
            actor: .adminCLI)
        let rules = AllocationRuleStore(pool: pool)
        _ = try await rules.set(pole: pole.id, resource: room.id, rule: AllocationRule(method: .usage, idle: .absorb), effectiveFrom: nil, actor: .adminCLI)
        _ = try await rules.set(
            pole: pole.id, resource: accountant.id,
            rule: AllocationRule(method: .hybrid, basis: .actual, fixedPart: 0.4, fixedKey: .headcount), effectiveFrom: nil, actor: .adminCLI)

        let bookings = BookingStore(pool: pool)
        func book(_ resource: Resource, _ member: Member, _ day: LocalDate, _ from: Int, _ to: Int, quantity: Int = 1) async throws {
            let range = TimeRange(
                start: zone.instant(LocalDateTime(day, LocalTime(hour: from, minute: 0)!)),
                end: zone.instant(LocalDateTime(day, LocalTime(hour: to, minute: 0)!)))!
            _ = try await bookings.book(
                pole: pole.id, BookingInput(resourceID: resource.id, memberID: member.id, range: range, quantity: quantity), actor: .adminCLI,
                confirm: true)
        }
        // Weekdays of last month and of next week, whatever today is.
        let lastMonthDays = (0..<31).map { lastMonth.adding(days: $0) }.filter { $0 < thisMonth && $0.weekday.isoNumber <= 5 }
        for (index, day) in lastMonthDays.enumerated() {
            try await book(room, [lainiers, fabriques, insertion][index % 3], day, 9, index % 2 == 0 ? 12 : 11)
            if index % 4 == 0 { try await book(van, [fabriques, insertion, lainiers][(index / 4) % 3], day, 8, 18) }
            if index % 5 == 1 { try await book(sound, [fabriques, insertion][(index / 5) % 2], day, 14, 23, quantity: 2) }
        }
        let nextMonday = (1...7).map { today.adding(days: $0) }.first { $0.weekday == .monday }!
        try await book(room, fabriques, nextMonday, 10, 12)
        try await book(van, lainiers, nextMonday.adding(days: 1), 8, 17)
        try await book(sound, insertion, nextMonday.adding(days: 4), 18, 23)

        let usage = UsageStore(pool: pool)
        for (member, quantity) in [(lainiers, 62), (insertion, 35), (fabriques, 12)] {
            let day = lastMonthDays[quantity % lastMonthDays.count]
            let range = TimeRange(start: zone.startOfDay(day), end: zone.startOfDay(day.adding(days: 1)))!
            _ = try await usage.record(
                pole: pole.id, resource: accountant.id, member: member.id, range: range, quantityThousandths: quantity * 1_000, unit: .hours,
                note: "Timesheet", actor: .adminCLI)
        }

        let costs = CostStore(pool: pool)
        let month = DatePeriod(start: lastMonth, end: thisMonth)!
        for (resource, cents, category, label) in [
            (Optional(van.id), 85_000, Cost.Category.leasing, "Crédit-bail du camion"),
            (van.id, 12_400, .insurance, "Assurance du camion"),
            (room.id, 120_000, .rent, "Loyer de la salle"),
            (sound.id, 9_000, .maintenance, "Entretien de la sonorisation"),
            (accountant.id, 310_000, .salary, "Salaire chargé de la comptable"),
            (nil, 30_000, .other, "Frais de coordination"),
        ] {
            _ = try await costs.create(
                pole: pole.id, CostInput(resourceID: resource, period: month, amountCents: cents, category: category, label: label), actor: .adminCLI)
        }

        let users = UserStore(pool: pool)
        let tokens = TokenStore(pool: pool)
        let slug = String(name.lowercased().folding(options: .diacriticInsensitive, locale: nil).map { $0.isLetter || $0.isNumber ? $0 : "-" })
            .split(separator: "-").joined(separator: "-")
        let coordinator = try await users.create(
            pole: pole.id, email: "coordination@\(slug).example", name: "Camille Coordination", role: .coordinator, memberID: nil, actor: .adminCLI)
        let memberUser = try await users.create(
            pole: pole.id, email: "contact@\(slug).example", name: "Alex des Fabriques", role: .member, memberID: fabriques.id, actor: .adminCLI)
        return Seeded(
            poleId: pole.id.description,
            coordinatorEmail: coordinator.email, coordinatorToken: try await tokens.issue(for: coordinator.id, label: "demo", actor: .adminCLI),
            memberEmail: memberUser.email, memberName: fabriques.name,
            memberToken: try await tokens.issue(for: memberUser.id, label: "demo", actor: .adminCLI),
            lastMonthStart: lastMonth.description, lastMonthEnd: thisMonth.description
        )
    }
}
