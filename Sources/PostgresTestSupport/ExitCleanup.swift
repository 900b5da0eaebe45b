import Foundation
import PostgresClient
import Synchronization

/// What the test process removes when it exits: its local cluster, or its templates on an
/// external server.
enum ExitCleanup {
    private static let installed = Mutex(false)

    static func install() {
        let first = installed.withLock { installed in
            defer { installed = true }
            return !installed
        }
        if first {
            atexit { ExitCleanup.run() }
        }
    }

    private static func run() {
        for (configuration, name) in externalTemplates.withLock({ $0 }) {
            let connection = try? PostgresConnection(configuration: configuration)
            _ = try? connection?.execute("DROP DATABASE IF EXISTS \(identifier: name) WITH (FORCE)")
        }
        for paths in clusterToStopAtExit.withLock({ $0 }) {
            LocalCluster.stop(paths)
        }
    }
}
