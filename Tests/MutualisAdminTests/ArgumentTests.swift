import Foundation
import MutualisTestSupport
import PostgresTestSupport
import Testing

/// Values on the command line are typed: a malformed id, date, enumeration or amount is a
/// usage error (exit 2) naming its option before anything runs, and a pole that does not
/// exist is an error, not an empty table.
@Suite("mutualis-admin arguments")
struct ArgumentTests {
    @Test("malformed values and contradictory options are usage errors on one line naming the option")
    func malformed() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            let cost = ["cost", "add", "--pole", pole, "--category", "rent", "--label", "Loyer"]
            let cases: [([String], String)] = [
                (cost + ["--from", "2027-03-01", "--to", "2027-04-01", "--amount", "-5"], "--amount must not be negative"),
                (
                    cost + ["--from", "2027-03-01", "--to", "2027-04-01", "--amount", "92233720368547758.08"],
                    "--amount must be at most 10000000000 euros"
                ),
                (cost + ["--from", "2027-03-01", "--to", "2027-04-01", "--amount", "12,5"], "'--amount <euros>'"),
                (cost + ["--from", "2027-02-30", "--to", "2027-04-01", "--amount", "5"], "'--from <yyyy-mm-dd>'"),
                (cost + ["--from", "2027-04-01", "--to", "2027-03-01", "--amount", "5"], "--to must be after --from"),
                (["member", "list", "--pole", "not-an-id"], "'--pole <pole>'"),
                (["member", "add", "--pole", pole, "--name", "X", "--legal-form", "asso"], "association, scop, scic"),
                (
                    ["user", "add", "--pole", pole, "--email", "a@b.example", "--name", "A", "--role", "member"],
                    "a member user needs --member"
                ),
                (["allocate", "run", "--pole", pole], "give the period with --from and --to"),
                (["resource", "update", "--pole", pole, "--resource", UUID().uuidString], "nothing to change"),
            ]
            for (arguments, expected) in cases {
                let outcome = await admin(arguments, databaseURL: url)
                #expect(outcome.status == 2, "\(arguments)")
                #expect(
                    outcome.standardError.hasPrefix("mutualis-admin: ") && outcome.standardError.contains(expected),
                    "\(outcome.standardError)")
                #expect(outcome.standardError.filter { $0 == "\n" }.count == 1)
            }
        }
    }

    @Test("a pole that does not exist is an error, not an empty table")
    func unknownPole() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let unknown = UUID().uuidString
            for arguments in [
                ["member", "list", "--pole", unknown], ["resource", "list", "--pole", unknown], ["cost", "list", "--pole", unknown],
                ["user", "list", "--pole", unknown],
            ] {
                let outcome = await admin(arguments, databaseURL: configuration.keywordString)
                #expect(
                    outcome.status == 1 && outcome.standardError == "mutualis-admin: pole not found\n",
                    "\(arguments): \(outcome.standardError)")
                #expect(outcome.standardOutput.isEmpty)
            }
        }
    }
}
