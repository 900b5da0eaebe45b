import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import Testing

@testable import MutualisStore

/// Commitments, tiered cancellations, no-shows and the waitlist, against a real database:
/// the worked examples through the stores, to the cent, and the waitlist's races.
@Suite("Cooperative practices")
struct CooperativePracticeTests {
    func at(_ text: String) -> Date { RFC3339.parse(text)! }

    /// A pole, its stores, and a way to book a resource at fixed hours of a day.
    struct Setting {
        let pole: StoredPole
        let database: MutualisDatabase
        var bookings: BookingStore { BookingStore(database: database) }
        var waitlist: WaitlistStore { WaitlistStore(database: database) }
        var scope: BookingScope { BookingScope(poleID: pole.id, memberID: nil) }

        init(_ pool: PostgresConnectionPool, members: Int) async throws {
            pole = try await StoredPole.make(pool, members: (1...members).map { "Membre \($0)" })
            database = MutualisDatabase(pool: pool)
        }

        func resource(_ name: String, units: Int = 1, rules: ResourceRules = ResourceRules()) async throws -> Resource {
            try await ResourceStore(database: database).create(
                pole: pole.id, ResourceInput(name: name, kind: .equipment, units: units, rules: rules), actor: .adminCLI)
        }

        func input(_ resource: Resource, _ member: Int, _ start: String, _ end: String, quantity: Int = 1) -> BookingInput {
            BookingInput(
                resourceID: resource.id, memberID: pole.members[member],
                range: TimeRange(start: RFC3339.parse(start)!, end: RFC3339.parse(end)!)!, quantity: quantity)
        }

        func book(_ resource: Resource, _ member: Int, _ start: String, _ end: String, now: Date, quantity: Int = 1) async throws
            -> Booking
        {
            try await bookings.book(
                pole: pole.id, input(resource, member, start, end, quantity: quantity), actor: .adminCLI, confirm: true, now: now
            ).bookings[0]
        }

        func run(_ period: DatePeriod) async throws -> StoredAllocationRun {
            try await AllocationRunStore(database: database).create(pole: pole.id, period: period, actor: .adminCLI)
        }
    }

    // MARK: Tiered cancellation and no-shows

    @Test(
        "9. room 1 200.00 for March: A used 10 h, B cancelled 4 h three days before (50 %), C did not come to 4 h, D cancelled 8 days before → A 750.00, B 150.00, C 300.00"
    )
    func tiersAndNoShow() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let s = try await Setting(pool, members: 4)
            let tiers = [
                CancellationTier(withinMinutes: 7 * 1_440, countedPercent: 50),
                CancellationTier(withinMinutes: 48 * 60, countedPercent: 100),
            ]
            let room = try await s.resource("Salle", rules: ResourceRules(cancellationTiers: tiers))
            let early = at("2027-02-01T00:00:00Z")
            _ = try await s.book(room, 0, "2027-03-08T08:00:00+01:00", "2027-03-08T13:00:00+01:00", now: early)
            _ = try await s.book(room, 0, "2027-03-09T08:00:00+01:00", "2027-03-09T13:00:00+01:00", now: early)
            let late = try await s.book(room, 1, "2027-03-15T09:00:00+01:00", "2027-03-15T13:00:00+01:00", now: early)
            let absent = try await s.book(room, 2, "2027-03-16T09:00:00+01:00", "2027-03-16T13:00:00+01:00", now: early)
            let inTime = try await s.book(room, 3, "2027-03-20T09:00:00+01:00", "2027-03-20T13:00:00+01:00", now: early)

