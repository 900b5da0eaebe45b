import Foundation
import MutualisRepresentations

/// Where a command writes and what environment it reads: the process's own, or a test's.
public struct AdminEnvironment: Sendable {
    /// Receives text written to standard output.
    public var standardOutput: @Sendable (String) -> Void
    /// Receives text written to standard error.
    public var standardError: @Sendable (String) -> Void
    /// Environment variables (`DATABASE_URL`).
    public var variables: [String: String]

    /// An environment with these writers and variables.
    public init(
        standardOutput: @escaping @Sendable (String) -> Void,
        standardError: @escaping @Sendable (String) -> Void,
        variables: [String: String]
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.variables = variables
    }

    /// The process's standard output, standard error and environment.
    public static let process = AdminEnvironment(
        standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        standardError: { FileHandle.standardError.write(Data($0.utf8)) },
        variables: ProcessInfo.processInfo.environment
    )

    /// The environment commands run in.
    @TaskLocal public static var current = AdminEnvironment.process

    /// `MUTUALIS_PUBLIC_URL`, the address people open Mutualis at; a local one when unset.
    func publicURL() throws -> PublicURL {
        guard let text = variables["MUTUALIS_PUBLIC_URL"], !text.isEmpty else { return .local }
        guard let url = PublicURL(text) else { throw AdminError.usage("MUTUALIS_PUBLIC_URL must be an http or https address, not \(text)") }
        return url
    }
}

/// Writes a line to the command's standard output.
func printLine(_ text: String = "") {
    AdminEnvironment.current.standardOutput(text + "\n")
}
