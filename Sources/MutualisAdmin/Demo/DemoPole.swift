import Foundation
import MutualisDomain
import MutualisStore

/// The demonstration pole: the members, resources, bookings, timesheets and costs of a pole
/// like Pôle Sud in Romans-sur-Isère (every name invented but the town's), over the three
/// months before today and the week after, so that a run and the pooling report show
/// meaningful numbers.
enum DemoPole {
    /// What `demo seed` made, for its output.
    struct Seeded: Encodable {
        var poleId: String
        var coordinatorEmail: String
        var coordinatorToken: String
        var memberEmail: String
        var memberName: String
        var memberToken: String
        /// The password of both demonstration users, for the pages.
        var password: String
        var lastMonthStart: String
        var lastMonthEnd: String
    }

    /// The demonstration users' password: public, as the demonstration is.
    static let password = "Demo-Mutualis-2027"

    /// A deterministic sequence, so that every demonstration pole looks the same.
    struct Sequence {
        var state: UInt64 = 0x2011_0601

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func seed(named name: String, database: MutualisDatabase) async throws -> Seeded {
        let zone = PoleTimeZone.paris
        let pole = try await PoleStore(database: database).create(name: name, timeZone: zone.identifier, currency: "EUR", actor: .adminCLI)
        let today = zone.date(of: Date())
        let thisMonth = today.firstOfMonth
        let firstMonth = thisMonth.adding(months: -3)!
        let lastMonth = thisMonth.adding(months: -1)!

        let small = try await CategoryStore(database: database).set(
            pole: pole.id, name: "Petites associations", coefficient: Coefficient(tenThousandths: 5_000)!, actor: .adminCLI)
        let memberStore = MemberStore(database: database)
        let founded = LocalDate("2011-06-01")!
        var members: [Member] = []
        for (memberName, form, headcount, budgetEuros, isSmall, joined) in [
            ("Les Lainiers du Vercors", LegalForm.scop, 48.0, 4_200_000, false, founded),
            ("Les Fabriques de Romans", .association, 3.5, 180_000, true, founded),
            ("Tremplin Insertion", .association, 22, 900_000, false, founded),
            ("Coopérative des Savoir-Faire", .scic, 12, 1_100_000, false, founded),
            ("Ville de Romans-sur-Isère", .localAuthority, 0, 0, false, founded),
            ("Atelier Cuir & Chaussure", .company, 6, 650_000, false, lastMonth.adding(days: 14)),
            ("Compagnie des Cordeliers", .association, 2, 95_000, true, founded),
            ("Musiques Actuelles Drôme", .association, 4, 240_000, true, LocalDate("2019-09-01")!),
            ("Institut de Formation Drôme-Ardèche", .trainingBody, 15, 1_400_000, false, founded),
            ("Mutuelle Solidaire du Dauphiné", .mutual, 30, 3_000_000, false, LocalDate("2016-01-01")!),
            ("Fondation Terres de Drôme", .foundation, 5, 500_000, false, LocalDate("2018-03-01")!),
            ("Labo Numérique Coop", .cooperative, 7, 420_000, false, firstMonth.adding(days: 10)),
        ] {
            members.append(
                try await memberStore.create(
                    pole: pole.id,
                    MemberInput(
                        name: memberName, legalForm: form, categoryID: isSmall ? small.id : nil, headcount: headcount,
                        annualBudgetCents: budgetEuros * 100, joinedOn: joined),
                    actor: .adminCLI
                ))
        }
        let (lainiers, fabriques, insertion, savoirFaire) = (members[0], members[1], members[2], members[3])

        func weekdays(_ opens: Int, _ closes: Int) -> WeeklySchedule {
            WeeklySchedule(
                [.monday, .tuesday, .wednesday, .thursday, .friday],
                [WeeklySchedule.Hours(opens: LocalTime(hour: opens, minute: 0)!, closes: LocalTime(hour: closes, minute: 0)!)])
        }
        let resourceStore = ResourceStore(database: database)
        func resource(_ input: ResourceInput) async throws -> Resource {
            try await resourceStore.create(pole: pole.id, input, actor: .adminCLI)
        }
        let vans = try await resource(
            ResourceInput(name: "Camions 20 m³", kind: .equipment, units: 2, rules: ResourceRules(bufferMinutes: 30)))
        let sound = try await resource(ResourceInput(name: "Sonorisation mobile", kind: .equipment))
        let studio = try await resource(
            ResourceInput(
                name: "Studio de répétition", kind: .premises,
                rules: ResourceRules(
                    openingHours: WeeklySchedule(
                        Weekday.allCases,
                        [WeeklySchedule.Hours(opens: LocalTime(hour: 10, minute: 0)!, closes: LocalTime(hour: 23, minute: 0)!)]),
                    cancellationTiers: [
                        CancellationTier(withinMinutes: 7 * 1_440, countedPercent: 50),
                        CancellationTier(withinMinutes: 48 * 60, countedPercent: 100),
                    ])))
        let roomA = try await resource(
            ResourceInput(
                name: "Salle de réunion Isère", kind: .premises, rules: ResourceRules(openingHours: weekdays(8, 19), slotMinutes: 30)))
        let roomB = try await resource(
            ResourceInput(
                name: "Salle de réunion Vercors", kind: .premises, rules: ResourceRules(openingHours: weekdays(8, 19), slotMinutes: 30)))
        let desks = try await resource(
            ResourceInput(name: "Bureaux partagés", kind: .premises, units: 6, rules: ResourceRules(openingHours: weekdays(8, 19))))
        let machine = try await resource(
            ResourceInput(
                name: "Machine à bois combinée", kind: .equipment, ownerMemberID: savoirFaire.id,
                rules: ResourceRules(openingHours: weekdays(8, 18), approvalRequired: true)))
        let cargoBikes = try await resource(ResourceInput(name: "Vélos-cargos", kind: .equipment, units: 2))
        let accountant = try await resource(
            ResourceInput(name: "Comptable partagée", kind: .staff, rules: ResourceRules(openingHours: weekdays(9, 17))))
        let technician = try await resource(
            ResourceInput(name: "Technicien partagé", kind: .staff, rules: ResourceRules(openingHours: weekdays(8, 17))))

        let rules = AllocationRuleStore(database: database)
        for (resource, rule) in [
            (roomA, AllocationRule(method: .usage, idle: .absorb)),
            (roomB, AllocationRule(method: .usage, idle: .absorb)),
            (desks, AllocationRule(method: .weighted, weight: .headcount)),
            (accountant, AllocationRule(method: .hybrid, basis: .actual, fixedPart: 0.4, fixedKey: .headcount)),
            (technician, AllocationRule(method: .usage, basis: .actual)),
            (machine, AllocationRule(method: .usage, floor: .commitment)),
        ] {
            _ = try await rules.set(pole: pole.id, resource: resource.id, rule: rule, effectiveFrom: nil, actor: .adminCLI)
        }

        // Each resource's usual slots on a working day; a slot is booked or not, by whom at
        // random among the members who use that kind of thing.
        let bookingStore = BookingStore(database: database)
        var random = Sequence()
        func book(_ resource: Resource, _ member: Member, _ day: LocalDate, _ from: Int, _ to: Int, quantity: Int = 1) async throws {
            let range = TimeRange(
                start: zone.instant(LocalDateTime(day, LocalTime(hour: from, minute: 0)!)),
                end: zone.instant(LocalDateTime(day, LocalTime(hour: to, minute: 0)!)))!
            _ = try await bookingStore.book(
                pole: pole.id, BookingInput(resourceID: resource.id, memberID: member.id, range: range, quantity: quantity),
                actor: .adminCLI, confirm: true)
        }
        let slots: [(Resource, [(Int, Int)], [Member], Int)] = [
            (vans, [(8, 13), (14, 18)], [lainiers, insertion, fabriques, members[5], members[11]], 2),
            (sound, [(18, 23)], [fabriques, members[6], members[7], members[4]], 1),
            (studio, [(10, 13), (14, 18), (19, 23)], [members[6], members[7], fabriques], 1),
            (roomA, [(9, 12), (14, 17)], members, 1),
            (roomB, [(9, 11), (15, 17)], members, 1),
            (desks, [(9, 17)], [fabriques, members[7], members[10], members[11], members[6]], 3),
            (machine, [(8, 12), (13, 18)], [savoirFaire, lainiers, members[5], insertion], 1),
            (cargoBikes, [(8, 12), (14, 18)], [insertion, members[4], members[11]], 2),
        ]
        let pastDays = (0..<120).map { firstMonth.adding(days: $0) }.filter { $0 < thisMonth }
        let comingDays = (1...10).map { today.adding(days: $0) }
        for day in pastDays + comingDays where day.weekday.isoNumber <= 5 || day.weekday == .saturday {
            for (resource, daySlots, users, maxQuantity) in slots {
                if day.weekday == .saturday && resource.id != studio.id && resource.id != sound.id { continue }
                for (from, to) in daySlots where random.next(100) < 45 {
                    let member = users[random.next(users.count)]
                    guard member.joinedOn <= day else { continue }
                    try await book(resource, member, day, from, to, quantity: 1 + random.next(maxQuantity))
                }
            }
        }

        // Timesheets of the shared staff: a few records a month per member they work for.
        let usage = UsageStore(database: database)
        var month = firstMonth
        while month < thisMonth {
            for (staff, clients) in [
                (accountant, [lainiers, insertion, members[9], members[8], fabriques]),
                (technician, [lainiers, savoirFaire, members[5], members[7]]),
            ] {
                for client in clients where client.joinedOn < month.adding(months: 1)! {
                    let day = month.adding(days: 2 + random.next(20))
                    let range = TimeRange(start: zone.startOfDay(day), end: zone.startOfDay(day.adding(days: 1)))!
                    _ = try await usage.record(
                        pole: pole.id, resource: staff.id, member: client.id, range: range,
                        quantityThousandths: (4 + random.next(30)) * 1_000 + 500 * random.next(2), unit: .hours, note: "Relevé d'heures",
                        actor: .adminCLI)
                }
            }
            month = month.adding(months: 1)!
        }

        // Each month's costs, for its own close.
        let costs = CostStore(database: database)
        month = firstMonth
        while month < thisMonth {
            let period = DatePeriod(start: month, end: month.adding(months: 1)!)!
            for (resource, cents, category, label) in [
                (Optional(vans.id), 170_000, Cost.Category.leasing, "Crédit-bail des camions"),
                (vans.id, 24_800, .insurance, "Assurance des camions"),
                (sound.id, 9_000, .maintenance, "Entretien de la sonorisation"),
                (studio.id, 95_000, .rent, "Loyer du studio"),
                (roomA.id, 60_000, .rent, "Loyer de la salle Isère"),
                (roomB.id, 45_000, .rent, "Loyer de la salle Vercors"),
                (desks.id, 110_000, .rent, "Loyer des bureaux partagés"),
                (machine.id, 18_000, .depreciation, "Amortissement de la machine à bois"),
                (cargoBikes.id, 6_500, .maintenance, "Entretien des vélos-cargos"),
                (accountant.id, 310_000, .salary, "Salaire chargé de la comptable"),
                (technician.id, 280_000, .salary, "Salaire chargé du technicien"),
                (nil, 30_000, .other, "Frais de coordination du pôle"),
                (nil, 12_000, .energy, "Électricité des locaux communs"),
            ] {
                _ = try await costs.create(
                    pole: pole.id,
                    CostInput(
                        resourceID: resource, period: period, amountCents: cents, category: category,
                        label: "\(label), \(month.month)/\(month.year)"),
                    actor: .adminCLI)
            }
            month = month.adding(months: 1)!
        }

        // The cooperatives' practices: members committed to the wood machine for three years,
        // a rehearsal nobody came to, a late cancellation, and a waiting request booked when
        // the slot it waited for was cancelled.
        let commitments = CommitmentStore(database: database)
        for (member, hours) in [(lainiers, 240_000), (insertion, 120_000)] {
            _ = try await commitments.create(
                pole: pole.id,
                CommitmentInput(
                    memberID: member.id, resourceID: machine.id, volumeThousandths: hours, unit: .hours, startsOn: firstMonth,
                    endsOn: firstMonth.adding(days: 3 * 365 - 1), note: "Convention d’engagement machine à bois"),
                actor: .adminCLI)
        }
        let lastMonthRange = zone.range(of: DatePeriod(start: lastMonth, end: thisMonth)!)
        if let rehearsal = try await bookingStore.list(
            scope: BookingScope(poleID: pole.id, memberID: nil),
            filter: BookingFilter(from: lastMonthRange.start, to: lastMonthRange.end, resourceID: studio.id),
            page: try PageRequest(limit: 10)
        ).items.first(where: { $0.status == .confirmed }) {
            _ = try await bookingStore.markNoShow(rehearsal.id, pole: pole.id, actor: .adminCLI)
        }
        func studioHour(_ day: LocalDate) -> TimeRange {
            TimeRange(
                start: zone.instant(LocalDateTime(day, LocalTime(hour: 13, minute: 0)!)),
                end: zone.instant(LocalDateTime(day, LocalTime(hour: 14, minute: 0)!)))!
        }
        let coordination = BookingScope(poleID: pole.id, memberID: nil)
        let cancelledLate = try await bookingStore.book(
            pole: pole.id, BookingInput(resourceID: studio.id, memberID: members[7].id, range: studioHour(today.adding(days: 1))),
            actor: .adminCLI, confirm: true
        ).bookings[0]
        _ = try await bookingStore.move(cancelledLate.id, to: .cancelled, scope: coordination, actor: .adminCLI)
        let freed = try await bookingStore.book(
            pole: pole.id, BookingInput(resourceID: studio.id, memberID: members[6].id, range: studioHour(today.adding(days: 3))),
            actor: .adminCLI, confirm: true
        ).bookings[0]
        let waitlist = WaitlistStore(database: database)
        _ = try await waitlist.join(
            pole: pole.id, BookingInput(resourceID: studio.id, memberID: fabriques.id, range: studioHour(today.adding(days: 3))),
            actor: .adminCLI)
        _ = try await bookingStore.move(freed.id, to: .cancelled, scope: coordination, actor: .adminCLI)
        _ = try await bookingStore.book(
            pole: pole.id, BookingInput(resourceID: studio.id, memberID: members[7].id, range: studioHour(today.adding(days: 4))),
            actor: .adminCLI, confirm: true)
        _ = try await waitlist.join(
            pole: pole.id, BookingInput(resourceID: studio.id, memberID: fabriques.id, range: studioHour(today.adding(days: 4))),
            actor: .adminCLI)

        let users = UserStore(database: database)
        let tokens = TokenStore(database: database)
        let slug = String(
            name.lowercased().folding(options: .diacriticInsensitive, locale: nil).map { $0.isLetter || $0.isNumber ? $0 : "-" }
        )
        .split(separator: "-").joined(separator: "-")
        let coordinator = try await users.create(
            pole: pole.id, email: "coordination@\(slug).example", name: "Camille Coordination", role: .coordinator, memberID: nil,
            actor: .adminCLI)
        let memberUser = try await users.create(
            pole: pole.id, email: "contact@\(slug).example", name: "Alex des Fabriques", role: .member, memberID: fabriques.id,
            actor: .adminCLI)
        let accounts = AccountStore(database: database)
        try await accounts.setPassword(of: coordinator.id, to: password, actor: .adminCLI)
        try await accounts.setPassword(of: memberUser.id, to: password, actor: .adminCLI)
        return Seeded(
            poleId: pole.id.description,
            coordinatorEmail: coordinator.email,
            coordinatorToken: try await tokens.issue(for: coordinator.id, label: "demo", actor: .adminCLI),
            memberEmail: memberUser.email, memberName: fabriques.name,
            memberToken: try await tokens.issue(for: memberUser.id, label: "demo", actor: .adminCLI),
            password: password,
            lastMonthStart: lastMonth.description, lastMonthEnd: thisMonth.description
        )
    }
}
