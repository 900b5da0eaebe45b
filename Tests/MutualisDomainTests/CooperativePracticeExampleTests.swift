import MutualisDomain
import Testing

/// The worked examples of the cooperative practices (README, "Cooperative practices"), to
/// the cent: volume commitments under the commitment floor.
@Suite("Worked examples of the commitment floor")
struct CooperativePracticeExampleTests {
    typealias F = Fixture

    static let year2027 = DatePeriod(start: F.date("2027-01-01"), end: F.date("2028-01-01"))!
    static let floor = AllocationRule(method: .usage, floor: .commitment)

    static func commitment(_ member: MemberID, hoursAYear: Int, from start: String, to end: String) -> CommittedVolume {
        CommittedVolume(
            memberID: member, perYear: F.hours(Double(hoursAYear)),
            term: DatePeriod(start: F.date(start), end: F.date(end).adding(days: 1))!)
    }

    @Test("7. chipper 2 190.00 for 2027: A committed 100 h used 60, B committed 50 h used 80, C used 20 → A 1 095.00, B 876.00, C 219.00")
    func underAndOverCommitment() throws {
        let cost = CostToShare(
            costID: F.costID, amountCents: 219_000, period: Self.year2027, rule: Self.floor,
            usage: [F.a: F.hours(60), F.b: F.hours(80), F.c: F.hours(20)],
            commitments: [
                Self.commitment(F.a, hoursAYear: 100, from: "2027-01-01", to: "2029-12-31"),
                Self.commitment(F.b, hoursAYear: 50, from: "2026-01-01", to: "2028-12-31"),
            ]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b), F.member(F.c)])
        #expect(result.amount(for: F.a) == 109_500)
        #expect(result.amount(for: F.b) == 87_600)
        #expect(result.amount(for: F.c) == 21_900)
        #expect(result.unallocatedCents == 0)
        #expect(result.lines.map(\.basis) == [100, 80, 20])
        #expect(result.lines.map(\.basisSetBy) == [.commitment, .use, .use])
    }

    @Test(
        "8. chipper 900.00 for April 2027: A 365 h a year (30 h) used 12, B 730 h a year from 16 April (30 h) used 10, C used 15 → A 360.00, B 360.00, C 180.00"
    )
    func commitmentStartingMidPeriod() throws {
        let april = DatePeriod.month(of: F.date("2027-04-01"))
        let cost = CostToShare(
            costID: F.costID, amountCents: 90_000, period: april, rule: Self.floor,
            usage: [F.a: F.hours(12), F.b: F.hours(10), F.c: F.hours(15)],
            commitments: [
                Self.commitment(F.a, hoursAYear: 365, from: "2027-01-01", to: "2027-12-31"),
                Self.commitment(F.b, hoursAYear: 730, from: "2027-04-16", to: "2030-04-15"),
            ]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b), F.member(F.c)])
        #expect(result.amount(for: F.a) == 36_000)
        #expect(result.amount(for: F.b) == 36_000)
        #expect(result.amount(for: F.c) == 18_000)
        #expect(result.lines.map(\.basis) == [30, 30, 15])
        #expect(result.lines.map(\.basisSetBy) == [.commitment, .commitment, .use])
    }

    @Test("a leap year's day is 1/366 of a commitment: 366 h a year is 29 h in February 2028")
    func leapYear() throws {
        let february = DatePeriod.month(of: F.date("2028-02-01"))
        let cost = CostToShare(
            costID: F.costID, amountCents: 5_800, period: february, rule: Self.floor, usage: [F.b: F.hours(29)],
            commitments: [Self.commitment(F.a, hoursAYear: 366, from: "2028-01-01", to: "2028-12-31")]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b)])
        #expect(result.lines.map(\.basis) == [29, 29])
        #expect(result.amount(for: F.a) == 2_900)
        #expect(result.amount(for: F.b) == 2_900)
    }

    @Test("a period across a common and a leap year counts each day in its own year, exactly")
    func acrossYears() {
        let winter = DatePeriod(start: F.date("2027-12-01"), end: F.date("2028-02-01"))!
        let floor = CommitmentFloor(period: winter)
        #expect(floor.scale == 365 * 366)
        // 31 days of 2027 at 365 h a year, 31 days of 2028 at 366 h: 62 hours, to the millisecond.
        let committed = floor.committed([
            Self.commitment(F.a, hoursAYear: 365, from: "2027-12-01", to: "2027-12-31"),
            Self.commitment(F.a, hoursAYear: 366, from: "2028-01-01", to: "2028-12-31"),
        ])
        #expect(committed == Int128(F.hours(62)) * floor.scale)
    }

    @Test("without the floor, commitments change nothing; the floor is refused under other methods")
    func floorOnlyWhereAsked() throws {
        let commitments = [Self.commitment(F.a, hoursAYear: 100, from: "2027-01-01", to: "2027-12-31")]
        let plain = CostToShare(
            costID: F.costID, amountCents: 10_000, period: Self.year2027, rule: .resourceDefault,
            usage: [F.a: F.hours(10), F.b: F.hours(30)], commitments: commitments)
        let result = try AllocationEngine.allocate(plain, among: [F.member(F.a), F.member(F.b)])
        #expect(result.amount(for: F.a) == 2_500)
        #expect(result.lines.allSatisfy { $0.basisSetBy == nil })
        #expect(
            AllocationRule(method: .equal, floor: .commitment).validationErrors().map(\.field) == ["floor"])
        #expect(AllocationRule(method: .hybrid, fixedPart: 0.5, fixedKey: .equal, floor: .commitment).validationErrors().isEmpty)
    }

    @Test("a commitment nobody used is paid whole: the floor makes a machine nobody used that month affordable to share")
    func committedNotUsed() throws {
        let april = DatePeriod.month(of: F.date("2027-04-01"))
        let cost = CostToShare(
            costID: F.costID, amountCents: 30_000, period: april, rule: Self.floor, usage: [:],
            commitments: [
                Self.commitment(F.a, hoursAYear: 365, from: "2027-01-01", to: "2027-12-31"),
                Self.commitment(F.b, hoursAYear: 730, from: "2027-01-01", to: "2027-12-31"),
            ]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b), F.member(F.c)])
        #expect(result.amount(for: F.a) == 10_000)
        #expect(result.amount(for: F.b) == 20_000)
        #expect(result.isBalanced)
    }

    @Test("under absorb, committed time counts as used against the capacity")
    func absorbWithFloor() throws {
        let april = DatePeriod.month(of: F.date("2027-04-01"))
        let cost = CostToShare(
            costID: F.costID, amountCents: 60_000, period: april, rule: AllocationRule(method: .usage, idle: .absorb, floor: .commitment),
            usage: [F.b: F.hours(30)], capacity: F.hours(120),
            commitments: [Self.commitment(F.a, hoursAYear: 365, from: "2027-01-01", to: "2027-12-31")]
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b)])
        #expect(result.amount(for: F.a) == 15_000)
        #expect(result.amount(for: F.b) == 15_000)
        #expect(result.unallocatedCents == 30_000)
    }
}
