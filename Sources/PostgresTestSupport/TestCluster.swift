import Foundation
import PostgresClient

/// The server the tests use, and the templates and databases made on it.
actor TestCluster {
    static let shared = TestCluster()

    /// Each test database is served by pools of a few connections; eight at once keeps a
    /// parallel run within `max_connections` and memory on a small machine.
    let slots = AsyncSemaphore(8)

    struct Server: Sendable {
        var configuration: PostgresConfiguration
        var admin: PostgresConnectionPool
        /// Keeps names apart when several test processes share one external server.
        var prefix: String
    }

    struct Database: Sendable {
        var name: String
        var configuration: PostgresConfiguration
    }

    private var starting: Task<Server, any Error>?
    private var templates: [String: Task<String, any Error>] = [:]
    private var databaseCount = 0

    func server() async throws -> Server {
        if let starting { return try await starting.value }
        let task = Task { try await Self.startServer() }
        starting = task
        return try await task.value
    }

    private static func startServer() async throws -> Server {
        let prefix = "mt\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let configuration: PostgresConfiguration
        if let url = ProcessInfo.processInfo.environment["MUTUALIS_TEST_DATABASE_URL"], !url.isEmpty {
            configuration = try PostgresConfiguration(url)
        } else {
            configuration = try await LocalCluster.start().configuration
        }
        return Server(
            configuration: configuration,
            admin: PostgresConnectionPool(configuration: configuration, size: 2),
            prefix: prefix
        )
    }

    func createDatabase(template: TestDatabaseTemplate?) async throws -> Database {
        let server = try await server()
        let templateName: String? = if let template { try await templateDatabase(template) } else { nil }
        databaseCount += 1
        let name = "\(server.prefix)_\(databaseCount)"
        try await server.admin.withConnection { connection in
            if let templateName {
                try connection.execute("CREATE DATABASE \(identifier: name) TEMPLATE \(identifier: templateName)")
            } else {
                try connection.execute("CREATE DATABASE \(identifier: name)")
            }
        }
        return Database(name: name, configuration: server.configuration.database(name))
    }

    func dropDatabase(_ name: String) async throws {
        try await server().admin.withConnection { connection in
            try connection.execute("DROP DATABASE IF EXISTS \(identifier: name) WITH (FORCE)")
        }
    }

    private func templateDatabase(_ template: TestDatabaseTemplate) async throws -> String {
        if let task = templates[template.name] { return try await task.value }
        let task = Task { try await Self.makeTemplate(template, on: try await self.server()) }
        templates[template.name] = task
        return try await task.value
    }

    private static func makeTemplate(_ template: TestDatabaseTemplate, on server: Server) async throws -> String {
        let name = "\(server.prefix)_template_\(template.name)"
        try await server.admin.withConnection { connection in
            try connection.execute("CREATE DATABASE \(identifier: name)")
        }
        registerForCleanup(databaseNamed: name, on: server.configuration)
        let pool = PostgresConnectionPool(configuration: server.configuration.database(name), size: 1)
        do {
            try await pool.withConnection { try template.prepare($0) }
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
        return name
    }

    /// Templates live as long as the process: on an external server, drop them at exit.
    private static func registerForCleanup(databaseNamed name: String, on configuration: PostgresConfiguration) {
        guard ProcessInfo.processInfo.environment["MUTUALIS_TEST_DATABASE_URL"]?.isEmpty == false else { return }
        externalTemplates.withLock { $0.append((configuration, name)) }
        ExitCleanup.install()
    }
}
