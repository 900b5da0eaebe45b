import Foundation
import MutualisTestSupport
import PostgresTestSupport
import Testing

@Suite("mutualis-admin member and category")
struct MemberCommandTests {
    @Test("category set, then member add, list, show, update and leave")
    func memberLifecycle() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let category = await admin(
                "category", "set", "--pole", pole, "--name", "Petites associations", "--coefficient", "0.5", "--json", databaseURL: url)
            #expect((try category.json() as? [String: Any])?["coefficient"] as? Double == 0.5)

            let added = await admin(
                "member", "add", "--pole", pole, "--name", "Les Fabriques", "--legal-form", "association",
                "--category", "Petites associations", "--headcount", "2.5", "--joined-on", "2025-09-01", "--json", databaseURL: url
            )
            #expect(added.status == 0)
            let member = try #require((try added.json() as? [String: Any])?["id"] as? String)
            #expect((try added.json() as? [String: Any])?["category"] as? String != nil)

            let listed = await admin("member", "list", "--pole", pole, databaseURL: url)
            #expect(listed.standardOutput.contains("Les Fabriques"))
            #expect(listed.standardOutput.split(separator: "\n").first?.hasPrefix("ID") == true)

            let updated = await admin("member", "update", "--pole", pole, member, "--siret", "73282932000074", "--json", databaseURL: url)
            #expect((try updated.json() as? [String: Any])?["siret"] as? String == "73282932000074")
            #expect((try updated.json() as? [String: Any])?["name"] as? String == "Les Fabriques")

            let left = await admin("member", "leave", "--pole", pole, member, "--on", "2026-12-31", databaseURL: url)
            #expect(left.status == 0)
            let shown = await admin("member", "show", "--pole", pole, member, "--json", databaseURL: url)
            #expect((try shown.json() as? [String: Any])?["leftOn"] as? String == "2026-12-31")
        }
    }

    @Test("a bad member is refused with one line and nothing stored; bad options are usage errors")
    func refusals() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let badSiret = await admin(
                "member", "add", "--pole", pole, "--name", "X", "--legal-form", "scop", "--siret", "12345678901234", databaseURL: url)
            #expect(badSiret.status == 1)
            #expect(badSiret.standardError.contains("siret"))
            #expect(await admin("member", "add", "--pole", pole, "--name", "X", "--legal-form", "club", databaseURL: url).status == 2)
            #expect(await admin("member", "add", "--pole", pole, "--name", "X", databaseURL: url).status == 2)
            #expect(await admin("category", "set", "--pole", pole, "--name", "Y", "--coefficient", "11", databaseURL: url).status == 2)
            let listed = await admin("member", "list", "--pole", pole, "--json", databaseURL: url)
            #expect((try listed.json() as? [Any])?.isEmpty == true)
        }
    }
}

@Suite("mutualis-admin resource")
struct ResourceCommandTests {
    @Test("resource add, list, and blackout add")
    func resources() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let added = await admin(
                "resource", "add", "--pole", pole, "--name", "Camionnettes", "--kind", "equipment", "--units", "2", "--json",
                databaseURL: url)
            #expect(added.status == 0)
            let resource = try #require((try added.json() as? [String: Any])?["id"] as? String)
            #expect((try added.json() as? [String: Any])?["units"] as? Int == 2)
            #expect(await admin("resource", "list", "--pole", pole, databaseURL: url).standardOutput.contains("Camionnettes"))
            let blackout = await admin(
                "resource", "blackout", "add", "--pole", pole, "--resource", resource,
                "--start", "2026-08-01T00:00:00+02:00", "--end", "2026-08-16T00:00:00+02:00", "--reason", "révision", databaseURL: url)
            #expect(blackout.status == 0)
            #expect(
                await admin(
                    "resource", "blackout", "add", "--pole", pole, "--resource", resource,
                    "--start", "2026-08-16T00:00:00+02:00", "--end", "2026-08-01T00:00:00+02:00", databaseURL: url
                ).status == 2)
            #expect(await admin("resource", "add", "--pole", pole, "--name", "X", "--kind", "vehicle", databaseURL: url).status == 2)
            #expect(
                await admin("resource", "add", "--pole", pole, "--name", "Comptable", "--kind", "staff", "--units", "2", databaseURL: url)
                    .status == 1)
        }
    }
}

