import Foundation
import PostgresClient
import PostgresTestSupport
import Synchronization
import Testing

@Suite("Connection pool")
struct ConnectionPoolTests {
    @Test("200 concurrent queries through 4 connections all get their own answer")
    func concurrentQueries() async throws {
        try await TestDatabase.withPool(size: 4) { pool in
            let answers = try await withThrowingTaskGroup(of: (Int, Int, Int).self) { group in
                for n in 0..<200 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            let (doubled, pid) = try connection.query(
                                "SELECT \(n) * 2, pg_backend_pid() FROM pg_sleep(0.001)"
                            ).first!.decode((Int, Int).self)
                            return (n, doubled, pid)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.count == 200)
            #expect(answers.allSatisfy { $0.1 == $0.0 * 2 })
            #expect(Set(answers.map(\.0)) == Set(0..<200))
            #expect(Set(answers.map(\.2)).count <= 4)
        }
    }

    @Test("work runs on the pool's own threads, never on the caller's")
    func runsOnDedicatedThreads() async throws {
        try await TestDatabase.withPool(size: 2) { pool in
            let onWorker = try await pool.withConnection { _ in PostgresConnectionPool.isWorkerThread }
            #expect(onWorker)
            let here = await Task.detached { PostgresConnectionPool.isWorkerThread }.value
            #expect(!here)
        }
    }

    @Test("a connection is never used by two callers at once")
    func exclusiveUse() async throws {
        try await TestDatabase.withPool(size: 3) { pool in
            let tracker = UseTracker()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        try await pool.withConnection { connection in
                            let pid = connection.backendProcessID
                            let fresh = tracker.inUse.withLock { $0.insert(pid).inserted }
                            if !fresh { tracker.clashes.withLock { $0 += 1 } }
                            try connection.query("SELECT pg_sleep(0.002)")
                            tracker.inUse.withLock { _ = $0.remove(pid) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(tracker.clashes.withLock { $0 } == 0)
        }
    }

    @Test(
        "after pg_terminate_backend on a pooled connection, the next query succeeds",
        arguments: [true, false]
    )
    func survivesTerminatedBackend(waitForTermination: Bool) async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let firstPID = try await pool.withConnection { $0.backendProcessID }
            try await terminate(pid: firstPID, waiting: waitForTermination)
            let answer = try await pool.withConnection { connection in
                (try connection.query("SELECT 41 + 1").first!.decode(Int.self, at: 0), connection.backendProcessID)
            }
            #expect(answer.0 == 42)
            #expect(answer.1 != firstPID)
        }
    }

