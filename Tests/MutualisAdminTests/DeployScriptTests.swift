import Foundation
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Testing

/// Runs a script of `deploy/` with DATABASE_URL set, answering its exit status and output.
private func deployScript(_ name: String, _ arguments: [String], databaseURL: String) throws -> (status: Int32, output: String) {
    let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [project.appendingPathComponent("deploy/\(name)").path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["DATABASE_URL": databaseURL]) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

@Suite("deploy/backup and deploy/restore")
struct DeployScriptTests {
    @Test("back up, wipe, restore: the same data; restore refuses a database that is not empty")
    func backupWipeRestore() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let seeded = await admin("demo", "seed", "--json", databaseURL: url)
            let pole = try #require((try seeded.json() as? [String: Any])?["poleId"] as? String)
            let views = [
                ["member", "list", "--pole", pole], ["cost", "list", "--pole", pole], ["resource", "list", "--pole", pole],
                ["db", "status"],
            ]
            var before: [String] = []
            for view in views { before.append(await admin(view + ["--json"], databaseURL: url).standardOutput) }
            let bookings = "SELECT count(*) || ' ' || coalesce(sum(extract(epoch FROM upper(during) - lower(during))), 0) FROM bookings"
            let pool = PostgresConnectionPool(configuration: configuration, size: 1)
            let bookedBefore = try await pool.withConnection {
                try $0.query(PostgresQuery(stringLiteral: bookings)).first!.decode(String.self, at: 0)
            }

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mutualis-\(UUID()).dump").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            let backup = try deployScript("backup", [file], databaseURL: url)
            #expect(backup.status == 0, "\(backup.output)")
            #expect(FileManager.default.fileExists(atPath: file) && !FileManager.default.fileExists(atPath: file + ".partial"))

            let refused = try deployScript("restore", [file], databaseURL: url)
            #expect(refused.status == 1 && refused.output.contains("restore into an empty database"))

            try await pool.withConnection { try $0.executeScript(unsafeSQL: "DROP SCHEMA public CASCADE; CREATE SCHEMA public;") }
            let wiped = await admin("member", "list", "--pole", pole, databaseURL: url)
            #expect(wiped.status == 1)

            let restore = try deployScript("restore", [file], databaseURL: url)
            #expect(restore.status == 0, "\(restore.output)")
            for (view, expected) in zip(views, before) {
                let after = await admin(view + ["--json"], databaseURL: url)
                #expect(after.status == 0 && after.standardOutput == expected)
            }
            let bookedAfter = try await pool.withConnection {
                try $0.query(PostgresQuery(stringLiteral: bookings)).first!.decode(String.self, at: 0)
            }
            #expect(bookedAfter == bookedBefore && !bookedBefore.hasPrefix("0 "))
            await pool.close()
        }
    }
}
