import Foundation
import MutualisDomain

// One year of a large pole, shared by the engine alone (no database):
// 1 000 members, 200 resources, 12 monthly costs each (2 400 costs), usage bases aggregated
// from 1 000 000 random bookings. Run: swift run -c release allocation-benchmark

var generator = SplitMix64(seed: 2026)
let memberCount = 1_000
let resourceCount = 200
let bookingCount = 1_000_000
let zone = PoleTimeZone.paris

let categoryCoefficients = [Coefficient.one, Coefficient(0.5)!, Coefficient(0.75)!]
let members = (0..<memberCount).map { index in
    AllocationMember(
        id: MemberID(),
        coefficient: categoryCoefficients[index % categoryCoefficients.count],
        headcountHundredths: Int.random(in: 50...5_000, using: &generator),
        annualBudgetCents: Int.random(in: 1_000_000...1_000_000_000, using: &generator),
        joinedOn: LocalDate("2025-01-01")!.adding(days: Int.random(in: 0...500, using: &generator))
    )
}
let months = (1...12).map { DatePeriod.month(of: LocalDate(year: 2026, month: $0, day: 1)!) }

// usage[resource][month][member] in seconds, as the store would aggregate it from bookings.
var usage = [[[Int: Int]]](repeating: [[Int: Int]](repeating: [:], count: 12), count: resourceCount)
for _ in 0..<bookingCount {
    let resource = Int.random(in: 0..<resourceCount, using: &generator)
    let month = Int.random(in: 0..<12, using: &generator)
    let member = Int.random(in: 0..<memberCount, using: &generator)
    usage[resource][month][member, default: 0] += 1_800 * Int.random(in: 1...8, using: &generator)
}

let rules: [AllocationRule] = [
    .resourceDefault,
    AllocationRule(method: .usage, idle: .absorb),
    AllocationRule(method: .hybrid, fixedPart: 0.4, fixedKey: .headcount),
    .poleWideDefault,
    AllocationRule(method: .weighted, weight: .budget),
]
var costs: [CostToShare] = []
for resource in 0..<resourceCount {
    let rule = rules[resource % rules.count]
    for month in 0..<12 {
        let capacity = 2 * Int(zone.range(of: months[month]).duration)
        costs.append(
            CostToShare(
                costID: CostID(), amountCents: Int.random(in: 10_000...5_000_000, using: &generator), period: months[month],
                rule: rule,
                usage: Dictionary(uniqueKeysWithValues: usage[resource][month].map { (members[$0.key].id, $0.value) }),
                capacity: capacity
            ))
    }
}

print("allocation engine: \(memberCount) members, \(resourceCount) resources, \(costs.count) costs, bases from \(bookingCount) bookings")
var timings: [Double] = []
var lineCount = 0
var checksum = 0
for _ in 0..<5 {
    let start = DispatchTime.now()
    let result = try AllocationEngine.allocate(costs, among: members)
    timings.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    lineCount = result.reduce(0) { $0 + $1.lines.count }
    checksum = result.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.amountCents } + $1.unallocatedCents }
}
timings.sort()
let total = costs.reduce(0) { $0 + $1.amountCents }
print("lines: \(lineCount); shared \(checksum) of \(total) cents (\(checksum == total ? "exact" : "MISMATCH"))")
print(String(format: "time for the year: best %.3f s, median %.3f s, worst %.3f s (target < 1 s)", timings[0], timings[2], timings[4]))

/// A small seeded generator, so that every run shares the same year.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