    @Test("every connection of a pool terminated at once, as on a server restart: the pool recovers")
    func survivesAllBackendsTerminated() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 4)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await pool.withConnection { try $0.query("SELECT pg_sleep(0.01)") } }
                }
                try await group.waitForAll()
            }
            let admin = try PostgresConnection(configuration: configuration)
            let killed = try admin.query(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            ).first!.decode(Int.self, at: 0)
            #expect(killed >= 1)
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<20 {
                    group.addTask { try await pool.withConnection { try $0.query("SELECT \(n)").first!.decode(Int.self, at: 0) } }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(results.sorted() == Array(0..<20))
            await pool.close()
        }
    }

    @Test("prepared statements are prepared again on a replacement connection")
    func preparesAgainAfterReconnect() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let query: @Sendable (PostgresConnection) throws -> Int = {
                try $0.query("SELECT \(5) + 1").first!.decode(Int.self, at: 0)
            }
            #expect(try await pool.withConnection(query) == 6)
            let pid = try await pool.withConnection { $0.backendProcessID }
            try await terminate(pid: pid, waiting: true)
            #expect(try await pool.withConnection(query) == 6)
        }
    }

    @Test("statistics show connections in use and callers waiting")
    func statistics() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 1)
            let lock = try await AdvisoryLock.taken(on: configuration)
            #expect(pool.statistics == PostgresPoolStatistics(size: 1, inUse: 0, waiting: 0))
            async let blocked: Void = pool.withConnection { try lock.wait(on: $0) }
            try await eventually { pool.statistics.inUse == 1 }
            async let queued = pool.withConnection { _ in 1 }
            try await eventually { pool.statistics.waiting == 1 }
            #expect(pool.statistics == PostgresPoolStatistics(size: 1, inUse: 1, waiting: 1))
            try await lock.release()
            _ = try await (blocked, queued)
            try await eventually { pool.statistics.inUse == 0 }
            #expect(pool.statistics == PostgresPoolStatistics(size: 1, inUse: 0, waiting: 0))
            await pool.close()
        }
    }

    @Test("a cancelled caller's queued work never runs")
    func cancellationWhileQueued() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 1)
            try await pool.withConnection { try $0.execute("CREATE TABLE t (n int)") }
            let lock = try await AdvisoryLock.taken(on: configuration)
            async let blocked: Void = pool.withConnection { try lock.wait(on: $0) }
            try await eventually { pool.statistics.inUse == 1 }
            let queued = Task { try await pool.withConnection { try $0.execute("INSERT INTO t VALUES (1)") } }
            try await eventually { pool.statistics.waiting == 1 }
            queued.cancel()
            await #expect(throws: CancellationError.self) { try await queued.value }
            try await lock.release()
            try await blocked
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM t").first!.decode(Int.self, at: 0) }
            #expect(count == 0)
            await pool.close()
        }
    }

    @Test("a closed pool refuses new work")
    func closedPoolRefuses() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 2)
            let answer = try await pool.withConnection { _ in 1 }
            #expect(answer == 1)
            await pool.close()
            await #expect {
                try await pool.withConnection { _ in 1 }
            } throws: { error in
                (error as? PostgresError)?.kind == .poolClosed
            }
        }
    }

    @Test("an unreachable server gives a connection error, not a hang")
    func unreachableServer() async throws {
        let pool = PostgresConnectionPool(
            configuration: PostgresConfiguration(keywords: ["host": "/nonexistent-socket-dir", "dbname": "none"]),
            size: 1
        )
        await #expect {
            try await pool.withConnection { _ in 1 }
        } throws: { error in
            (error as? PostgresError)?.kind == .connection
        }
        await pool.close()
    }

    /// Terminates a backend from a second connection, waiting until it is gone or not.
    private func terminate(pid: Int, waiting: Bool) async throws {
        let configuration = try await TestDatabase.serverConfiguration()
        let admin = PostgresConnectionPool(configuration: configuration, size: 1)
        let timeout = waiting ? 5000 : 0
        let terminated = try await admin.withConnection {
            try $0.query("SELECT pg_terminate_backend(\(Int32(pid)), \(timeout))").first!.decode(Bool.self, at: 0)
        }
        await admin.close()
        #expect(terminated)
    }
}

/// A session advisory lock held by a connection of its own, so that a pooled connection can be
/// made to wait for as long as a test needs, however loaded the machine is.
struct AdvisoryLock: Sendable {
    static let key = 4_242
    let holder: PostgresConnectionPool

    static func taken(on configuration: PostgresConfiguration) async throws -> AdvisoryLock {
        let holder = PostgresConnectionPool(configuration: configuration, size: 1)
        try await holder.withConnection { _ = try $0.query("SELECT pg_advisory_lock(\(key))") }
        return AdvisoryLock(holder: holder)
    }

    /// Blocks a connection until the lock is released.
    func wait(on connection: PostgresConnection) throws {
        _ = try connection.query("SELECT pg_advisory_lock(\(Self.key))")
        _ = try connection.query("SELECT pg_advisory_unlock(\(Self.key))")
    }

    func release() async throws {
        try await holder.withConnection { _ = try $0.query("SELECT pg_advisory_unlock(\(Self.key))") }
        await holder.close()
    }
}

/// Waits until a condition holds, failing after ten seconds.
private func eventually(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("the condition did not hold within 10 s", sourceLocation: sourceLocation)
            return
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// Which backends are lent out right now, and how often one was lent twice.
private final class UseTracker: Sendable {
    let inUse = Mutex<Set<Int>>([])
    let clashes = Mutex(0)
}

@Suite("Connection pool across a server restart")
struct ServerRestartTests {
    @Test("after PostgreSQL restarts, the pool's next queries succeed on new connections")
    func survivesRestart() async throws {
        try await TestDatabase.withRestartableServer { configuration, restart in
            let pool = PostgresConnectionPool(configuration: configuration, size: 3)
            let before = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        try await pool.withConnection { try $0.query("SELECT \(n), pg_sleep(0.02)").first!.decode(Int.self, at: 0) }
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(before.sorted() == Array(0..<6))
            try await restart()
            let after = try await withThrowingTaskGroup(of: Int.self) { group in
                for n in 0..<6 {
                    group.addTask { try await pool.withConnection { try $0.query("SELECT \(n)").first!.decode(Int.self, at: 0) } }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(after.sorted() == Array(0..<6))
            await pool.close()
        }
    }
}
