import Foundation
import MutualisTestSupport
import PostgresTestSupport
import Testing

@Suite("mutualis-admin cost, allocate, report, demo")
struct CostSharingCommandTests {
    @Test("a month's close from the command line: demo seed, cost list, allocate run, show, export, finalize, report pooling")
    func monthClose() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let seeded = await admin("demo", "seed", "--json", databaseURL: url)
            #expect(seeded.status == 0, "\(seeded.standardError)")
            let demo = try #require(try seeded.json() as? [String: String])
            let pole = try #require(demo["poleId"])
            let (from, to) = (try #require(demo["lastMonthStart"]), try #require(demo["lastMonthEnd"]))
            #expect(demo["coordinatorToken"]?.count ?? 0 > 40 && demo["memberToken"]?.count ?? 0 > 40)

            let costs = await admin("cost", "list", "--pole", pole, "--from", from, "--to", to, databaseURL: url)
            #expect(costs.status == 0)
            #expect(costs.standardOutput.contains("1700.00") && costs.standardOutput.contains("pole-wide"))
            #expect(costs.standardOutput.split(separator: "\n").count == 1 + 13)

            let run = await admin("allocate", "run", "--pole", pole, "--from", from, "--to", to, "--json", databaseURL: url)
            #expect(run.status == 0, "\(run.standardError)")
            let body = try #require(try run.json() as? [String: Any])
            let runID = try #require(body["id"] as? String)
            let lines = try #require(body["lines"] as? [[String: Any]])
            let charged = lines.reduce(0) { $0 + ($1["amountCents"] as! Int) }
            #expect(body["totalCents"] as? Int == 1_170_300)
            #expect(Set(lines.map { $0["memberId"] as! String }).count == 12)
            #expect(charged + (body["unallocatedCents"] as! Int) == body["totalCents"] as! Int)

            let shown = await admin("allocate", "show", "--pole", pole, "--run", runID, databaseURL: url)
            #expect(shown.status == 0)
            #expect(
                shown.standardOutput.contains("Les Lainiers du Vercors") && shown.standardOutput.contains("Unallocated, left to the pole"))

