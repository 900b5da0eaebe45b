import Foundation
import HTTPTypes
import HummingbirdTesting
import MutualisDomain
import MutualisRepresentations
import MutualisStore
import PostgresClient
import Testing

/// A run's answer read back: each member's total, what the pole keeps, and the costs.
struct RunAnswer {
    var answer: Answer

    var id: String { answer["id"]! }
    var lines: [[String: Any]] { answer.json["lines"] as? [[String: Any]] ?? [] }
    var unallocatedCents: Int { answer.json["unallocatedCents"] as? Int ?? -1 }
    var totalCents: Int { answer.json["totalCents"] as? Int ?? -1 }

    /// Each member's amount over all costs, by member id.
    var amounts: [String: Int] {
        lines.reduce(into: [:]) { $0[$1["memberId"] as! String, default: 0] += $1["amountCents"] as! Int }
    }

    /// A member's amount, 0 without a line.
    func amount(_ member: MemberID) -> Int { amounts[member.description] ?? 0 }

    /// A member's basis for its line of a cost.
    func basis(_ member: MemberID, cost: String) -> Double? {
        lines.first { $0["memberId"] as? String == member.description && $0["costId"] as? String == cost }?["basis"] as? Double
    }
}

extension TestClientProtocol {
    /// Adds a member through the API.
    func addMember(_ fixture: PoleFixture, _ name: String, joinedOn: String = "2025-01-01", extra: String = "") async throws -> MemberID {
        let answer = try await call(
            .post, "/api/v1/members", token: fixture.coordinator,
            json: #"{"name": "\#(name)", "legalForm": "association", "joinedOn": "\#(joinedOn)"\#(extra)}"#)
        expect(answer, .created)
        return MemberID(answer["id"]!)!
    }

    /// A coordinator's booking for a member, confirmed at once.
    func book(_ fixture: PoleFixture, _ resource: String, _ member: MemberID, _ start: String, _ end: String) async throws {
        expect(
            try await call(.post, "/api/v1/bookings", token: fixture.coordinator, json: bookingJSON(resource, start, end, member: member)),
            .created)
    }

    /// Records a cost and answers its id.
    func addCost(_ fixture: PoleFixture, _ json: String) async throws -> String {
        let answer = try await call(.post, "/api/v1/costs", token: fixture.coordinator, json: json)
        expect(answer, .created)
        return answer["id"]!
    }

    /// Runs the allocation of a period.
    func runAllocation(_ fixture: PoleFixture, _ start: String, _ end: String) async throws -> RunAnswer {
        let answer = try await call(
            .post, "/api/v1/allocation-runs", token: fixture.coordinator, json: #"{"periodStart": "\#(start)", "periodEnd": "\#(end)"}"#)
        expect(answer, .created)
        return RunAnswer(answer: answer)
    }
}

@Suite("The worked examples of DOMAIN.md, end to end through HTTP")
struct WorkedExamplesThroughHTTPTests {
    @Test("1. van leasing by booked usage: A 30 h, B 10 h, C 0 h → 750.00, 250.00, 0.00")
    func usageFull() async throws {
        try await withAPI { client, f, _ in
            let c = try await client.addMember(f, "C")
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            for day in 1...3 {
                try await client.book(f, van, f.memberA, "2027-03-0\(day)T08:00:00+01:00", "2027-03-0\(day)T18:00:00+01:00")
            }
            try await client.book(f, van, f.memberB, "2027-03-10T08:00:00+01:00", "2027-03-10T18:00:00+01:00")
            _ = try await client.addCost(
                f,
                #"{"resourceId": "\#(van)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100000, "category": "leasing", "label": "Van leasing"}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            #expect(run.amount(f.memberA) == 75_000)
            #expect(run.amount(f.memberB) == 25_000)
            #expect(run.amount(c) == 0)
            #expect(run.unallocatedCents == 0)
            #expect(run.answer["status"] == "draft")
        }
    }

    @Test("2. a fee shared equally among three: the odd cent goes to the smallest id")
    func equalThree() async throws {
        try await withAPI { client, f, _ in
            let c = try await client.addMember(f, "C")
            _ = try await client.addCost(
                f, #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 10000, "category": "other", "label": "Fee"}"#)
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            let ids = [f.memberA, f.memberB, c].sorted()
            #expect(ids.map(run.amount) == [3_334, 3_333, 3_333])
        }
    }

    @Test("3. shared accountant, hybrid 40 % by headcount and 60 % by recorded hours → 1 200.00, 1 500.00, 300.00")
    func hybrid() async throws {
        try await withAPI { client, f, _ in
            let c = try await client.addMember(f, "C", extra: #", "headcount": 5"#)
            expect(try await client.call(.patch, "/api/v1/members/\(f.memberA)", token: f.coordinator, json: #"{"headcount": 10}"#), .ok)
            expect(try await client.call(.patch, "/api/v1/members/\(f.memberB)", token: f.coordinator, json: #"{"headcount": 5}"#), .ok)
            let accountant = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Accountant", kind: "staff"))["id"]!
            expect(
                try await client.call(
                    .put, "/api/v1/resources/\(accountant)/allocation-rule", token: f.coordinator,
                    json: #"{"method": "hybrid", "basis": "actual", "fixedPart": 0.4, "fixedKey": "headcount"}"#), .ok)
            for (member, hours) in [(f.memberA, 20), (f.memberB, 40)] {
                expect(
                    try await client.call(
                        .post, "/api/v1/usage", token: f.coordinator,
                        json:
                            #"{"resourceId": "\#(accountant)", "memberId": "\#(member)", "start": "2027-03-02T09:00:00+01:00", "end": "2027-03-31T18:00:00+02:00", "quantity": \#(hours), "unit": "hours"}"#
                    ),
                    .created)
            }
            _ = try await client.addCost(
                f,
                #"{"resourceId": "\#(accountant)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 300000, "category": "salary", "label": "Accountant"}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            #expect(run.amount(f.memberA) == 120_000)
            #expect(run.amount(f.memberB) == 150_000)
            #expect(run.amount(c) == 30_000)
        }
    }

    @Test("4. room rent by usage with a 0.5 solidarity coefficient for C → 360.00, 360.00, 180.00")
    func coefficient() async throws {
        try await withAPI { client, f, _ in
            expect(
                try await client.call(
                    .post, "/api/v1/categories", token: f.coordinator, json: #"{"name": "Small associations", "coefficient": 0.5}"#),
                .created)
            let c = try await client.addMember(f, "C", extra: #", "category": "Small associations""#)
            let room = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Room", kind: "premises"))["id"]!
            for (day, member) in [(1, f.memberA), (2, f.memberB), (3, c)] {
                try await client.book(f, room, member, "2027-03-0\(day)T08:00:00+01:00", "2027-03-0\(day)T18:00:00+01:00")
            }
            let cost = try await client.addCost(
                f,
                #"{"resourceId": "\#(room)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 90000, "category": "rent", "label": "Room rent"}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            #expect(run.amount(f.memberA) == 36_000)
            #expect(run.amount(f.memberB) == 36_000)
            #expect(run.amount(c) == 18_000)
            #expect(run.basis(c, cost: cost) == 5)
        }
    }

    @Test("5. van under absorb, 160 h open, A 30 h, B 10 h → 187.50, 62.50, and 750.00 left to the pole")
    func absorb() async throws {
        try await withAPI { client, f, _ in
            let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"].map {
                #""\#($0)": [{"opens": "09:00", "closes": "17:00"}]"#
            }.joined(separator: ", ")
            let van = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van", rules: #"{"openingHours": {\#(weekdays)}}"#))
            expect(van, .created)
            let id = van["id"]!
            expect(
                try await client.call(
                    .put, "/api/v1/resources/\(id)/allocation-rule", token: f.coordinator, json: #"{"method": "usage", "idle": "absorb"}"#),
                .ok)
            // Four weeks from Monday 1 March 2027: 20 weekdays of 8 hours.
            for day in 1...3 { try await client.book(f, id, f.memberA, "2027-03-0\(day)T09:00:00+01:00", "2027-03-0\(day)T17:00:00+01:00") }
            try await client.book(f, id, f.memberA, "2027-03-04T09:00:00+01:00", "2027-03-04T15:00:00+01:00")
            try await client.book(f, id, f.memberB, "2027-03-08T09:00:00+01:00", "2027-03-08T17:00:00+01:00")
            try await client.book(f, id, f.memberB, "2027-03-09T09:00:00+01:00", "2027-03-09T11:00:00+01:00")
            _ = try await client.addCost(
                f,
                #"{"resourceId": "\#(id)", "periodStart": "2027-03-01", "periodEnd": "2027-03-29", "amountCents": 100000, "category": "leasing", "label": "Van"}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-03-29")
            #expect(run.amount(f.memberA) == 18_750)
            #expect(run.amount(f.memberB) == 6_250)
            #expect(run.unallocatedCents == 75_000)
        }
    }

    @Test("6. a fee shared equally over 30 days, C joined on day 16 → 300.00, 300.00, 150.00")
    func equalProRata() async throws {
        try await withAPI { client, f, _ in
            let c = try await client.addMember(f, "C", joinedOn: "2027-04-16")
            _ = try await client.addCost(
                f, #"{"periodStart": "2027-04-01", "periodEnd": "2027-05-01", "amountCents": 75000, "category": "other", "label": "Fee"}"#)
            let run = try await client.runAllocation(f, "2027-04-01", "2027-05-01")
            #expect(run.amount(f.memberA) == 30_000)
            #expect(run.amount(f.memberB) == 30_000)
            #expect(run.amount(c) == 15_000)
        }
    }
}

@Suite("Allocation runs through HTTP")
struct AllocationRunAPITests {
    @Test("a run's lines plus its unallocated amount equal its costs, to the cent")
    func sumsExactly() async throws {
        try await withAPI { client, f, _ in
            let c = try await client.addMember(f, "C", joinedOn: "2027-03-11")
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van", units: 2))["id"]!
            try await client.book(f, van, f.memberA, "2027-03-01T08:00:00+01:00", "2027-03-01T15:20:00+01:00")
            try await client.book(f, van, f.memberB, "2027-03-01T08:00:00+01:00", "2027-03-02T09:07:00+01:00")
            try await client.book(f, van, c, "2027-03-15T08:00:00+01:00", "2027-03-15T09:13:00+01:00")
            expect(
                try await client.call(
                    .put, "/api/v1/resources/\(van)/allocation-rule", token: f.coordinator, json: #"{"method": "usage", "idle": "absorb"}"#),
                .ok)
            for (amount, label) in [(99_999, "leasing"), (1, "insurance"), (33_333, "maintenance")] {
                _ = try await client.addCost(
                    f,
                    #"{"resourceId": "\#(van)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": \#(amount), "category": "\#(label)", "label": "\#(label)"}"#
                )
            }
            _ = try await client.addCost(
                f,
                #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100001, "category": "rent", "label": "Office"}"#)
            _ = try await client.addCost(
                f,
                #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 77777, "category": "other", "label": "Fixed", "rule": {"method": "fixed", "fixedShares": {"\#(f.memberA)": 33.3333, "\#(f.memberB)": 33.3333, "\#(c)": 33.3334}}}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            let lines = run.amounts.values.reduce(0, +)
            #expect(run.totalCents == 99_999 + 1 + 33_333 + 100_001 + 77_777)
            #expect(lines + run.unallocatedCents == run.totalCents)
            for cost in run.answer.json["costs"] as! [[String: Any]] {
                let id = cost["costId"] as! String
                let charged = run.lines.filter { $0["costId"] as? String == id }.reduce(0) { $0 + ($1["amountCents"] as! Int) }
                #expect(charged + (cost["unallocatedCents"] as! Int) == cost["amountCents"] as! Int)
            }
        }
    }

    @Test("a booking across the end of a period counts in each period for its own hours")
    func bookingAcrossPeriods() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            try await client.book(f, van, f.memberA, "2027-03-31T20:00:00+02:00", "2027-04-01T06:00:00+02:00")
            try await client.book(f, van, f.memberB, "2027-03-31T10:00:00+02:00", "2027-03-31T14:00:00+02:00")
            try await client.book(f, van, f.memberB, "2027-04-01T10:00:00+02:00", "2027-04-01T16:00:00+02:00")
            let march = try await client.addCost(
                f,
                #"{"resourceId": "\#(van)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 80000, "category": "leasing", "label": "March"}"#
            )
            let april = try await client.addCost(
                f,
                #"{"resourceId": "\#(van)", "periodStart": "2027-04-01", "periodEnd": "2027-05-01", "amountCents": 120000, "category": "leasing", "label": "April"}"#
            )
            let first = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            #expect(first.basis(f.memberA, cost: march) == 4)
            #expect(first.amount(f.memberA) == 40_000 && first.amount(f.memberB) == 40_000)
            let second = try await client.runAllocation(f, "2027-04-01", "2027-05-01")
            #expect(second.basis(f.memberA, cost: april) == 6)
            #expect(second.amount(f.memberA) == 60_000 && second.amount(f.memberB) == 60_000)
        }
    }

    @Test("a finalised run is refused by the database itself, and stays as it was")
    func finalizedIsFrozen() async throws {
        try await withAPI { client, f, pool in
            _ = try await client.addCost(
                f, #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 10001, "category": "other", "label": "Fee"}"#)
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            let finalized = try await client.call(.post, "/api/v1/allocation-runs/\(run.id)/finalize", token: f.coordinator)
            expect(finalized, .ok)
            #expect(finalized["status"] == "finalized")
            let before = try await client.call(.get, "/api/v1/allocation-runs/\(run.id)", token: f.coordinator)
            let id = UUID(uuidString: run.id)!
            // C joins after the period: it has no line for the database to refuse a new one.
            let late = try await client.addMember(f, "C", joinedOn: "2027-06-01")
            let tampering: [PostgresQuery] = [
                "UPDATE allocation_lines SET amounts_cents = '{0}' WHERE run_id = \(id)",
                "DELETE FROM allocation_lines WHERE run_id = \(id)",
                "INSERT INTO allocation_lines SELECT run_id, \(late.uuid), cost_positions, bases, shares, amounts_cents FROM allocation_lines WHERE run_id = \(id) LIMIT 1",
                "UPDATE allocation_run_costs SET unallocated_cents = 1 WHERE run_id = \(id)",
                "DELETE FROM allocation_run_costs WHERE run_id = \(id)",
                "UPDATE allocation_runs SET status = 'draft', finalized_at = NULL WHERE id = \(id)",
                "DELETE FROM allocation_runs WHERE id = \(id)",
                "UPDATE costs SET amount_cents = 1",
            ]
            for statement in tampering {
                let error = await #expect(throws: PostgresError.self) {
                    try await pool.withConnection { try $0.execute(statement) }
                }
                #expect(error?.constraint == "allocation_run_finalized")
            }
            let after = try await client.call(.get, "/api/v1/allocation-runs/\(run.id)", token: f.coordinator)
            #expect(after.data == before.data)
            expect(try await client.call(.post, "/api/v1/allocation-runs/\(run.id)/recompute", token: f.coordinator), .conflict)
            expect(try await client.call(.post, "/api/v1/allocation-runs/\(run.id)/finalize", token: f.coordinator), .conflict)
        }
    }

    @Test("a cost is shared by one finalised run only; a later run leaves it out")
    func costFinalizedOnce() async throws {
        try await withAPI { client, f, _ in
            _ = try await client.addCost(
                f, #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 5000, "category": "other", "label": "Fee"}"#)
            let first = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            let second = try await client.runAllocation(f, "2027-01-01", "2028-01-01")
            #expect(second.totalCents == 5000)
            expect(try await client.call(.post, "/api/v1/allocation-runs/\(first.id)/finalize", token: f.coordinator), .ok)
            expect(try await client.call(.post, "/api/v1/allocation-runs/\(second.id)/finalize", token: f.coordinator), .conflict)
            let recomputed = try await client.call(.post, "/api/v1/allocation-runs/\(second.id)/recompute", token: f.coordinator)
            expect(recomputed, .ok)
            #expect(recomputed.json["totalCents"] as? Int == 0)
            let third = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            #expect(third.lines.isEmpty && third.totalCents == 0)
        }
    }

    @Test("a dated rule applies from its day on: each cost is shared by the rule in force for its period")
    func datedRules() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            try await client.book(f, van, f.memberA, "2027-03-01T08:00:00+01:00", "2027-03-01T11:00:00+01:00")
            try await client.book(f, van, f.memberB, "2027-03-02T08:00:00+01:00", "2027-03-02T09:00:00+01:00")
            try await client.book(f, van, f.memberA, "2027-04-01T08:00:00+02:00", "2027-04-01T11:00:00+02:00")
            try await client.book(f, van, f.memberB, "2027-04-02T08:00:00+02:00", "2027-04-02T09:00:00+02:00")
            let rule = try await client.call(
                .put, "/api/v1/resources/\(van)/allocation-rule", token: f.coordinator,
                json: #"{"method": "equal", "effectiveFrom": "2027-04-01"}"#)
            expect(rule, .ok)
            #expect(rule["effectiveFrom"] == "2027-04-01")
            let inMarch = try await client.call(.get, "/api/v1/resources/\(van)/allocation-rule?on=2027-03-15", token: f.coordinator)
            #expect(inMarch["method"] == "usage" && inMarch.json["default"] as? Bool == true)
            for month in ["03", "04"] {
                let next = month == "03" ? "04" : "05"
                _ = try await client.addCost(
                    f,
                    #"{"resourceId": "\#(van)", "periodStart": "2027-\#(month)-01", "periodEnd": "2027-\#(next)-01", "amountCents": 40000, "category": "leasing", "label": "Van \#(month)"}"#
                )
            }
            let run = try await client.runAllocation(f, "2027-03-01", "2027-05-01")
            #expect(run.amount(f.memberA) == 30_000 + 20_000)
            #expect(run.amount(f.memberB) == 10_000 + 20_000)
        }
    }

    @Test("wrong runs, costs and rules are refused naming the field")
    func validation() async throws {
        try await withAPI { client, f, _ in
            let bad = try await client.call(
                .post, "/api/v1/allocation-runs", token: f.coordinator, json: #"{"periodStart": "2027-04-01", "periodEnd": "2027-03-01"}"#)
            expect(bad, .unprocessableContent)
            #expect(bad.fields == ["periodEnd"])
            let van = try await client.call(.post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van"))["id"]!
            let rule = try await client.call(
                .put, "/api/v1/resources/\(van)/allocation-rule", token: f.coordinator,
                json: #"{"method": "fixed", "fixedShares": {"\#(f.memberA)": 60}}"#)
            expect(rule, .unprocessableContent)
            #expect(rule.fields == ["fixedShares"])
            let hybrid = try await client.call(
                .put, "/api/v1/resources/\(van)/allocation-rule", token: f.coordinator, json: #"{"method": "hybrid"}"#)
            #expect(Set(hybrid.fields) == ["fixedPart", "fixedKey"])
            let method = try await client.call(
                .put, "/api/v1/resources/\(van)/allocation-rule", token: f.coordinator, json: #"{"method": "lottery"}"#)
            expect(method, .badRequest)
            #expect(method.fields == ["method"])
            let cost = try await client.call(
                .post, "/api/v1/costs", token: f.coordinator,
                json:
                    #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": -5, "category": "rent", "label": " ", "rule": {"method": "usage"}}"#
            )
            expect(cost, .unprocessableContent)
            #expect(Set(cost.fields) == ["amountCents", "label", "rule.method"])
            let category = try await client.call(
                .post, "/api/v1/costs", token: f.coordinator,
                json: #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 5, "category": "party", "label": "x"}"#)
            expect(category, .badRequest)
            #expect(category.fields == ["category"])
            let usage = try await client.call(
                .post, "/api/v1/usage", token: f.coordinator,
                json:
                    #"{"resourceId": "\#(van)", "memberId": "\#(f.memberA)", "start": "2027-03-01T08:00:00+01:00", "end": "2027-03-01T09:00:00+01:00", "quantity": 12, "unit": "km"}"#
            )
            expect(usage, .created)
            let mixed = try await client.call(
                .post, "/api/v1/usage", token: f.coordinator,
                json:
                    #"{"resourceId": "\#(van)", "memberId": "\#(f.memberA)", "start": "2027-03-01T08:00:00+01:00", "end": "2027-03-01T09:00:00+01:00", "unit": "hours"}"#
            )
            expect(mixed, .unprocessableContent)
            #expect(mixed.fields == ["unit"])
        }
    }
}

@Suite("Statements and the pooling report through HTTP")
struct StatementAPITests {
    @Test("a member user reads its own statement of a finalised run, and nothing else")
    func memberReadsOwnStatement() async throws {
        try await withAPI { client, f, pool in
            _ = try await client.addCost(
                f, #"{"periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 10000, "category": "other", "label": "Fee"}"#)
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            let path = "/api/v1/allocation-runs/\(run.id)/statements/"
            expect(try await client.call(.get, path + f.memberA.description, token: f.userA), .notFound)
            expect(try await client.call(.post, "/api/v1/allocation-runs/\(run.id)/finalize", token: f.coordinator), .ok)
            let own = try await client.call(.get, path + f.memberA.description, token: f.userA)
            expect(own, .ok)
            #expect(own.json["netCents"] as? Int == 5_000)
            #expect((own.json["lines"] as? [[String: Any]])?.count == 1)
            expect(try await client.call(.get, path + f.memberB.description, token: f.userA), .notFound)
            expect(try await client.call(.get, "/api/v1/allocation-runs/\(run.id)", token: f.userA), .forbidden)
            expect(try await client.call(.get, path + f.memberB.description, token: f.coordinator), .ok)
            let elsewhere = try await PoleFixture.make(pool, name: "Culture et Coopération")
            expect(try await client.call(.get, path + f.memberA.description, token: elsewhere.coordinator), .notFound)
        }
    }

    @Test("a statement in CSV: header, one row per charge and credit, the net, euros with two decimals")
    func statementCSV() async throws {
        try await withAPI { client, f, _ in
            let van = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator,
                json: #"{"name": "Van, \"the blue one\"", "kind": "equipment", "ownerMemberId": "\#(f.memberA)"}"#)["id"]!
            try await client.book(f, van, f.memberA, "2027-03-01T08:00:00+01:00", "2027-03-01T09:00:00+01:00")
            try await client.book(f, van, f.memberB, "2027-03-02T08:00:00+01:00", "2027-03-02T11:00:00+01:00")
            _ = try await client.addCost(
                f,
                #"{"resourceId": "\#(van)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 100052, "category": "leasing", "label": "Leasing, \"blue\" van"}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            let answer = try await client.call(
                .get, "/api/v1/allocation-runs/\(run.id)/statements/\(f.memberA)", token: f.coordinator, headers: [.accept: "text/csv"])
            expect(answer, .ok)
            #expect(answer.contentType?.hasPrefix("text/csv") == true)
            let text = String(decoding: answer.data, as: UTF8.self)
            let rows = text.components(separatedBy: "\r\n")
            #expect(
                rows[0]
                    == "type,costId,label,category,resourceId,periodStart,periodEnd,method,basis,basisUnit,basisSetBy,sharePercent,amount")
            #expect(rows[1].hasPrefix("charge,") && rows[1].contains(#""Leasing, ""blue"" van""#) && rows[1].hasSuffix(",250.13"))
            #expect(rows[2].hasPrefix("credit,") && rows[2].hasSuffix(",-1000.52"))
            #expect(rows[3].hasPrefix("total,") && rows[3].hasSuffix(",-750.39"))
            #expect(rows.count == 5 && rows[4].isEmpty)

            let french = try await client.call(
                .get, "/api/v1/allocation-runs/\(run.id)/statements/\(f.memberA)?dialect=french", token: f.coordinator,
                headers: [.accept: "text/csv"])
            expect(french, .ok)
            let frenchRows = String(decoding: french.data, as: UTF8.self).components(separatedBy: "\r\n")
            #expect(frenchRows[0].hasPrefix("\u{FEFF}type;id du coût;libellé;"))
            #expect(frenchRows[1].hasPrefix("part;") && frenchRows[1].hasSuffix(";250,13"))
            #expect(frenchRows[3].hasPrefix("total;") && frenchRows[3].hasSuffix(";-750,39"))
            let unknown = try await client.call(
                .get, "/api/v1/allocation-runs/\(run.id)/statements/\(f.memberA)?dialect=excel", token: f.coordinator,
                headers: [.accept: "text/csv"])
            expect(unknown, .badRequest)
        }
    }

    @Test("the pooling report: hours booked and available, utilisation, staff FTE, costs by category, members by legal form")
    func poolingReport() async throws {
        try await withAPI { client, f, _ in
            let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"].map {
                #""\#($0)": [{"opens": "09:00", "closes": "17:00"}]"#
            }.joined(separator: ", ")
            let van = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Van", rules: #"{"openingHours": {\#(weekdays)}}"#))[
                    "id"]!
            let accountant = try await client.call(
                .post, "/api/v1/resources", token: f.coordinator, json: resourceJSON("Accountant", kind: "staff"))["id"]!
            try await client.book(f, van, f.memberA, "2027-03-01T09:00:00+01:00", "2027-03-01T17:00:00+01:00")
            try await client.book(f, van, f.memberB, "2027-03-02T09:00:00+01:00", "2027-03-02T17:00:00+01:00")
            expect(
                try await client.call(
                    .post, "/api/v1/usage", token: f.coordinator,
                    json:
                        #"{"resourceId": "\#(accountant)", "memberId": "\#(f.memberA)", "start": "2027-01-04T09:00:00+01:00", "end": "2027-12-31T17:00:00+01:00", "quantity": 1607, "unit": "hours"}"#
                ),
                .created)
            _ = try await client.addCost(
                f,
                #"{"resourceId": "\#(van)", "periodStart": "2027-03-01", "periodEnd": "2027-04-01", "amountCents": 40000, "category": "leasing", "label": "Van"}"#
            )
            _ = try await client.addCost(
                f, #"{"periodStart": "2027-01-01", "periodEnd": "2028-01-01", "amountCents": 12000, "category": "rent", "label": "Office"}"#
            )
            let run = try await client.runAllocation(f, "2027-03-01", "2027-04-01")
            expect(try await client.call(.post, "/api/v1/allocation-runs/\(run.id)/finalize", token: f.coordinator), .ok)

            let report = try await client.call(.get, "/api/v1/reports/pooling?from=2027-01-01&to=2028-01-01", token: f.coordinator)
            expect(report, .ok)
            let resources = report.json["resources"] as! [[String: Any]]
            let vanFigures = resources.first { $0["name"] as? String == "Van" }!
            #expect(vanFigures["bookedHours"] as? Double == 16)
            #expect(vanFigures["availableHours"] as? Double == 2_088.0)
            #expect(vanFigures["membersServed"] as? Int == 2)
            #expect(vanFigures["utilisationPercent"] as? Double == 0.8)
            let staff = report.json["staff"] as! [String: Any]
            #expect(staff["fte"] as? Double == 1)
            let costs = report.json["costs"] as! [String: Any]
            #expect(costs["pooledCents"] as? Int == 52_000)
            #expect(costs["allocatedCents"] as? Int == 40_000)
            #expect(costs["notFinalizedCents"] as? Int == 12_000)
            let members = report.json["members"] as! [String: Any]
            #expect(members["active"] as? Int == 2 && members["served"] as? Int == 2)
            #expect((members["byLegalForm"] as? [[String: Any]])?.map { $0["legalForm"] as! String } == ["association", "scop"])

            let csv = try await client.call(
                .get, "/api/v1/reports/pooling?from=2027-01-01&to=2028-01-01", token: f.coordinator, headers: [.accept: "text/csv"])
            expect(csv, .ok)
            let text = String(decoding: csv.data, as: UTF8.self)
            #expect(text.hasPrefix("section,id,name,metric,value\r\n"))
            #expect(text.contains("\r\nstaff,total,,fte,1.000\r\n"))
            #expect(text.contains("\r\ncost,leasing,,allocated,400.00\r\n"))
            expect(try await client.call(.get, "/api/v1/reports/pooling?from=2027-01-01&to=2028-01-01", token: f.userA), .forbidden)
            expect(try await client.call(.get, "/api/v1/reports/pooling?from=2027-01-01", token: f.coordinator), .badRequest)
        }
    }
}
