import MutualisDomain
import PropertyBased
import Testing

/// Properties that hold for any members, bases and amounts.
@Suite("Cost allocation properties")
struct AllocationPropertyTests {
    typealias F = Fixture

    /// A random pole month: members with use, coefficients, headcounts, budgets, join dates.
    struct Scenario: Sendable, CustomStringConvertible {
        var members: [AllocationMember]
        var usage: [MemberID: Int]
        var amountCents: Int
        var capacity: Int

        var description: String { "\(members.count) members, \(amountCents) cents, usage \(usage.values.sorted())" }

        static let generator = zip(
            Gen.int(in: 0...12_000).array(of: 1...16),
            Gen.element(of: [0.25, 0.5, 0.75, 1.0, 1.0, 1.0, 1.5, 2.0, 0.0]).array(of: 16),
            Gen.int(in: 0...40).array(of: 16),
            Gen.int(in: 1...31).array(of: 16),
            Gen.int(in: 0...50_000_000),
            Gen.int(in: 0...200_000)
        ).map { minutes, coefficients, headcounts, joinDays, amount, capacityMinutes in
            let members = minutes.indices.map { index in
                AllocationMember(
                    id: F.memberID(number: index + 1),
                    coefficient: Coefficient(coefficients[index] ?? 1)!,
                    headcountHundredths: headcounts[index] * 25,
                    annualBudgetCents: headcounts[index] * 1_234_567,
                    joinedOn: F.date("2026-03-01").adding(days: joinDays[index] - 1)
                )
            }
            let usage = Dictionary(uniqueKeysWithValues: zip(members, minutes).map { ($0.id, $1 * 60) })
            return Scenario(members: members, usage: usage, amountCents: amount, capacity: capacityMinutes * 60)
        }

        func rules() -> [AllocationRule] {
            let shares = fixedShares()
            return [
                AllocationRule(method: .usage),
                AllocationRule(method: .usage, idle: .absorb),
                AllocationRule(method: .equal),
                AllocationRule(method: .weighted, weight: .headcount),
                AllocationRule(method: .weighted, weight: .budget),
                AllocationRule(method: .fixed, fixedShares: shares),
                AllocationRule(method: .hybrid, fixedPart: 0.4, fixedKey: .headcount),
                AllocationRule(method: .hybrid, idle: .absorb, fixedPart: 0.25, fixedKey: .equal),
                AllocationRule(method: .hybrid, fixedPart: 0.3333, fixedKey: .budget),
            ]
        }

        /// Percentages summing to exactly 100, in hundredths.
        func fixedShares() -> [MemberID: Double] {
            let count = members.count
            var hundredths = [Int](repeating: 10_000 / count, count: count)
            hundredths[0] += 10_000 - hundredths.reduce(0, +)
            return Dictionary(uniqueKeysWithValues: zip(members.map(\.id), hundredths.map { Double($0) / 100 }))
        }

        func cost(_ rule: AllocationRule) -> CostToShare {
            CostToShare(
                costID: F.costID, amountCents: amountCents, period: F.march, rule: rule,
                usage: usage, capacity: capacity
            )
        }
    }

    @Test("lines plus unallocated always equal the cost, to the cent, and no line is negative")
    func sumsToCost() async {
        await propertyCheck(count: 200, input: Scenario.generator) { scenario in
            for rule in scenario.rules() {
                let result = try AllocationEngine.allocate(scenario.cost(rule), among: scenario.members)
                #expect(result.lines.reduce(0) { $0 + $1.amountCents } + result.unallocatedCents == scenario.amountCents)
                #expect(result.lines.allSatisfy { $0.amountCents >= 0 })
                #expect(result.unallocatedCents >= 0)
            }
        }
    }

    @Test("under usage, a member with no use (or a zero coefficient) pays nothing")
    func zeroBasisPaysZero() async {
        await propertyCheck(count: 200, input: Scenario.generator) { scenario in
            for rule in [AllocationRule(method: .usage), AllocationRule(method: .usage, idle: .absorb)] {
                let result = try AllocationEngine.allocate(scenario.cost(rule), among: scenario.members)
                for member in scenario.members where scenario.usage[member.id] == 0 || member.coefficient.tenThousandths == 0 {
                    #expect(result.amount(for: member.id) == 0)
                }
            }
        }
    }

    @Test("the result does not depend on the order of the members, and a rerun is identical")
    func orderIndependentAndDeterministic() async {
        await propertyCheck(count: 100, input: Scenario.generator) { scenario in
            for rule in scenario.rules() {
                let first = try AllocationEngine.allocate(scenario.cost(rule), among: scenario.members)
                let shuffled = try AllocationEngine.allocate(scenario.cost(rule), among: scenario.members.shuffled())
                let rerun = try AllocationEngine.allocate(scenario.cost(rule), among: scenario.members)
                #expect(first == shuffled)
                #expect(first == rerun)
            }
        }
    }

    @Test("rounding moves each share by less than a cent from its exact value")
    func roundingIsTight() async {
        await propertyCheck(count: 200, input: Scenario.generator) { scenario in
            for rule in scenario.rules() {
                let result = try AllocationEngine.allocate(scenario.cost(rule), among: scenario.members)
                for line in result.lines {
                    let exact = line.share * Double(scenario.amountCents)
                    #expect(abs(Double(line.amountCents) - exact) < 1.000_001)
                }
            }
        }
    }

