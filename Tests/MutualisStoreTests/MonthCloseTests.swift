import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

@Suite("The month's close")
struct MonthCloseTests {
    let march = DatePeriod(start: LocalDate("2027-03-01")!, end: LocalDate("2027-04-01")!)!

    func cost(_ cents: Int, _ label: String, in period: DatePeriod) -> CostInput {
        CostInput(resourceID: nil, period: period, amountCents: cents, category: .other, label: label)
    }

    @Test("choosing a period twice recomputes its draft, which then says what changed")
    func draftIsReusedAndSaysWhatChanged() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["A", "B", "C"])
            let database = MutualisDatabase(pool: pool)
            let costs = CostStore(database: database)
            let runs = AllocationRunStore(database: database)
            let fee = try await costs.create(pole: pole.id, cost(10_000, "Fee", in: march), actor: .adminCLI)
            let first = try await runs.draft(pole: pole.id, period: march, actor: .adminCLI)
            #expect(first.previous == nil && first.changes == nil)

            let dues = try await costs.create(pole: pole.id, cost(300, "Dues", in: march), actor: .adminCLI)
            let second = try await runs.draft(pole: pole.id, period: march, actor: .adminCLI)
            #expect(second.run.id == first.run.id)
            let changes = try #require(second.changes)
            #expect(changes.costs == [RunChanges.CostChange(costID: dues.id, beforeCents: nil, afterCents: 300)])
            #expect(changes.charges.map(\.differenceCents).reduce(0, +) == 300)
            #expect(Set(changes.charges.map(\.memberID)) == Set(pole.members))
            // Read back, the run says the same.
            #expect(try await runs.get(pole: pole.id, first.run.id).changes == changes)
            #expect(second.run.allocations.allSatisfy(\.isBalanced) && second.run.allocations.map(\.costID).contains(fee.id))
        }
    }

    @Test("a draft recomputed after its review is not finalised unseen; the reviewed version is")
    func finaliseNeedsTheReviewedVersion() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["A", "B"])
            let database = MutualisDatabase(pool: pool)
            let runs = AllocationRunStore(database: database)
            _ = try await CostStore(database: database).create(pole: pole.id, cost(10_001, "Fee", in: march), actor: .adminCLI)
            let reviewed = try await runs.draft(pole: pole.id, period: march, actor: .adminCLI)
            let recomputed = try await runs.recompute(pole: pole.id, reviewed.run.id, actor: .adminCLI)
            #expect(recomputed.version != reviewed.version)
            await #expect(
                throws: StoreError.conflict("the draft was computed again since it was reviewed; review it again", field: "version")
            ) {
                try await runs.finalize(pole: pole.id, reviewed.run.id, version: reviewed.version, actor: .adminCLI)
            }
            let final = try await runs.finalize(pole: pole.id, reviewed.run.id, version: recomputed.version, actor: .adminCLI)
            #expect(final.run.status == .finalized)
            let history = try await runs.history(pole: pole.id, reviewed.run.id)
            #expect(history.map(\.action) == [.create, .recompute, .finalize])
            #expect(history.allSatisfy { $0.actor == "admin-cli" })
        }
    }

    @Test("two coordinators finalising the same review at once: one finalises, the other is told")
    func racingFinalisations() async throws {
        try await withMigratedDatabase(size: 4) { pool in
            let pole = try await StoredPole.make(pool, members: ["A", "B"])
            let database = MutualisDatabase(pool: pool)
            let runs = AllocationRunStore(database: database)
            _ = try await CostStore(database: database).create(pole: pole.id, cost(999, "Fee", in: march), actor: .adminCLI)
            let draft = try await runs.draft(pole: pole.id, period: march, actor: .adminCLI)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        (try? await runs.finalize(pole: pole.id, draft.run.id, version: draft.version, actor: .adminCLI)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
        }
    }

    @Test("four coordinators choosing the same month at once make one draft, computed four times")
    func racingDrafts() async throws {
        try await withMigratedDatabase(size: 4) { pool in
            let pole = try await StoredPole.make(pool, members: ["A", "B"])
            let database = MutualisDatabase(pool: pool)
            let runs = AllocationRunStore(database: database)
            _ = try await CostStore(database: database).create(pole: pole.id, cost(999, "Fee", in: march), actor: .adminCLI)
            let drafts = try await withThrowingTaskGroup(of: AllocationRunID.self) { group in
                for _ in 0..<4 { group.addTask { try await runs.draft(pole: pole.id, period: march, actor: .adminCLI).run.id } }
                return try await group.reduce(into: Set<AllocationRunID>()) { $0.insert($1) }
            }
            #expect(drafts.count == 1)
            #expect(try await runs.all(pole: pole.id).count == 1)
            #expect(
                try await runs.history(pole: pole.id, try #require(drafts.first)).map(\.action) == [
                    .create, .recompute, .recompute, .recompute,
                ])
        }
    }

    @Test("a published period is what the public page shows; withdrawing it leaves none")
    func publication() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["A"])
            let poles = PoleStore(database: MutualisDatabase(pool: pool))
            #expect(try await poles.get(pole.id).publication == nil)
            #expect(try await poles.publish(pole.id, period: march, actor: .adminCLI).publication == march)
            #expect(try await poles.get(pole.id).publication == march)
            #expect(try await poles.publish(pole.id, period: nil, actor: .adminCLI).publication == nil)
        }
    }
}
