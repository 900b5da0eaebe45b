import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

/// The queries the coordination's pages add, each against a real database.
@Suite("Coordination queries")
struct CoordinationQueryTests {
    func at(_ text: String) -> Date { RFC3339.parse(text)! }

    @Test("the approval queue: pending bookings, oldest request first, each with the live bookings around it")
    func approvalQueue() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["A", "B"])
            let database = MutualisDatabase(pool: pool)
            let machine = try await ResourceStore(database: database).create(
                pole: pole.id, ResourceInput(name: "Machine", kind: .equipment, rules: ResourceRules(approvalRequired: true)),
                actor: .adminCLI)
            let bookings = BookingStore(database: database)
            let now = at("2027-03-01T00:00:00Z")
            func book(_ member: Int, _ from: String, _ to: String) async throws -> Booking {
                try await bookings.book(
                    pole: pole.id,
                    BookingInput(
                        resourceID: machine.id, memberID: pole.members[member],
                        range: TimeRange(start: at("2027-03-10T\(from):00+01:00"), end: at("2027-03-10T\(to):00+01:00"))!),
                    actor: .adminCLI, confirm: false, now: now
                ).bookings[0]
            }
            let first = try await book(0, "09:00", "10:00")
            let second = try await book(1, "14:00", "15:00")
            let confirmed = try await book(1, "11:00", "12:00")
            _ = try await bookings.move(confirmed.id, to: .confirmed, scope: BookingScope(poleID: pole.id, memberID: nil), actor: .adminCLI)

            let queue = try await bookings.pending(pole: pole.id)
            #expect(queue.map(\.booking.id) == [first.id, second.id])
            #expect(queue[0].around.map(\.id) == [confirmed.id, second.id])
            #expect(queue[0].booking.createdAt != nil)

            let rejected = try await bookings.move(
                second.id, to: .rejected, scope: BookingScope(poleID: pole.id, memberID: nil), actor: .adminCLI, reason: "En révision")
            #expect(rejected[0].decisionReason == "En révision")
            #expect(
                try await bookings.get(second.id, scope: BookingScope(poleID: pole.id, memberID: pole.members[1])).decisionReason
                    == "En révision")
            #expect(try await bookings.pending(pole: pole.id).map(\.booking.id) == [first.id])
        }
    }

    @Test("two coordinators deciding one booking at once: one decision holds, the other is told it is settled")
    func racingDecisions() async throws {
        try await withMigratedDatabase(size: 4) { pool in
            let pole = try await StoredPole.make(pool, members: ["A"])
            let database = MutualisDatabase(pool: pool)
            let machine = try await ResourceStore(database: database).create(
                pole: pole.id, ResourceInput(name: "Machine", kind: .equipment, rules: ResourceRules(approvalRequired: true)),
                actor: .adminCLI)
            let bookings = BookingStore(database: database)
            let booking = try await bookings.book(
                pole: pole.id,
                BookingInput(
                    resourceID: machine.id, memberID: pole.members[0],
                    range: TimeRange(start: at("2027-03-10T09:00:00+01:00"), end: at("2027-03-10T10:00:00+01:00"))!),
                actor: .adminCLI, confirm: false, now: at("2027-03-01T00:00:00Z")
            ).bookings[0]
            let scope = BookingScope(poleID: pole.id, memberID: nil)
            let outcomes = await withTaskGroup(of: BookingStatus?.self) { group in
                for next in [BookingStatus.confirmed, .rejected, .confirmed, .rejected] {
                    group.addTask {
                        (try? await bookings.move(booking.id, to: next, scope: scope, actor: .adminCLI, reason: "x"))?.first?.status
                    }
                }
                return await group.reduce(into: [BookingStatus?]()) { $0.append($1) }
            }
            let winners = outcomes.compactMap { $0 }
            #expect(winners.count == 1)
            #expect(try await bookings.get(booking.id, scope: scope).status == winners.first)
        }
    }

    @Test("the month's costs by resource, pole-wide first, each saying whether a finalised run locks it")
    func costLedger() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["A"])
            let database = MutualisDatabase(pool: pool)
            let room = try await ResourceStore(database: database).create(
                pole: pole.id, ResourceInput(name: "Salle", kind: .premises), actor: .adminCLI)
            let costs = CostStore(database: database)
            let march = DatePeriod(start: LocalDate("2027-03-01")!, end: LocalDate("2027-04-01")!)!
            let quarter = DatePeriod(start: LocalDate("2027-01-01")!, end: LocalDate("2027-04-01")!)!
            let april = DatePeriod(start: LocalDate("2027-04-01")!, end: LocalDate("2027-05-01")!)!
            let rent = try await costs.create(
                pole: pole.id, CostInput(resourceID: room.id, period: march, amountCents: 50_000, category: .rent, label: "Loyer"),
                actor: .adminCLI)
            let insurance = try await costs.create(
                pole: pole.id, CostInput(resourceID: nil, period: quarter, amountCents: 9_000, category: .insurance, label: "Assurance"),
                actor: .adminCLI)
            _ = try await costs.create(
                pole: pole.id, CostInput(resourceID: nil, period: april, amountCents: 100, category: .other, label: "Avril"),
                actor: .adminCLI)
            let runs = AllocationRunStore(database: database)
            _ = try await runs.finalize(
                pole: pole.id, try await runs.create(pole: pole.id, period: march, actor: .adminCLI).run.id, actor: .adminCLI)

            let ledger = try await costs.ledger(pole: pole.id, meeting: march)
            #expect(ledger.map(\.cost.id) == [insurance.id, rent.id])
            #expect(ledger.map(\.locked) == [false, true])
        }
    }

    @Test("a resource's blackouts not yet over, by start, and a timesheet resource's recorded hours in the report")
    func blackoutsAndRecordedHours() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let pole = try await StoredPole.make(pool, members: ["A"])
            let database = MutualisDatabase(pool: pool)
            let resources = ResourceStore(database: database)
            let accountant = try await resources.create(pole: pole.id, ResourceInput(name: "Comptable", kind: .staff), actor: .adminCLI)
            let past = TimeRange(start: at("2020-01-01T00:00:00Z"), end: at("2020-01-02T00:00:00Z"))!
            let later = TimeRange(start: at("2030-02-01T00:00:00Z"), end: at("2030-02-02T00:00:00Z"))!
            let soon = TimeRange(start: at("2030-01-01T00:00:00Z"), end: at("2030-01-02T00:00:00Z"))!
            for (range, reason) in [(later, "Congés"), (past, "Ancien"), (soon, "Formation")] {
                try await resources.addBlackout(pole: pole.id, accountant.id, range: range, reason: reason, actor: .adminCLI)
            }
            let listed = try await resources.blackouts(pole: pole.id, accountant.id, endingAfter: at("2026-12-01T00:00:00Z"))
            #expect(listed.map(\.reason) == ["Formation", "Congés"])

            _ = try await UsageStore(database: database).record(
                pole: pole.id, resource: accountant.id, member: pole.members[0],
                range: TimeRange(start: at("2027-03-10T09:00:00+01:00"), end: at("2027-03-10T16:00:00+01:00"))!, quantityThousandths: 7_000,
                unit: .hours, actor: .adminCLI)
            let report = try await PoolingReportStore(database: database).report(
                pole: pole.id, period: DatePeriod(start: LocalDate("2027-03-01")!, end: LocalDate("2027-04-01")!)!)
            let use = try #require(report.resources.first)
            #expect(use.bookings == 0 && use.recordedHours == 7 && use.usedHours == 7)
            #expect((use.utilisationPercent ?? 0) > 0)
            #expect(report.costsByKind.isEmpty)
        }
    }
}