    @Test("a cost nobody used stays whole, as unallocated")
    func unusedCostIsUnallocated() throws {
        let cost = CostToShare(costID: F.costID, amountCents: 12_345, period: F.march, rule: .resourceDefault, usage: [F.a: 0])
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b)])
        #expect(result.lines.isEmpty)
        #expect(result.unallocatedCents == 12_345)
    }

    @Test("under absorb, what a coefficient takes off stays with the pole")
    func absorbKeepsCoefficientDifference() throws {
        let rule = AllocationRule(method: .usage, idle: .absorb)
        let cost = CostToShare(
            costID: F.costID, amountCents: 100_000, period: F.march, rule: rule,
            usage: [F.a: F.hours(40), F.b: F.hours(40)], capacity: F.hours(80)
        )
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b, coefficient: 0.5)])
        #expect(result.amount(for: F.a) == 50_000)
        #expect(result.amount(for: F.b) == 25_000)
        #expect(result.unallocatedCents == 25_000)
    }

    @Test("fixed shares ignore coefficients and must sum to 100")
    func fixedShares() throws {
        let rule = AllocationRule(method: .fixed, fixedShares: [F.a: 25, F.b: 75])
        let cost = CostToShare(costID: F.costID, amountCents: 1_001, period: F.march, rule: rule)
        let result = try AllocationEngine.allocate(cost, among: [F.member(F.a, coefficient: 0.5), F.member(F.b)])
        #expect(result.amount(for: F.a) == 250)
        #expect(result.amount(for: F.b) == 751)

        let bad = CostToShare(
            costID: F.costID, amountCents: 1_000, period: F.march, rule: AllocationRule(method: .fixed, fixedShares: [F.a: 25, F.b: 70]))
        #expect {
            try AllocationEngine.allocate(bad, among: [F.member(F.a), F.member(F.b)])
        } throws: { error in
            guard case .invalidRule(_, let errors) = error as? AllocationError else { return false }
            return errors.map(\.field) == ["fixedShares"]
        }
    }

    @Test("invalid input gives typed errors, never a silent zero")
    func invalidInput() {
        let members = [F.member(F.a)]
        #expect(throws: AllocationError.negativeAmount(F.costID)) {
            try AllocationEngine.allocate(
                CostToShare(costID: F.costID, amountCents: -1, period: F.march, rule: .poleWideDefault), among: members)
        }
        #expect(throws: AllocationError.unknownMember(F.costID, F.b)) {
            try AllocationEngine.allocate(
                CostToShare(costID: F.costID, amountCents: 100, period: F.march, rule: .resourceDefault, usage: [F.b: 60]), among: members)
        }
        #expect(throws: AllocationError.negativeUsage(F.costID, F.a)) {
            try AllocationEngine.allocate(
                CostToShare(costID: F.costID, amountCents: 100, period: F.march, rule: .resourceDefault, usage: [F.a: -60]), among: members)
        }
        #expect(throws: AllocationError.unknownMember(F.costID, F.c)) {
            try AllocationEngine.allocate(
                CostToShare(
                    costID: F.costID, amountCents: 100, period: F.march,
                    rule: AllocationRule(method: .fixed, fixedShares: [F.a: 50, F.c: 50])),
                among: members
            )
        }
        #expect {
            try AllocationEngine.allocate(
                CostToShare(costID: F.costID, amountCents: 100, period: F.march, rule: AllocationRule(method: .weighted)), among: members)
        } throws: { error in
            if case .invalidRule(_, let errors) = error as? AllocationError { errors.map(\.field) == ["weight"] } else { false }
        }
    }

    @Test("a contributed resource credits its owner with the whole cost")
    func ownerCredit() throws {
        let cost = CostToShare(
            costID: F.costID, amountCents: 100_000, period: F.march, rule: .resourceDefault,
            usage: [F.a: F.hours(30), F.b: F.hours(10)], ownerMemberID: F.a
        )
        let allocation = try AllocationEngine.allocate(cost, among: [F.member(F.a), F.member(F.b)])
        #expect(allocation.credit == Credit(memberID: F.a, costID: F.costID, amountCents: 100_000))
        let run = AllocationRun(id: AllocationRunID(), poleID: PoleID(), period: F.march, status: .draft, allocations: [allocation])
        #expect(run.statement(for: F.a).netCents == 75_000 - 100_000)
        #expect(run.statement(for: F.b).netCents == 25_000)
    }

    @Test("a member who left mid-period shares equal costs for its days only")
    func leftMidPeriod() throws {
        let cost = CostToShare(costID: F.costID, amountCents: 6_200, period: F.march, rule: .poleWideDefault)
        let members = [F.member(F.a), F.member(F.b, left: "2026-03-31"), F.member(F.c, left: "2026-02-28")]
        let result = try AllocationEngine.allocate(cost, among: members)
        #expect(result.amount(for: F.a) == 3_100)
        #expect(result.amount(for: F.b) == 3_100)
        #expect(result.amount(for: F.c) == 0)
    }
}