@Suite("mutualis-admin member import and export")
struct MemberCSVTests {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("members-\(UUID()).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a CSV file is imported whole, and exports back with RFC 4180 quoting")
    func roundTrip() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            _ = await admin("category", "set", "--pole", pole, "--name", "Petites", "--coefficient", "0.5", databaseURL: url)
            let file = try write(
                #"""
                name,legalForm,siret,category,headcount,annualBudgetCents,joinedOn
                "Ardelaine, SCOP",scop,73282932000074,,12.5,95000000,2025-01-01
                Les Fabriques,association,,Petites,1,2000000,2025-03-15
                "Théâtre ""La Courte Échelle""",association,,,,,
                """#)
            let imported = await admin("member", "import", "--pole", pole, file, databaseURL: url)
            #expect(imported.status == 0)
            #expect(imported.standardOutput.contains("Imported 3 members"))
            let exported = await admin("member", "export", "--pole", pole, databaseURL: url)
            #expect(exported.status == 0)
            let lines = exported.standardOutput.components(separatedBy: "\r\n")
            #expect(lines.first == "name,legalForm,siret,category,headcount,annualBudgetCents,joinedOn,leftOn")
            #expect(lines.contains("\"Ardelaine, SCOP\",scop,73282932000074,,12.50,95000000,2025-01-01,"))
            #expect(lines.contains("Les Fabriques,association,,Petites,1.00,2000000,2025-03-15,"))
            #expect(lines.contains { $0.hasPrefix("\"Théâtre \"\"La Courte Échelle\"\"\",association") })
        }
    }

    @Test("a bad row is reported with its line and field, and then nothing is imported")
    func allOrNothing() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let file = try write(
                """
                name,legalForm,siret
                Ardelaine,scop,73282932000074
                Les Fabriques,association,
                Mauvais,association,12345678901234
                """)
            let refused = await admin("member", "import", "--pole", pole, file, databaseURL: url)
            #expect(refused.status == 1)
            #expect(refused.standardError == "mutualis-admin: line 4: siret: must be 14 digits with a valid check digit\n")
            let duplicate = try write(
                """
                name,legalForm,siret
                Ardelaine,scop,73282932000074
                Ardelaine bis,scop,73282932000074
                """)
            let conflict = await admin("member", "import", "--pole", pole, duplicate, databaseURL: url)
            #expect(conflict.status == 1)
            #expect(conflict.standardError.contains("line 3"))
            let listed = await admin("member", "list", "--pole", pole, "--json", databaseURL: url)
            #expect((try listed.json() as? [Any])?.isEmpty == true)
        }
    }

    @Test(
        "a French spreadsheet's file imports (BOM, semicolons, decimal commas, JJ/MM/AAAA); importing it again duplicates no one unless --update"
    )
    func frenchDialectAndReimport() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let file = try write(
                "\u{FEFF}name;legalForm;siret;headcount;joinedOn\r\n\"Ardelaine; SCOP\";scop;73282932000074;12,5;01/01/2025\r\nLes Fabriques;association;;3,25;15/03/2025\r\n'@Atelier;association;;;01/02/2025\r\n"
            )
            let imported = await admin("member", "import", "--pole", pole, file, databaseURL: url)
            #expect(imported.status == 0 && imported.standardOutput.contains("Imported 3 members"), "\(imported.standardError)")

            let again = await admin("member", "import", "--pole", pole, file, databaseURL: url)
            #expect(again.status == 1)
            #expect(
                again.standardError
                    == "mutualis-admin: line 2: Ardelaine; SCOP is already a member of this pole (the same SIRET or name); import with --update to update it\n"
            )
            let renamed = try write(
                "name;legalForm;siret;headcount\r\nArdelaine;scop;73282932000074;14\r\nles fabriques;association;;4\r\n")
            let updated = await admin("member", "import", "--pole", pole, "--update", renamed, databaseURL: url)
            #expect(updated.status == 0, "\(updated.standardError)")

            let exported = await admin("member", "export", "--pole", pole, "--dialect", "french", databaseURL: url)
            let lines = exported.standardOutput.components(separatedBy: "\r\n")
            #expect(lines.count == 5)
            #expect(lines.first == "\u{FEFF}name;legalForm;siret;category;headcount;annualBudgetCents;joinedOn;leftOn")
            #expect(lines.contains("Ardelaine;scop;73282932000074;;14,00;0;01/01/2025;"))
            #expect(lines.contains("les fabriques;association;;;4,00;0;15/03/2025;"))
            // The name a spreadsheet would have run as a formula is written after an apostrophe, and read back without it.
            #expect(lines.contains("'@Atelier;association;;;0,00;0;01/02/2025;"))
            let bad = await admin("member", "export", "--pole", pole, "--dialect", "excel", databaseURL: url)
            #expect(bad.status == 2)
        }
    }
}