            let memberB = BookingScope(poleID: s.pole.id, memberID: s.pole.members[1])
            #expect(
                try await s.bookings.cancellationPreview(late.id, scope: memberB, now: at("2027-03-12T09:00:00+01:00")).countedPercent == 50
            )
            let cancelled = try await s.bookings.move(
                late.id, to: .cancelled, scope: memberB, actor: .adminCLI, now: at("2027-03-12T09:00:00+01:00"))
            #expect(cancelled[0].countedPercent == 50 && cancelled[0].lateCancellation)
            let free = try await s.bookings.move(
                inTime.id, to: .cancelled, scope: s.scope, actor: .adminCLI, now: at("2027-03-12T09:00:00+01:00"))
            #expect(free[0].countedPercent == 0 && !free[0].lateCancellation)

            await #expect(throws: StoreError.self) {
                try await s.bookings.markNoShow(absent.id, pole: s.pole.id, actor: .adminCLI, now: at("2027-03-16T08:59:00+01:00"))
            }
            let marked = try await s.bookings.markNoShow(absent.id, pole: s.pole.id, actor: .adminCLI, now: at("2027-03-16T09:30:00+01:00"))
            #expect(marked.noShow && marked.countedShare == 100)
            await #expect(throws: StoreError.self) {
                try await s.bookings.move(absent.id, to: .cancelled, scope: s.scope, actor: .adminCLI, now: at("2027-03-16T09:40:00+01:00"))
            }
            await #expect(throws: StoreError.self) {
                try await s.bookings.markNoShow(late.id, pole: s.pole.id, actor: .adminCLI, now: at("2027-03-16T09:30:00+01:00"))
            }

            let march = DatePeriod.month(of: LocalDate("2027-03-01")!)
            _ = try await CostStore(database: s.database).create(
                pole: s.pole.id, CostInput(resourceID: room.id, period: march, amountCents: 120_000, category: .rent, label: "Loyer"),
                actor: .adminCLI)
            let run = try await s.run(march).run
            let members = s.pole.members
            #expect(run.statement(for: members[0]).chargedCents == 75_000)
            #expect(run.statement(for: members[1]).chargedCents == 15_000)
            #expect(run.statement(for: members[2]).chargedCents == 30_000)
            #expect(run.statement(for: members[3]).chargedCents == 0)

            let runs = AllocationRunStore(database: s.database)
            let statementB = try await runs.statement(pole: s.pole.id, run.id, member: members[1], finalizedOnly: false)
            #expect(statementB.countedBookings.map(\.id) == [late.id])
            let statementC = try await runs.statement(pole: s.pole.id, run.id, member: members[2], finalizedOnly: false)
            #expect(statementC.countedBookings.map(\.id) == [absent.id])
            #expect(try await runs.statement(pole: s.pole.id, run.id, member: members[3], finalizedOnly: false).countedBookings.isEmpty)
            // The month's exports hold the same, for every member charged.
            let all = try await runs.statements(pole: s.pole.id, run.id)
            #expect(Set(all.map(\.member.id)) == Set(members.prefix(3)))
            #expect(all.first { $0.member.id == members[1] }?.countedBookings.map(\.id) == [late.id])

            let report = try await PoolingReportStore(database: s.database).report(pole: s.pole.id, period: march)
            let figures = try #require(report.resources.first { $0.resource.id == room.id })
            #expect(figures.lateCancellationHours == 2)
            #expect(figures.noShowHours == 4)
        }
    }

    @Test("a resource's tiers are stored and read back, furthest first; the single deadline becomes one tier by migration")
    func tiersStored() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            let s = try await Setting(pool, members: 1)
            let tiers = [
                CancellationTier(withinMinutes: 2_880, countedPercent: 100), CancellationTier(withinMinutes: 10_080, countedPercent: 50),
            ]
            let room = try await s.resource("Salle", rules: ResourceRules(cancellationTiers: tiers))
            let read = try await ResourceStore(database: s.database).get(pole: s.pole.id, room.id)
            #expect(read.rules.cancellationTiers == tiers.reversed())
            await #expect(throws: StoreError.self) {
                _ = try await s.resource(
                    "Salle 2",
                    rules: ResourceRules(cancellationTiers: [
                        .init(withinMinutes: 60, countedPercent: 50), .init(withinMinutes: 120, countedPercent: 100),
                    ]))
            }
        }
    }

    // MARK: Commitments

    @Test(
        "8 through the stores: commitments recorded, a rule with the floor, a month's run → A 360.00, B 360.00, C 180.00, statements saying what set the basis"
    )
    func commitmentRun() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let s = try await Setting(pool, members: 3)
            let chipper = try await s.resource("Broyeur")
            let members = s.pole.members
            let commitments = CommitmentStore(database: s.database)
            _ = try await commitments.create(
                pole: s.pole.id,
                CommitmentInput(
                    memberID: members[0], resourceID: chipper.id, volumeThousandths: 365_000, unit: .hours,
                    startsOn: LocalDate("2027-01-01")!,
                    endsOn: LocalDate("2027-12-31")!),
                actor: .adminCLI)
            let second = try await commitments.create(
                pole: s.pole.id,
                CommitmentInput(
                    memberID: members[1], resourceID: chipper.id, volumeThousandths: 730_000, unit: .hours,
                    startsOn: LocalDate("2027-04-16")!,
                    endsOn: LocalDate("2030-04-15")!, note: "Convention 2027-12"),
                actor: .adminCLI)
            #expect(try await commitments.list(pole: s.pole.id, member: members[1]).map(\.id) == [second.id])
            #expect(try await commitments.list(pole: s.pole.id, resource: chipper.id).count == 2)
            await #expect(throws: StoreError.self) {
                _ = try await commitments.create(
                    pole: s.pole.id,
                    CommitmentInput(
                        memberID: members[1], resourceID: chipper.id, volumeThousandths: 0, unit: .hours,
                        startsOn: LocalDate("2027-04-16")!,
                        endsOn: LocalDate("2027-04-15")!),
                    actor: .adminCLI)
            }
            _ = try await AllocationRuleStore(database: s.database).set(
                pole: s.pole.id, resource: chipper.id, rule: AllocationRule(method: .usage, floor: .commitment), effectiveFrom: nil,
                actor: .adminCLI)
            let early = at("2027-03-01T00:00:00Z")
            _ = try await s.book(chipper, 0, "2027-04-05T08:00:00+02:00", "2027-04-05T20:00:00+02:00", now: early)
            _ = try await s.book(chipper, 1, "2027-04-06T08:00:00+02:00", "2027-04-06T18:00:00+02:00", now: early)
            _ = try await s.book(chipper, 2, "2027-04-07T08:00:00+02:00", "2027-04-07T23:00:00+02:00", now: early)
            let april = DatePeriod.month(of: LocalDate("2027-04-01")!)
            _ = try await CostStore(database: s.database).create(
                pole: s.pole.id,
                CostInput(resourceID: chipper.id, period: april, amountCents: 90_000, category: .leasing, label: "Crédit-bail"),
                actor: .adminCLI)
            let created = try await s.run(april)
            let runs = AllocationRunStore(database: s.database)
            for stored in [created, try await runs.get(pole: s.pole.id, created.run.id)] {
                let allocation = stored.run.allocations[0]
                #expect(allocation.amount(for: members[0]) == 36_000)
                #expect(allocation.amount(for: members[1]) == 36_000)
                #expect(allocation.amount(for: members[2]) == 18_000)
                #expect(allocation.lines.first { $0.memberID == members[0] }?.basisSetBy == .commitment)
                #expect(allocation.lines.first { $0.memberID == members[1] }?.basisSetBy == .commitment)
                #expect(allocation.lines.first { $0.memberID == members[2] }?.basisSetBy == .use)
            }
            let report = try await PoolingReportStore(database: s.database).report(pole: s.pole.id, period: april)
            let figures = try #require(report.resources.first { $0.resource.id == chipper.id }?.commitment)
            #expect(figures.unit == .hours)
            #expect(abs(figures.committed - 60) < 1e-9)
            #expect(figures.used == 37)

            try await commitments.withdraw(pole: s.pole.id, second.id, actor: .adminCLI)
            #expect(try await commitments.list(pole: s.pole.id, member: members[1]).isEmpty)
            let recomputed = try await runs.recompute(pole: s.pole.id, created.run.id, actor: .adminCLI)
            // Without B's commitment: bases 30, 10, 15 of 55.
            #expect(recomputed.run.allocations[0].amount(for: members[1]) == 16_364)
        }
    }

    // MARK: Waitlist

    @Test("a waitlist: refused for a free slot, joined for a taken one, booked in the same transaction as the cancellation that frees it")
    func waitlistBooksWhenFreed() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let s = try await Setting(pool, members: 3)
            let van = try await s.resource("Camion")
            let now = at("2027-03-01T00:00:00Z")
            let slot = ("2027-03-10T09:00:00+01:00", "2027-03-10T12:00:00+01:00")
            await #expect(throws: StoreError.self) {
                _ = try await s.waitlist.join(pole: s.pole.id, s.input(van, 1, slot.0, slot.1), actor: .adminCLI, now: now)
            }
            let held = try await s.book(van, 0, slot.0, slot.1, now: now)
            let first = try await s.waitlist.join(pole: s.pole.id, s.input(van, 1, slot.0, slot.1), actor: .adminCLI, now: now)
            let second = try await s.waitlist.join(
                pole: s.pole.id, s.input(van, 2, "2027-03-10T10:00:00+01:00", "2027-03-10T11:00:00+01:00"), actor: .adminCLI, now: now)
            #expect(first.status == .waiting && second.status == .waiting)
            await #expect(throws: StoreError.self) {
                _ = try await s.waitlist.join(pole: s.pole.id, s.input(van, 1, slot.0, slot.1), actor: .adminCLI, now: now)
            }
            #expect(try await s.waitlist.notifications(pole: s.pole.id, member: s.pole.members[1]).isEmpty)

            _ = try await s.bookings.move(held.id, to: .cancelled, scope: s.scope, actor: .adminCLI, now: now)
            let entries = try await s.waitlist.list(pole: s.pole.id, member: nil)
            let booked = try #require(entries.first { $0.id == first.id })
            #expect(booked.status == .booked)
            #expect(entries.first { $0.id == second.id }?.status == .waiting)
            let booking = try await s.bookings.get(try #require(booked.bookingID), scope: s.scope)
            #expect(booking.memberID == s.pole.members[1] && booking.status == .confirmed)
            let notified = try await s.waitlist.notifications(pole: s.pole.id, member: s.pole.members[1], unreadOnly: true)
            #expect(notified.map(\.booking?.id) == [booking.id])
            #expect(try await s.waitlist.markRead(pole: s.pole.id, member: s.pole.members[1]) == 1)
            #expect(try await s.waitlist.notifications(pole: s.pole.id, member: s.pole.members[1], unreadOnly: true).isEmpty)

            let left = try await s.waitlist.leave(second.id, pole: s.pole.id, member: s.pole.members[2], actor: .adminCLI)
            #expect(left.status == .left)
            await #expect(throws: StoreError.self) {
                _ = try await s.waitlist.leave(second.id, pole: s.pole.id, member: s.pole.members[2], actor: .adminCLI)
            }
        }
    }

    @Test("a rejection and a retired blackout free units for the waitlist; a request that no longer fits a rule is passed over")
    func rejectionsAndBlackouts() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let s = try await Setting(pool, members: 3)
            let room = try await s.resource("Salle", rules: ResourceRules(approvalRequired: true))
            let now = at("2027-03-01T00:00:00Z")
            let slot = ("2027-03-10T09:00:00+01:00", "2027-03-10T12:00:00+01:00")
            let pending = try await s.bookings.book(
                pole: s.pole.id, s.input(room, 0, slot.0, slot.1), actor: .adminCLI, confirm: false, now: now
            ).bookings[0]
            let waiting = try await s.waitlist.join(pole: s.pole.id, s.input(room, 1, slot.0, slot.1), actor: .adminCLI, now: now)
            _ = try await s.bookings.move(pending.id, to: .rejected, scope: s.scope, actor: .adminCLI, now: now)
            let promoted = try await s.waitlist.list(pole: s.pole.id, member: s.pole.members[1]).first { $0.id == waiting.id }
            // Booked as its member would have booked it: waiting for approval, like any booking of the room.
            let booking = try await s.bookings.get(try #require(promoted?.bookingID), scope: s.scope)
            #expect(booking.status == .pending)

            let resources = ResourceStore(database: s.database)
            try await resources.addBlackout(
                pole: s.pole.id, room.id, range: TimeRange(start: at("2027-03-11T00:00:00+01:00"), end: at("2027-03-12T00:00:00+01:00"))!,
                reason: "Travaux", actor: .adminCLI)
            let blackoutSlot = ("2027-03-11T09:00:00+01:00", "2027-03-11T10:00:00+01:00")
            let first = try await s.waitlist.join(
                pole: s.pole.id, s.input(room, 2, blackoutSlot.0, blackoutSlot.1), actor: .adminCLI, now: now)
            // A request that a rule refuses beyond the taken slot is refused, not kept waiting.
            await #expect(throws: StoreError.self) {
                _ = try await s.waitlist.join(
                    pole: s.pole.id, s.input(room, 1, blackoutSlot.0, blackoutSlot.1, quantity: 2), actor: .adminCLI, now: now)
            }
            let blackout = try #require(try await resources.blackouts(pole: s.pole.id, room.id, endingAfter: now).first)
            try await resources.removeBlackout(pole: s.pole.id, room.id, blackout.id, actor: .adminCLI, now: now)
            let entry = try await s.waitlist.list(pole: s.pole.id, member: s.pole.members[2]).first { $0.id == first.id }
            #expect(entry?.status == .booked)
        }
    }

    @Test("a shortened booking gives its time back to the waitlist; never once a cancellation would count, nor outside its span")
    func shortening() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let s = try await Setting(pool, members: 2)
            let van = try await s.resource("Camion", rules: ResourceRules(slotMinutes: 30))
            let now = at("2027-03-01T00:00:00Z")
            let held = try await s.book(van, 0, "2027-03-10T09:00:00+01:00", "2027-03-10T18:00:00+01:00", now: now)
            let waiting = try await s.waitlist.join(
                pole: s.pole.id, s.input(van, 1, "2027-03-10T15:00:00+01:00", "2027-03-10T18:00:00+01:00"), actor: .adminCLI, now: now)
            let member = BookingScope(poleID: s.pole.id, memberID: s.pole.members[0])
            func shorten(_ start: String, _ end: String, at instant: Date = now) async throws -> Booking {
                try await s.bookings.shorten(
                    held.id, to: TimeRange(start: at(start), end: at(end))!, scope: member, actor: .adminCLI, now: instant)
            }
            await #expect(throws: StoreError.self) { try await shorten("2027-03-10T08:00:00+01:00", "2027-03-10T12:00:00+01:00") }
            await #expect(throws: StoreError.self) { try await shorten("2027-03-10T09:00:00+01:00", "2027-03-10T12:10:00+01:00") }
            let shortened = try await shorten("2027-03-10T09:00:00+01:00", "2027-03-10T15:00:00+01:00")
            #expect(shortened.range.end == at("2027-03-10T15:00:00+01:00"))
            #expect(try await s.bookings.get(held.id, scope: s.scope).range == shortened.range)
            #expect(try await s.waitlist.list(pole: s.pole.id, member: s.pole.members[1]).first { $0.id == waiting.id }?.status == .booked)

            let tiered = try await s.resource(
                "Salle", rules: ResourceRules(cancellationTiers: [CancellationTier(withinMinutes: 2_880, countedPercent: 100)]))
            let room = try await s.book(tiered, 0, "2027-03-10T09:00:00+01:00", "2027-03-10T18:00:00+01:00", now: now)
            await #expect(throws: StoreError.self) {
                try await s.bookings.shorten(
                    room.id, to: TimeRange(start: at("2027-03-10T09:00:00+01:00"), end: at("2027-03-10T12:00:00+01:00"))!, scope: member,
                    actor: .adminCLI, now: at("2027-03-09T12:00:00+01:00"))
            }
            let early = try await s.bookings.shorten(
                room.id, to: TimeRange(start: at("2027-03-10T09:00:00+01:00"), end: at("2027-03-10T12:00:00+01:00"))!, scope: member,
                actor: .adminCLI, now: now)
            #expect(early.range.duration == 3 * 3_600)
        }
    }

    @Test("entries whose slot has started are expired, and never booked")
    func expiry() async throws {
        try await withMigratedDatabase(size: 2) { pool in
            let s = try await Setting(pool, members: 2)
            let van = try await s.resource("Camion")
            let now = at("2026-01-05T00:00:00Z")
            // A slot already past in real time: the list says expired.
            let held = try await s.book(van, 0, "2026-01-10T09:00:00+01:00", "2026-01-10T12:00:00+01:00", now: now)
            let entry = try await s.waitlist.join(
                pole: s.pole.id, s.input(van, 1, "2026-01-10T09:00:00+01:00", "2026-01-10T12:00:00+01:00"), actor: .adminCLI, now: now)
            #expect(entry.status == .expired)
            _ = try await s.bookings.move(held.id, to: .cancelled, scope: s.scope, actor: .adminCLI, now: at("2026-01-10T10:00:00+01:00"))
            #expect(try await s.waitlist.list(pole: s.pole.id, member: s.pole.members[1]).first?.status == .expired)
        }
    }

    @Test("many cancellations and joins at once: exactly as many bookings from the list as units freed, in the order of joining")
    func waitlistRace() async throws {
        try await withMigratedDatabase(size: 8) { pool in
            let s = try await Setting(pool, members: 14)
            let units = 4
            let van = try await s.resource("Camions", units: units)
            let now = at("2027-03-01T00:00:00Z")
            let slot = ("2027-03-10T09:00:00+01:00", "2027-03-10T12:00:00+01:00")
            var held: [Booking] = []
            for member in 0..<units { held.append(try await s.book(van, member, slot.0, slot.1, now: now)) }
            // Six requests wait, in a known order; four more members join while the four bookings are cancelled.
            var queued: [WaitlistEntryID] = []
            for member in units..<(units + 6) {
                queued.append(
                    try await s.waitlist.join(pole: s.pole.id, s.input(van, member, slot.0, slot.1), actor: .adminCLI, now: now).id)
            }
            let scope = s.scope
            await withTaskGroup(of: Void.self) { group in
                for booking in held {
                    group.addTask { _ = try? await s.bookings.move(booking.id, to: .cancelled, scope: scope, actor: .adminCLI, now: now) }
                }
                for member in (units + 6)..<(units + 10) {
                    group.addTask {
                        _ = try? await s.waitlist.join(pole: s.pole.id, s.input(van, member, slot.0, slot.1), actor: .adminCLI, now: now)
                    }
                }
            }
            let entries = try await s.waitlist.list(pole: s.pole.id, member: nil)
            let booked = entries.filter { $0.status == .booked }.map(\.id)
            #expect(Set(booked) == Set(queued.prefix(units)))
            let live = try await s.bookings.list(scope: scope, filter: BookingFilter(resourceID: van.id), page: try PageRequest(limit: 100))
                .items.filter { $0.status.holdsUnits }
            #expect(live.count == units)
            #expect(Set(live.map(\.memberID)) == Set(queued.prefix(units).compactMap { id in entries.first { $0.id == id }?.memberID }))
        }
    }

    @Test("cancellations racing joins with nobody waiting before: no request is left waiting while a unit it fits is free")
    func joinRacingCancellation() async throws {
        try await withMigratedDatabase(size: 8) { pool in
            let s = try await Setting(pool, members: 10)
            let units = 3
            let van = try await s.resource("Camions", units: units)
            let now = at("2027-03-01T00:00:00Z")
            for round in 0..<8 {
                let day = String(format: "%02d", 10 + round)
                let slot = ("2027-03-\(day)T09:00:00+01:00", "2027-03-\(day)T12:00:00+01:00")
                var held: [Booking] = []
                for member in 0..<units { held.append(try await s.book(van, member, slot.0, slot.1, now: now)) }
                let scope = s.scope
                await withTaskGroup(of: Void.self) { group in
                    for booking in held {
                        group.addTask {
                            _ = try? await s.bookings.move(booking.id, to: .cancelled, scope: scope, actor: .adminCLI, now: now)
                        }
                    }
                    for member in units..<(units + 6) {
                        group.addTask {
                            _ = try? await s.waitlist.join(
                                pole: s.pole.id, s.input(van, member, slot.0, slot.1), actor: .adminCLI, now: now)
                        }
                    }
                }
                let range = TimeRange(start: at(slot.0), end: at(slot.1))!
                let entries = try await s.waitlist.list(pole: s.pole.id, member: nil).filter { $0.range == range }
                let live = try await s.bookings.list(
                    scope: scope, filter: BookingFilter(from: range.start, to: range.end, resourceID: van.id),
                    page: try PageRequest(limit: 100)
                ).items.filter { $0.status.holdsUnits }
                let waiting = entries.filter { $0.status == .waiting }
                #expect(
                    waiting.isEmpty || live.count == units, "round \(round): \(waiting.count) waiting with \(units - live.count) units free"
                )
                #expect(entries.filter { $0.status == .booked }.count == live.count)
            }
        }
    }
}
