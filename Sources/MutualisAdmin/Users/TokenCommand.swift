import ArgumentParser
import MutualisStore

/// `mutualis-admin token`: API tokens.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Issue and revoke API tokens.",
        subcommands: [Issue.self, List.self, Revoke.self]
    )

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Print a new API token for a user, once; only its hash is stored."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The user's email.") var email: String
        @Option(help: "api (the Authorization header) or calendar (feed URLs).") var scope = "api"

        func run() async throws {
            guard let tokenScope = TokenStore.Scope(rawValue: scope) else { throw AdminError.usage("--scope must be api or calendar") }
            let token = try await options.withDatabase { database in
                let user = try await UserStore(database: database).existing(email: email)
                return try await TokenStore(database: database).issue(for: user.id, scope: tokenScope, actor: .adminCLI)
            }
            if options.json {
                try Output.json(["token": token])
            } else {
                printLine(token)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List a user's tokens (never the tokens themselves).")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            let tokens = try await options.withDatabase { database in
                let user = try await UserStore(database: database).existing(email: email)
                return try await TokenStore(database: database).list(of: user.id)
            }
            if options.json {
                try Output.json(tokens)
            } else {
                Output.table(
                    ["ID", "SCOPE", "CREATED", "LAST USED", "REVOKED"],
                    tokens.map {
                        [$0.id, $0.scope, Output.instant($0.createdAt), Output.instant($0.lastUsedAt), Output.instant($0.revokedAt)]
                    })
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke every token of a user.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            let count = try await options.withDatabase { database in
                let user = try await UserStore(database: database).existing(email: email)
                return try await TokenStore(database: database).revokeAll(of: user.id, actor: .adminCLI)
            }
            if options.json {
                try Output.json(["revoked": count])
            } else {
                printLine("Revoked \(count) token\(count == 1 ? "" : "s") of \(email)")
            }
        }
    }
}
