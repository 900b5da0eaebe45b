import Logging

/// One thread of a pool and the connection it owns; only that thread touches the connection.
final class ConnectionWorker: @unchecked Sendable {
    let number: Int
    private let configuration: PostgresConfiguration
    private let logger: Logger
    private var connection: PostgresConnection?

    init(number: Int, configuration: PostgresConfiguration, logger: Logger) {
        self.number = number
        self.configuration = configuration
        self.logger = logger
    }

    /// The thread's body: runs jobs until the pool closes, then closes the connection.
    func serve(_ pool: PostgresConnectionPool) {
        while let job = pool.nextJob() {
            let deliver = job.run(self)
            pool.finishedJob(job)
            deliver()
        }
        connection = nil
        pool.workerStopped()
    }

    /// Runs a caller's work with this worker's connection, replaying it once on a fresh
    /// connection when the old one proves dead before the work did anything.
    func perform<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
        var replayed = false
        while true {
            let connection = try healthyConnection()
            connection.beginLease()
            do {
                let value = try body(connection)
                settle(connection)
                return value
            } catch let error as PostgresError where error.isSafeToReplay && !replayed {
                logger.info("replacing a lost PostgreSQL connection", metadata: ["worker": "\(number)"])
                self.connection = nil
                replayed = true
            } catch {
                settle(connection)
                throw error
            }
        }
    }

    private func healthyConnection() throws -> PostgresConnection {
        if let connection, connection.isHealthyWhileIdle() { return connection }
        if connection != nil {
            logger.info("replacing a broken PostgreSQL connection", metadata: ["worker": "\(number)"])
        }
        connection = nil
        let fresh = try PostgresConnection(configuration: configuration)
        connection = fresh
        return fresh
    }

    /// Leaves the connection idle for the next caller, or drops it if it cannot be.
    private func settle(_ connection: PostgresConnection) {
        if connection.isClosed {
            self.connection = nil
        } else if !connection.isIdle {
            do {
                try connection.executeScript(unsafeSQL: "ROLLBACK")
            } catch {
                self.connection = nil
            }
        }
    }
}
