import Foundation
import MutualisTestSupport
import PostgresTestSupport
import Testing

@Suite("mutualis-admin commitment, booking, resource tiers and blackouts")
struct CooperativePracticeCommandTests {
    @Test("commitments added, listed per member and resource, refused when malformed, withdrawn")
    func commitments() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let demo = try #require(try await admin("demo", "seed", "--json", databaseURL: url).json() as? [String: String])
            let pole = try #require(demo["poleId"])
            let resources = try #require(
                try await admin("resource", "list", "--pole", pole, "--json", databaseURL: url).json() as? [[String: Any]])
            let machine = try #require(resources.first { $0["name"] as? String == "Machine à bois combinée" }?["id"] as? String)
            let members = try #require(
                try await admin("member", "list", "--pole", pole, "--json", databaseURL: url).json() as? [[String: Any]])
            let member = try #require(members.first { $0["name"] as? String == demo["memberName"] }?["id"] as? String)

            let added = await admin(
                "commitment", "add", "--pole", pole, "--member", member, "--resource", machine, "--volume", "150.5", "--starts-on",
                "2027-01-01",
                "--ends-on", "2029-12-31", "--json", databaseURL: url)
            #expect(added.status == 0, "\(added.standardError)")
            let commitment = try #require(try added.json() as? [String: Any])
            #expect(commitment["volume"] as? Double == 150.5 && commitment["unit"] as? String == "hours")

            let mine = try #require(
                try await admin("commitment", "list", "--pole", pole, "--member", member, "--json", databaseURL: url).json()
                    as? [[String: Any]])
            #expect(mine.map { $0["id"] as? String } == [commitment["id"] as? String])
            let onMachine = await admin("commitment", "list", "--pole", pole, "--resource", machine, databaseURL: url)
            #expect(onMachine.standardOutput.split(separator: "\n").count == 1 + 3)

            for arguments in [
                ["--volume", "beaucoup", "--starts-on", "2027-01-01", "--ends-on", "2027-12-31"],
                ["--volume", "10", "--starts-on", "2027-01-01", "--ends-on", "2026-12-31"],
                ["--volume", "0", "--starts-on", "2027-01-01", "--ends-on", "2027-12-31"],
            ] {
                let refused = await admin(
                    ["commitment", "add", "--pole", pole, "--member", member, "--resource", machine] + arguments, databaseURL: url)
                #expect(refused.status == 2, "\(arguments)")
                #expect(refused.standardError.split(separator: "\n").count == 1, "\(refused.standardError)")
            }

            let id = try #require(commitment["id"] as? String)
            #expect(await admin("commitment", "withdraw", "--pole", pole, "--commitment", id, databaseURL: url).status == 0)
            let again = await admin("commitment", "withdraw", "--pole", pole, "--commitment", id, databaseURL: url)
            #expect(again.status == 1 && again.standardError.contains("not found"))
        }
    }

    @Test("cancellation tiers set from the command line; blackouts listed and removed; no-shows marked; the waitlist listed")
    func tiersBlackoutsNoShowsWaitlist() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let demo = try #require(try await admin("demo", "seed", "--json", databaseURL: url).json() as? [String: String])
            let pole = try #require(demo["poleId"])
            let resources = try #require(
                try await admin("resource", "list", "--pole", pole, "--json", databaseURL: url).json() as? [[String: Any]])
            let sound = try #require(resources.first { $0["name"] as? String == "Sonorisation mobile" }?["id"] as? String)

            let tiered = await admin(
                "resource", "update", "--pole", pole, "--resource", sound, "--cancellation-tiers", "10080:50,2880:100", "--json",
                databaseURL: url)
            #expect(tiered.status == 0, "\(tiered.standardError)")
            let backwards = await admin(
                "resource", "update", "--pole", pole, "--resource", sound, "--cancellation-tiers", "10080:100,2880:50", databaseURL: url)
            #expect(backwards.status == 1 && backwards.standardError.contains("rules.cancellationTiers"))
            #expect(
                await admin("resource", "update", "--pole", pole, "--resource", sound, "--cancellation-tiers", "2880", databaseURL: url)
                    .status
                    == 2)

            #expect(
                await admin(
                    "resource", "blackout", "add", "--pole", pole, "--resource", sound, "--start", "2027-03-10T00:00:00+01:00", "--end",
                    "2027-03-11T00:00:00+01:00", databaseURL: url
                ).status == 0)
            let blackouts = try #require(
                try await admin("resource", "blackout", "list", "--pole", pole, "--resource", sound, "--json", databaseURL: url).json()
                    as? [[String: String]])
            let blackout = try #require(blackouts.first?["id"])
            #expect(
                await admin("resource", "blackout", "remove", "--pole", pole, "--resource", sound, "--blackout", blackout, databaseURL: url)
                    .status == 0)
            #expect(
                await admin("resource", "blackout", "remove", "--pole", pole, "--resource", sound, "--blackout", blackout, databaseURL: url)
                    .status == 1)

            // The demonstration's waiting requests: one booked when its slot was cancelled, one waiting.
            let waiting = try #require(
                try await admin("booking", "waitlist", "--pole", pole, "--json", databaseURL: url).json() as? [[String: Any]])
            #expect(Set(waiting.compactMap { $0["status"] as? String }) == ["booked", "waiting"])
            let future = try #require(waiting.first { $0["status"] as? String == "booked" }?["bookingId"] as? String)
            let refused = await admin("booking", "no-show", "--pole", pole, "--booking", future, databaseURL: url)
            #expect(refused.status == 1 && refused.standardError.contains("only once it has started"))
        }
    }
}
