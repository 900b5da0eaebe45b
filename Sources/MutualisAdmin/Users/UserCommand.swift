import ArgumentParser
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `mutualis-admin user`: coordinators and member users.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add and list users.",
        subcommands: [Add.self, List.self, Invite.self, Disable.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user to a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID
        @Option(help: "The user's email, unique on the platform.") var email: String
        @Option(help: "The user's name.") var name: String
        @Option(help: "coordinator or member.") var role: User.Role
        @Option(help: "For a member user: the member it acts for.") var member: MemberID?

        func validate() throws {
            switch role {
            case .member where member == nil: throw ValidationError("a member user needs --member")
            case .coordinator where member != nil: throw ValidationError("a coordinator acts for the whole pole: leave out --member")
            default: break
            }
        }

        func run() async throws {
            let user = try await options.withDatabase(pole: pole) { database in
                try await UserStore(database: database).create(
                    pole: pole, email: email, name: name, role: role, memberID: member, actor: .adminCLI)
            }
            if options.json {
                try Output.json(UserRepresentation(user))
            } else {
                printLine("Added \(user.role.rawValue) \(user.email): \(user.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users of a pole.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The pole's id.") var pole: PoleID

        func run() async throws {
            let users = try await options.withDatabase(pole: pole) { try await UserStore(database: $0).list(pole: pole) }
            if options.json {
                try Output.json(users.map(UserRepresentation.init))
            } else {
                Output.table(
                    ["ID", "EMAIL", "NAME", "ROLE", "MEMBER"],
                    users.map {
                        [$0.id.description, $0.email, $0.name, $0.role.rawValue, $0.memberID?.description ?? "-"]
                    })
            }
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "invite",
            abstract: "Print the link with which a user chooses a password for the web pages.",
            discussion: "The link works once, for 7 days; a new one replaces the user's earlier links."
        )

        @OptionGroup var options: GlobalOptions
        @Option(help: "The user's email.") var email: String
        @Option(
            name: .customLong("base-url"),
            help: "The address people open Mutualis at (default: $MUTUALIS_PUBLIC_URL, else http://127.0.0.1:8080).")
        var baseURL: PublicURL?

        func run() async throws {
            let base = try baseURL ?? AdminEnvironment.current.publicURL()
            let secret = try await options.withDatabase { database in
                let user = try await UserStore(database: database).existing(email: email)
                return try await AccountStore(database: database).invite(user.id, actor: .adminCLI)
            }
            let link = base.invitationLink(secret)
            if options.json {
                try Output.json(["url": link])
            } else {
                printLine(link)
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user: its tokens stop working.")

        @OptionGroup var options: GlobalOptions
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            try await options.withDatabase { database in
                let users = UserStore(database: database)
                let user = try await users.existing(email: email)
                try await users.disable(user.id, actor: .adminCLI)
            }
            if options.json {
                try Output.json(["disabled": email])
            } else {
                printLine("Disabled \(email)")
            }
        }
    }
}
