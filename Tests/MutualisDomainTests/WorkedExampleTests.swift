import MutualisDomain
import Testing

/// The six worked examples of DOMAIN.md, to the cent.
@Suite("Worked examples of DOMAIN.md")
struct WorkedExampleTests {
    typealias F = Fixture

    @Test("1. van leasing by usage, full: A 750.00, B 250.00, C 0.00")
    func usageFull() throws {
        let cost = CostToShare(
            costID: F.costID, amountCents: 100_000, period: F.march, rule: .resourceDefault,
            usage: [F.a: F.hours(30), F.b: F.hours(10), F.c: 0]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b), F.member(F.c)])
        #expect(result.amount(for: F.a) == 75_000)
        #expect(result.amount(for: F.b) == 25_000)
        #expect(result.amount(for: F.c) == 0)
        #expect(result.unallocatedCents == 0)
    }

    @Test("2. fee shared equally among three: A 33.34, B 33.33, C 33.33")
    func equalThirds() throws {
        let cost = CostToShare(costID: F.costID, amountCents: 10_000, period: F.march, rule: .poleWideDefault)
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.c), F.member(F.b), F.member(F.a)])
        #expect(result.amount(for: F.a) == 3_334)
        #expect(result.amount(for: F.b) == 3_333)
        #expect(result.amount(for: F.c) == 3_333)
    }

    @Test("3. shared accountant, hybrid 40 % headcount + 60 % hours: A 1 200.00, B 1 500.00, C 300.00")
    func hybrid() throws {
        let rule = AllocationRule(method: .hybrid, fixedPart: 0.4, fixedKey: .headcount)
        let cost = CostToShare(
            costID: F.costID, amountCents: 300_000, period: F.march, rule: rule,
            usage: [F.a: F.hours(20), F.b: F.hours(40), F.c: 0]
        )
        let members = [F.member(F.a, headcount: 10), F.member(F.b, headcount: 5), F.member(F.c, headcount: 5)]
        let result = try AllocationEngine.allocate(cost, among: members)
        #expect(result.amount(for: F.a) == 120_000)
        #expect(result.amount(for: F.b) == 150_000)
        #expect(result.amount(for: F.c) == 30_000)
    }

    @Test("4. room rent by usage with C's coefficient 0.5: A 360.00, B 360.00, C 180.00")
    func solidarityCoefficient() throws {
        let cost = CostToShare(
            costID: F.costID, amountCents: 90_000, period: F.march, rule: .resourceDefault,
            usage: [F.a: F.hours(10), F.b: F.hours(10), F.c: F.hours(10)]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b), F.member(F.c, coefficient: 0.5)])
        #expect(result.amount(for: F.a) == 36_000)
        #expect(result.amount(for: F.b) == 36_000)
        #expect(result.amount(for: F.c) == 18_000)
        #expect(result.lines.map(\.basis) == [10, 10, 5])
    }

    @Test("5. van by usage, absorb, 160 h available: A 187.50, B 62.50, unallocated 750.00")
    func absorbIdleCapacity() throws {
        let rule = AllocationRule(method: .usage, idle: .absorb)
        let cost = CostToShare(
            costID: F.costID, amountCents: 100_000, period: F.march, rule: rule,
            usage: [F.a: F.hours(30), F.b: F.hours(10)], capacity: F.hours(160)
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b)])
        #expect(result.amount(for: F.a) == 18_750)
        #expect(result.amount(for: F.b) == 6_250)
        #expect(result.unallocatedCents == 75_000)
    }

    @Test("6. fee of a 30-day period, C joined on day 16: A 300.00, B 300.00, C 150.00")
    func proRataMembership() throws {
        let april = DatePeriod.month(of: F.date("2026-04-01"))
        #expect(april.dayCount == 30)
        let cost = CostToShare(costID: F.costID, amountCents: 75_000, period: april, rule: .poleWideDefault)
        let members = [F.member(F.a), F.member(F.b), F.member(F.c, joined: "2026-04-16")]
        let result = try AllocationEngine.allocate(cost, among: members)
        #expect(result.amount(for: F.a) == 30_000)
        #expect(result.amount(for: F.b) == 30_000)
        #expect(result.amount(for: F.c) == 15_000)
    }

    @Test("6, continued: shared in one run with March's fee, each fee counts membership days in its own month")
    func proRataMembershipPerPeriod() throws {
        let april = DatePeriod.month(of: F.date("2026-04-01"))
        let members = [F.member(F.a), F.member(F.b), F.member(F.c, joined: "2026-04-16")]
        let costs = [
            CostToShare(costID: CostID(), amountCents: 60_000, period: F.march, rule: .poleWideDefault),
            CostToShare(costID: CostID(), amountCents: 75_000, period: april, rule: .poleWideDefault),
            CostToShare(costID: CostID(), amountCents: 60_000, period: F.march, rule: .poleWideDefault),
        ]
        let results = try AllocationEngine.allocate(costs, among: members)
        for march in [results[0], results[2]] {
            #expect(march.amount(for: F.a) == 30_000)
            #expect(march.amount(for: F.b) == 30_000)
            #expect(march.amount(for: F.c) == 0)
        }
        #expect(results[1].amount(for: F.a) == 30_000)
        #expect(results[1].amount(for: F.b) == 30_000)
        #expect(results[1].amount(for: F.c) == 15_000)
    }

    @Test("5, continued: available hours are real hours, the March with the spring change is an hour short")
    func capacityAcrossDST() {
        let zone = PoleTimeZone.paris
        let march = zone.range(of: F.march)
        #expect(march.duration == Double((31 * 24 - 1) * 3600))
        let october = zone.range(of: DatePeriod.month(of: F.date("2026-10-01")))
        #expect(october.duration == Double((31 * 24 + 1) * 3600))
    }
}
