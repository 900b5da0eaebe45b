import ArgumentParser

/// Runs `mutualis-admin` with its arguments and returns the exit status.
public enum AdminMain {
    /// Parses and runs one command line; errors become one line on stderr.
    public static func run(_ arguments: [String]) async -> Int32 {
        do {
            var command = try MutualisAdminCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch {
            return report(error)
        }
    }

    /// Help goes to stdout with status 0; parse errors are usage errors (2); the rest are
    /// refusals (1), unless the command said otherwise.
    private static func report(_ error: any Error) -> Int32 {
        let environment = AdminEnvironment.current
        let failure: AdminError
        switch MutualisAdminCommand.exitCode(for: error) {
        case .success:
            environment.standardOutput(MutualisAdminCommand.fullMessage(for: error) + "\n")
            return 0
        case .validationFailure:
            let message = MutualisAdminCommand.message(for: error).split(separator: "\n").first ?? ""
            failure = .usage("\(message) (see --help)")
        default:
            failure = AdminError.from(error)
        }
        environment.standardError("mutualis-admin: \(failure.description.split(separator: "\n").joined(separator: " "))\n")
        return failure.exitStatus
    }
}