            let member = try #require(lines.first?["memberId"] as? String)
            let statement = await admin("allocate", "export", "--pole", pole, "--run", runID, "--member", member, databaseURL: url)
            #expect(statement.status == 0)
            #expect(
                statement.standardOutput.hasPrefix(
                    "type,costId,label,category,resourceId,periodStart,periodEnd,method,basis,basisUnit,basisSetBy,sharePercent,amount\r\n")
            )

            let parent = FileManager.default.temporaryDirectory.appendingPathComponent("statements-\(UUID())")
            let folder = parent.appendingPathComponent("2026-10")
            defer { try? FileManager.default.removeItem(at: parent) }
            let exported = await admin("allocate", "export", "--pole", pole, "--run", runID, "--output", folder.path, databaseURL: url)
            #expect(exported.status == 0, "\(exported.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files.count == Set(lines.map { $0["memberId"] as! String }).count)

            let finalized = await admin("allocate", "finalize", "--pole", pole, "--run", runID, databaseURL: url)
            #expect(finalized.status == 0)
            #expect(finalized.standardOutput.hasPrefix("Finalised run \(runID)"))
            let again = await admin("allocate", "run", "--pole", pole, "--recompute", runID, databaseURL: url)
            #expect(again.status == 1)
            #expect(again.standardError == "mutualis-admin: the run is finalised and never changes\n")

            let report = await admin("report", "pooling", "--pole", pole, "--from", from, "--to", to, "--json", databaseURL: url)
            #expect(report.status == 0)
            let figures = try #require(try report.json() as? [String: Any])
            #expect((figures["resources"] as? [Any])?.count == 10)
            #expect(((figures["members"] as? [String: Any])?["byLegalForm"] as? [Any])?.count == 9)
            #expect(((figures["costs"] as? [String: Any])?["notFinalizedCents"] as? Int) == 0)
            let csv = await admin("report", "pooling", "--pole", pole, "--from", from, "--to", to, "--csv", databaseURL: url)
            #expect(csv.standardOutput.hasPrefix("section,id,name,metric,value\r\n"))
            let table = await admin("report", "pooling", "--pole", pole, "--from", from, "--to", to, databaseURL: url)
            #expect(table.standardOutput.contains("Salle de réunion Isère") && table.standardOutput.contains("FTE"))

            let twice = await admin("demo", "seed", databaseURL: url)
            #expect(twice.status == 1 && twice.standardError.contains("already exists"))
        }
    }

    @Test("cost add reads euros exactly and refuses what is wrong: a usage error exits 2, a refusal 1")
    func costAdd() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            func add(_ extra: String...) async -> CommandOutcome {
                await admin(
                    [
                        "cost", "add", "--pole", pole, "--from", "2027-03-01", "--to", "2027-04-01", "--category", "rent", "--label",
                        "Bureaux",
                    ] + extra,
                    databaseURL: url)
            }
            let added = await add("--amount", "1000.5", "--json")
            #expect(added.status == 0)
            #expect((try added.json() as? [String: Any])?["amountCents"] as? Int == 100_050)
            let cents = await add("--amount", "12.345")
            #expect(cents.status == 2 && cents.standardError.contains("--amount"))
            for huge in ["92233720368547758.08", "9223372036854775807", "10000000001"] {
                let refused = await add("--amount", huge)
                #expect(refused.status == 2 && refused.standardError.hasPrefix("mutualis-admin: --amount"), "\(huge)")
            }
            let resource = await add("--amount", "10", "--resource", UUID().uuidString)
            #expect(resource.status == 1 && resource.standardError == "mutualis-admin: resource not found\n")
            let rule = await add("--amount", "10", "--rule", #"{"method": "usage"}"#)
            #expect(rule.status == 1 && rule.standardError.contains("rule.method"))
            let listed = await admin("cost", "list", "--pole", pole, databaseURL: url)
            #expect(listed.standardOutput.contains("1000.50"))
            #expect(listed.standardOutput.split(separator: "\n").count == 2)
        }
    }
}

@Suite("mutualis-admin resource update")
struct ResourceUpdateCommandTests {
    @Test("resource update changes fields and dates an allocation rule; a wrong rule changes nothing")
    func update() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let resource = try #require(
                (try await admin("resource", "add", "--pole", pole, "--name", "Van", "--kind", "equipment", "--json", databaseURL: url)
                    .json() as? [String: Any])?["id"] as? String)
            let updated = await admin(
                "resource", "update", "--pole", pole, "--resource", resource, "--name", "Camion", "--units", "2",
                "--allocation-rule", #"{"method": "usage", "idle": "absorb"}"#, "--effective-from", "2027-04-01", databaseURL: url)
            #expect(updated.status == 0, "\(updated.standardError)")
            #expect(updated.standardOutput == "Updated resource Camion (allocation rule: usage from 2027-04-01)\n")
            let listed = await admin("resource", "list", "--pole", pole, "--json", databaseURL: url)
            let first = try #require((try listed.json() as? [[String: Any]])?.first)
            #expect(first["name"] as? String == "Camion" && first["units"] as? Int == 2)

            let wrong = await admin(
                "resource", "update", "--pole", pole, "--resource", resource, "--name", "Autre", "--allocation-rule",
                #"{"method": "hybrid"}"#, databaseURL: url)
            #expect(wrong.status == 1 && wrong.standardError.contains("fixedPart"))
            let after = await admin("resource", "list", "--pole", pole, "--json", databaseURL: url)
            #expect((try after.json() as? [[String: Any]])?.first?["name"] as? String == "Camion")
            let nothing = await admin("resource", "update", "--pole", pole, "--resource", resource, databaseURL: url)
            #expect(nothing.status == 2)
        }
    }
}
