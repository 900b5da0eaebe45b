import Foundation
import MutualisTestSupport
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
    @Test("a backup restored into an empty database gives back every row, and restore refuses a database in use")
    func backupAndRestore() async throws {
        try await TestDatabase.with(template: .migrated) { source in
            let sourceURL = source.keywordString
            let seeded = await admin("demo", "seed", "--json", databaseURL: sourceURL)
            let pole = try #require((try seeded.json() as? [String: Any])?["poleId"] as? String)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mutualis-\(UUID()).dump").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            let backup = try deployScript("backup", [file], databaseURL: sourceURL)
            #expect(backup.status == 0, "\(backup.output)")
            #expect(FileManager.default.fileExists(atPath: file) && !FileManager.default.fileExists(atPath: file + ".partial"))

            try await TestDatabase.with { target in
                let targetURL = target.keywordString
                let restore = try deployScript("restore", [file], databaseURL: targetURL)
                #expect(restore.status == 0, "\(restore.output)")
                for command in [["member", "list", "--pole", pole], ["cost", "list", "--pole", pole], ["resource", "list", "--pole", pole]] {
                    let before = await admin(command + ["--json"], databaseURL: sourceURL)
                    let after = await admin(command + ["--json"], databaseURL: targetURL)
                    #expect(after.status == 0 && after.standardOutput == before.standardOutput)
                }
                let status = await admin("db", "status", databaseURL: targetURL)
                #expect(status.status == 0 && status.standardOutput.contains("0003") && !status.standardOutput.contains("pending"))
                let again = try deployScript("restore", [file], databaseURL: targetURL)
                #expect(again.status == 1 && again.output.contains("restore into an empty database"))
            }
        }
    }
}
