import Foundation
import MutualisDomain
import MutualisStore
import MutualisTestSupport
import PostgresClient
import Testing

/// Reads that span several statements see one snapshot.
@Suite("Consistent reads")
struct ConsistentReadTests {
    @Test("a run read while it is recomputed is the old run or the new one, never a mix")
    func runReadDuringRecompute() async throws {
        try await withMigratedDatabase(size: 4) { pool in
            let pole = try await StoredPole.make(pool, members: ["Les Fabriques", "Ardelaine", "La Cordée"])
            let costs = CostStore(database: MutualisDatabase(pool: pool))
            let march = DatePeriod(start: LocalDate("2027-03-01")!, end: LocalDate("2027-04-01")!)!
            func addCost(_ cents: Int) async throws {
                _ = try await costs.create(
                    pole: pole.id, CostInput(resourceID: nil, period: march, amountCents: cents, category: .rent, label: "Loyer"),
                    actor: .adminCLI)
            }
            try await addCost(10_000)
            let runs = AllocationRunStore(database: MutualisDatabase(pool: pool))
            let run = try await runs.create(pole: pole.id, period: march, actor: .adminCLI)
            let rounds = 25
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for round in 1...rounds {
                        try await addCost(10_000 + round)
                        _ = try await runs.recompute(pole: pole.id, run.run.id, actor: .adminCLI)
                    }
                }
                for _ in 0..<2 {
                    group.addTask {
                        var seenCosts = 1
                        while seenCosts <= rounds {
                            let read = try await runs.get(pole: pole.id, run.run.id)
                            let costIDs = Set(read.costs.map(\.cost.id))
                            #expect(read.run.allocations.count == read.costs.count)
                            for allocation in read.run.allocations {
                                #expect(
                                    allocation.lines.reduce(0) { $0 + $1.amountCents } + allocation.unallocatedCents
                                        == allocation.amountCents)
                                #expect(allocation.lines.count == 3)
                                #expect(allocation.lines.allSatisfy { $0.costID == allocation.costID && costIDs.contains($0.costID) })
                            }
                            #expect(read.costs.count >= seenCosts)
                            seenCosts = read.costs.count
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("a read-only snapshot refuses writes and sees nothing committed after it began")
    func snapshot() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            try await pool.withConnection { try $0.execute("CREATE TABLE counters (n int)") }
            let (first, second) = try await pool.withSnapshot { connection -> (Int, Int) in
                let first = try connection.query("SELECT count(*) FROM counters").first!.decode(Int.self, at: 0)
                let other = try PostgresConnection(configuration: pool.configuration)
                try other.execute("INSERT INTO counters VALUES (1)")
                let second = try connection.query("SELECT count(*) FROM counters").first!.decode(Int.self, at: 0)
                return (first, second)
            }
            #expect(first == 0 && second == 0)
            await #expect(throws: PostgresError.self) {
                try await pool.withSnapshot { try $0.execute("INSERT INTO counters VALUES (2)") }
            }
        }
    }
}
