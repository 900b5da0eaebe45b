import Foundation
import MutualisStore
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Testing

@Suite("mutualis-admin pole, user, token")
struct AccessCommandTests {
    @Test("pole create, user add and token issue give a token that authenticates")
    func bootstrap() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url)
            #expect(pole.status == 0)
            let poleID = try #require((try pole.json() as? [String: Any])?["id"] as? String)
            #expect((try pole.json() as? [String: Any])?["timeZone"] as? String == "Europe/Paris")

            let user = await admin(
                "user", "add", "--pole", poleID, "--email", "camille@polesud.example", "--name", "Camille", "--role", "coordinator",
                databaseURL: url)
            #expect(user.status == 0)
            #expect(user.standardOutput.hasPrefix("Added coordinator camille@polesud.example"))

            let token = await admin("token", "issue", "--email", "camille@polesud.example", "--json", databaseURL: url)
            #expect(token.status == 0)
            let value = try #require((try token.json() as? [String: Any])?["token"] as? String)
            let pool = PostgresConnectionPool(configuration: configuration, size: 2)
            let principal = try await TokenStore(database: MutualisDatabase(pool: pool)).authenticate(value)
            #expect(principal?.poleID.description == poleID)
            #expect(principal?.role == .coordinator)

            let listed = await admin("token", "list", "--email", "camille@polesud.example", "--json", databaseURL: url)
            let summaries = try #require(try listed.json() as? [[String: Any]])
            #expect(summaries.count == 1)
            #expect(summaries.first?["scope"] as? String == "api")
            #expect(summaries.first?["lastUsedAt"] != nil)
            #expect(!listed.standardOutput.contains(value))

            let revoked = await admin("token", "revoke", "--email", "camille@polesud.example", databaseURL: url)
            #expect(revoked.standardOutput.contains("Revoked 1 token"))
            #expect(try await TokenStore(database: MutualisDatabase(pool: pool)).authenticate(value) == nil)
            await pool.close()

            let again = try #require(
                (try await admin("token", "issue", "--email", "camille@polesud.example", "--json", databaseURL: url).json()
                    as? [String: Any])?["token"] as? String)
            let checkPool = PostgresConnectionPool(configuration: configuration, size: 1)
            #expect(try await TokenStore(database: MutualisDatabase(pool: checkPool)).authenticate(again) != nil)
            #expect(await admin("user", "disable", "--email", "camille@polesud.example", databaseURL: url).status == 0)
            #expect(try await TokenStore(database: MutualisDatabase(pool: checkPool)).authenticate(again) == nil)
            await checkPool.close()

            let poles = await admin("pole", "list", databaseURL: url)
            #expect(poles.standardOutput.contains("Pôle Sud"))
        }
    }

    @Test("refused operations are one line on stderr with exit status 1; usage errors exit 2")
    func refusals() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            #expect(await admin("pole", "create", "--name", "Pôle Sud", databaseURL: url).status == 0)
            let duplicate = await admin("pole", "create", "--name", "pôle sud", databaseURL: url)
            #expect(duplicate.status == 1)
            #expect(duplicate.standardError.split(separator: "\n").count == 1)
            #expect(duplicate.standardError.contains("already exists"))
            let badZone = await admin("pole", "create", "--name", "Ailleurs", "--time-zone", "Mars/Olympus", databaseURL: url)
            #expect(badZone.status == 1)
            #expect(badZone.standardError.contains("timeZone"))
            let unknownUser = await admin("token", "issue", "--email", "nobody@example.org", databaseURL: url)
            #expect(unknownUser.status == 1)
            #expect(
                await admin("user", "add", "--pole", "not-an-id", "--email", "a@b.c", "--name", "A", "--role", "member", databaseURL: url)
                    .status == 2)
            #expect(await admin("token", "issue", databaseURL: url).status == 2)
        }
    }

    @Test("user invite prints a link that works once, at the address given; an unknown email or a bad address is refused")
    func invite() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let url = configuration.keywordString
            let pole = try #require(
                (try await admin("pole", "create", "--name", "Pôle Sud", "--json", databaseURL: url).json() as? [String: Any])?["id"]
                    as? String)
            _ = await admin(
                "user", "add", "--pole", pole, "--email", "camille@polesud.example", "--name", "Camille", "--role", "coordinator",
                databaseURL: url)
            let invited = await admin(
                "user", "invite", "--email", "camille@polesud.example", "--base-url", "https://mutualis.example.org/", "--json",
                databaseURL: url)
            #expect(invited.status == 0)
            let link = try #require((try invited.json() as? [String: String])?["url"])
            #expect(link.hasPrefix("https://mutualis.example.org/invitation/inv_"))
            let secret = String(link.dropFirst("https://mutualis.example.org/invitation/".count))
            let pool = PostgresConnectionPool(configuration: configuration, size: 2)
            let accounts = AccountStore(
                database: MutualisDatabase(pool: pool), hasher: PasswordHasher(logN: 10, blockSize: 1, parallelism: 1))
            #expect(try await accounts.invitee(secret)?.email == "camille@polesud.example")
            await pool.close()

            let unknown = await admin("user", "invite", "--email", "nobody@polesud.example", databaseURL: url)
            #expect(unknown.status != 0 && unknown.standardError.contains("no user has the email nobody@polesud.example"))
            let badAddress = await admin("user", "invite", "--email", "camille@polesud.example", "--base-url", "ftp://x", databaseURL: url)
            #expect(badAddress.status != 0 && badAddress.standardError.contains("--base-url"))
        }
    }
}
