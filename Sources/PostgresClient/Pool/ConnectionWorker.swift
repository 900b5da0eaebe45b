import Logging
import Synchronization

/// One thread of a pool and the connection it owns; only that thread touches the connection.
final class ConnectionWorker: @unchecked Sendable {
    let number: Int
    private let configuration: PostgresConfiguration
    private let statementTimeout: Duration?
    private let logger: Logger
    private var connection: PostgresConnection?
    /// The job running now, as other threads may cancel it.
    private let running = Mutex<RunningJob?>(nil)

    private struct RunningJob {
        var id: Int
        var cancelHandle: PostgresCancelHandle?
        var cancelled = false
    }

    init(number: Int, configuration: PostgresConfiguration, statementTimeout: Duration?, logger: Logger) {
        self.number = number
        self.configuration = configuration
        self.statementTimeout = statementTimeout
        self.logger = logger
    }

    /// The thread's body: runs jobs until the pool closes, then closes the connection.
    func serve(_ pool: PostgresConnectionPool) {
        while let job = pool.nextJob(for: self) {
            let deliver = job.run(self)
            pool.finishedJob(job)
            deliver()
        }
        connection = nil
        pool.workerStopped()
    }

    /// Runs a caller's work with this worker's connection, replaying it once on a fresh
    /// connection when the old one proves dead before the work did anything.
    func perform<Value>(job: Int, _ body: (PostgresConnection) throws -> Value) throws -> Value {
        var replayed = false
        while true {
            let connection = try healthyConnection()
            connection.beginLease()
            running.withLock { $0 = RunningJob(id: job, cancelHandle: connection.cancelHandle) }
            do {
                let value = try body(connection)
                finish(connection)
                return value
            } catch let error as PostgresError where error.isSafeToReplay && !replayed {
                running.withLock { $0 = nil }
                logger.info("replacing a lost PostgreSQL connection", metadata: ["worker": "\(number)"])
                self.connection = nil
                replayed = true
            } catch {
                finish(connection)
                throw error
            }
        }
    }

    /// Asks the server to stop the statement of `job`, if this worker still runs it. Blocks
    /// on the network: call it from a thread of its own.
    func cancel(job: Int) {
        running.withLock { running in
            guard running?.id == job else { return }
            running?.cancelled = true
            running?.cancelHandle?.cancel()
        }
    }

    private func healthyConnection() throws -> PostgresConnection {
        if let connection, connection.isHealthyWhileIdle() { return connection }
        if connection != nil {
            logger.info("replacing a broken PostgreSQL connection", metadata: ["worker": "\(number)"])
        }
        connection = nil
        let fresh = try PostgresConnection(configuration: configuration, statementTimeout: statementTimeout)
        connection = fresh
        return fresh
    }

    /// Ends a job: the connection is left idle for the next caller, or dropped if it cannot
    /// be, or if a cancel request was sent for the job (it might reach the server late and
    /// stop the next caller's statement).
    private func finish(_ connection: PostgresConnection) {
        let cancelled = running.withLock { running in
            defer { running = nil }
            return running?.cancelled ?? false
        }
        if cancelled || connection.isClosed {
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
