import ArgumentParser
import Foundation

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
            // The parser's message may list valid values on lines of their own: one line here.
            let lines = MutualisAdminCommand.message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let values = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.filter { !$0.isEmpty }
            let message = (lines.first ?? "") + (values.isEmpty ? "" : " " + values.joined(separator: ", "))
            failure = .usage("\(message) (see --help)")
        default:
            failure = AdminError.from(error)
        }
        environment.standardError("mutualis-admin: \(failure.description.split(separator: "\n").joined(separator: " "))\n")
        return failure.exitStatus
    }
}
