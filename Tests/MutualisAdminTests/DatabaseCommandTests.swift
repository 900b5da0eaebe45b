import Foundation
import MutualisStore
import MutualisTestSupport
import PostgresTestSupport
import Testing

@Suite("mutualis-admin db")
struct DatabaseCommandTests {
    @Test("db migrate applies the migrations, then says the database is up to date")
    func migrate() async throws {
        try await TestDatabase.with { configuration in
            let first = await admin("db", "migrate", "--database-url", configuration.keywordString)
            #expect(first.status == 0)
            #expect(first.standardOutput.contains("Applied 0001 foundation"))
            #expect(first.standardError.isEmpty)
            let second = await admin("db", "migrate", databaseURL: configuration.keywordString)
            #expect(second.status == 0)
            #expect(second.standardOutput.contains("up to date"))
        }
    }

    @Test("db migrate --json prints one JSON document")
    func migrateJSON() async throws {
        try await TestDatabase.with { configuration in
            let outcome = await admin("db", "migrate", "--json", databaseURL: configuration.keywordString)
            #expect(outcome.status == 0)
            let document = try #require(try outcome.json() as? [String: Any])
            let applied = try #require(document["applied"] as? [[String: Any]])
            #expect(applied.first?["name"] as? String == "foundation")
            #expect(document["current"] as? Int == Migration.embedded.last?.version)
        }
    }

    @Test("db status lists each migration's state, as a table or as JSON")
    func status() async throws {
        try await TestDatabase.with { configuration in
            let before = await admin("db", "status", databaseURL: configuration.keywordString)
            #expect(before.status == 0)
            let lines = before.standardOutput.split(separator: "\n")
            #expect(lines.first?.hasPrefix("VERSION") == true)
            let first = lines.dropFirst().first.map { $0.split(separator: " ", omittingEmptySubsequences: true) } ?? []
            #expect(first.prefix(3) == ["0001", "foundation", "pending"])
            _ = await admin("db", "migrate", databaseURL: configuration.keywordString)
            let after = await admin("db", "status", "--json", databaseURL: configuration.keywordString)
            let document = try #require(try after.json() as? [String: Any])
            let migrations = try #require(document["migrations"] as? [[String: Any]])
            #expect(migrations.allSatisfy { $0["state"] as? String == "applied" })
        }
    }

    @Test("no database given is a usage error: one line, exit status 2")
    func missingDatabase() async {
        let outcome = await admin("db", "migrate")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(outcome.standardError.contains("DATABASE_URL"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test("an unknown command or option is a usage error: exit status 2")
    func unknownCommand() async {
        #expect(await admin("db", "frobnicate").status == 2)
        #expect(await admin("db", "migrate", "--jsn").status == 2)
    }

    @Test("an unreachable database is a refusal: one line, exit status 1")
    func unreachableDatabase() async {
        let outcome = await admin("db", "migrate", "--database-url", "host=/nonexistent-socket dbname=none")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("mutualis-admin: cannot reach the database"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
    }

    @Test("--help prints the commands and exits 0")
    func help() async {
        let outcome = await admin("--help")
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("db"))
    }
}
