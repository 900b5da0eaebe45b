// An allocation run over a seeded database, end to end: bases aggregated in SQL, shares
// computed by the engine, lines stored, and the run read back as the API answers it.
// Prints figures; run through Benchmarks/allocation-run-benchmark.sh, which seeds the data.
import Foundation
import MutualisDomain
import MutualisStore

guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"],
    let poleText = ProcessInfo.processInfo.environment["POLE_ID"], let pole = PoleID(poleText)
else {
    FileHandle.standardError.write(Data("set DATABASE_URL and POLE_ID\n".utf8))
    exit(2)
}
// Drafts may share the same costs until one is finalised: each repetition computes the year
// anew from the same bookings, so that a machine whose pace varies shows a median, not a draw.
let runsText = ProcessInfo.processInfo.environment["RUNS"] ?? "5"
guard let repetitions = Int(runsText), repetitions > 0 else {
    FileHandle.standardError.write(Data("RUNS must be a whole number of drafts, at least 1 (got \(runsText))\n".utf8))
    exit(2)
}
let database = MutualisDatabase(address: try DatabaseAddress(url), connections: 2)
let runs = AllocationRunStore(database: database)
let year = DatePeriod(start: LocalDate("2027-01-01")!, end: LocalDate("2028-01-01")!)!
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> String {
    String(format: "%.2f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
}

var created: StoredAllocationRun?
var creations: [Duration] = []
for _ in 0..<repetitions {
    creations.append(try await clock.measure { created = try await runs.create(pole: pole, period: year, actor: .adminCLI) })
}
let run = created!
let lines = run.run.lines.count
guard lines > 0 else {
    FileHandle.standardError.write(Data("nothing to share: every cost of 2027 is already finalised; seed a fresh database\n".utf8))
    exit(1)
}
print("run for 2027: \(run.costs.count) costs, \(lines) lines, \(run.run.unallocatedCents) cents unallocated")
let sorted = creations.sorted()
let middle = repetitions / 2
let median = repetitions % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
print("create (aggregate, share, store), \(repetitions) drafts: \(creations.map(seconds).joined(separator: ", "))")
print("  best \(seconds(sorted[0])), median \(seconds(median)), worst \(seconds(sorted[repetitions - 1])) (target < 2 s)")
let recompute = try await clock.measure { _ = try await runs.recompute(pole: pole, run.run.id, actor: .adminCLI) }
print("recompute the draft:                           \(seconds(recompute))")
let member = run.run.lines[lines / 2].memberID
let statement = try await clock.measure { _ = try await runs.statement(pole: pole, run.run.id, member: member, finalizedOnly: false) }
print("one member's statement:                        \(seconds(statement))")
let finalize = try await clock.measure { _ = try await runs.finalize(pole: pole, run.run.id, actor: .adminCLI) }
print("finalize (and read the run back):              \(seconds(finalize))")
await database.close()
