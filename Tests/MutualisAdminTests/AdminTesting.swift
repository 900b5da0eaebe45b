import MutualisAdmin
import MutualisTestSupport
import PostgresClient

/// Runs `mutualis-admin` in-process with these arguments, capturing what it prints.
func admin(_ arguments: String..., databaseURL: String? = nil) async -> CommandOutcome {
    await admin(arguments, databaseURL: databaseURL)
}

/// Runs `mutualis-admin` in-process with an argument list, capturing what it prints.
func admin(_ arguments: [String], databaseURL: String? = nil) async -> CommandOutcome {
    let output = OutputCapture()
    let errors = OutputCapture()
    let environment = AdminEnvironment(
        standardOutput: output.append,
        standardError: errors.append,
        variables: databaseURL.map { ["DATABASE_URL": $0] } ?? [:]
    )
    let status = await AdminEnvironment.$current.withValue(environment) {
        await AdminMain.run(arguments)
    }
    return CommandOutcome(status: status, standardOutput: output.contents, standardError: errors.contents)
}

extension PostgresConfiguration {
    /// The configuration as a libpq keyword string, as a user would pass with --database-url.
    var keywordString: String {
        parameters.map {
            "\($0.keyword)='\($0.value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'"
        }
        .joined(separator: " ")
    }
}
