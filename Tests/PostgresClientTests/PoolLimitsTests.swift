import Foundation
import PostgresClient
import PostgresTestSupport
import Synchronization
import Testing

/// The client under failure and load: bounded waits, cancelled statements, nothing replayed
/// that may have run.
@Suite("Pool limits and cancellation")
struct PoolLimitsTests {
    @Test("a caller whose task is cancelled has its running statement cancelled on the server")
    func cancellationWhileRunning() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let started = ContinuousClock.now
            let sleeper = Task { try await pool.withConnection { _ = try $0.query("SELECT pg_sleep(30)") } }
            #expect(try await eventually { pool.statistics.inUse == 1 })
            try await Task.sleep(for: .milliseconds(100))
            sleeper.cancel()
            await #expect { try await sleeper.value } throws: { ($0 as? PostgresError)?.isCancellation == true }
            #expect(ContinuousClock.now - started < .seconds(10))
            let answer = try await pool.withConnection { try $0.query("SELECT 42").first!.decode(Int.self, at: 0) }
            #expect(answer == 42)
        }
    }

    @Test("a statement past statement_timeout is cancelled, and the work is not replayed")
    func statementTimeoutIsNotReplayed() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(
                configuration: configuration, size: 1, limits: PostgresPoolLimits(statementTimeout: .milliseconds(200)))
            let runs = Atomic(0)
            await #expect {
                try await pool.withConnection { connection in
                    runs.add(1, ordering: .relaxed)
                    _ = try connection.query("SELECT pg_sleep(5)")
                }
            } throws: { ($0 as? PostgresError)?.isCancellation == true }
            #expect(runs.load(ordering: .relaxed) == 1)
            let after = try await pool.withConnection { try $0.query("SELECT 1").first!.decode(Int.self, at: 0) }
            #expect(after == 1)
            await pool.close()
        }
    }

    @Test("the wait for a connection is bounded: past maxWait the caller is refused")
    func boundedWait() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(
                configuration: configuration, size: 1, limits: PostgresPoolLimits(maxWait: .milliseconds(200)))
            let lock = try await AdvisoryLock.taken(on: configuration)
            async let blocked: Void = pool.withConnection { try lock.wait(on: $0) }
            #expect(try await eventually { pool.statistics.inUse == 1 })
            let started = ContinuousClock.now
            await #expect { try await pool.withConnection { _ in 1 } } throws: { ($0 as? PostgresError)?.kind == .poolExhausted }
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(pool.statistics.waiting == 0)
            try await lock.release()
            try await blocked
            await pool.close()
        }
    }

    @Test("each queued caller is refused after its own maxWait, not the first one's")
    func eachCallerWaitsItsOwnTime() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 1, limits: PostgresPoolLimits(maxWait: .seconds(1)))
            let lock = try await AdvisoryLock.taken(on: configuration)
            async let blocked: Void = pool.withConnection { try lock.wait(on: $0) }
            #expect(try await eventually { pool.statistics.inUse == 1 })
            async let first = Self.waitUntilRefused(pool)
            try await Task.sleep(for: .milliseconds(500))
            async let second = Self.waitUntilRefused(pool)
            let firstWaited = await first
            let stillWaiting = pool.statistics.waiting
            let secondWaited = await second
            #expect(firstWaited >= .seconds(1))
            #expect(stillWaiting == 1)
            #expect(secondWaited >= .seconds(1))
            #expect(pool.statistics.waiting == 0)
            try await lock.release()
            try await blocked
            await pool.close()
        }
    }

    /// How long a caller waited for a connection before it was refused.
    private static func waitUntilRefused(_ pool: PostgresConnectionPool) async -> Duration {
        let started = ContinuousClock.now
        await #expect { try await pool.withConnection { _ in 1 } } throws: { ($0 as? PostgresError)?.kind == .poolExhausted }
        return ContinuousClock.now - started
    }

    @Test("the queue is bounded: one caller more than maxWaiting is refused at once")
    func boundedQueue() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 1, limits: PostgresPoolLimits(maxWaiting: 2))
            let lock = try await AdvisoryLock.taken(on: configuration)
            async let blocked: Void = pool.withConnection { try lock.wait(on: $0) }
            #expect(try await eventually { pool.statistics.inUse == 1 })
            async let first = pool.withConnection { _ in 1 }
            async let second = pool.withConnection { _ in 2 }
            #expect(try await eventually { pool.statistics.waiting == 2 })
            await #expect { try await pool.withConnection { _ in 3 } } throws: { ($0 as? PostgresError)?.kind == .poolExhausted }
            try await lock.release()
            try await blocked
            #expect(try await first + second == 3)
            await pool.close()
        }
    }

    @Test("prepared statement names are never given twice, even after the cache is forgotten")
    func preparedNamesNeverReused() async throws {
        try await TestDatabase.with { configuration in
            let connection = try PostgresConnection(configuration: configuration)
            #expect(try connection.query("SELECT \(1) + 1").first!.decode(Int.self, at: 0) == 2)
            #expect(try connection.query("SELECT \(1) + 2").first!.decode(Int.self, at: 0) == 3)
            try connection.executeScript(unsafeSQL: "DEALLOCATE mutualis_1")
            #expect(try connection.query("SELECT \(1) + 1").first!.decode(Int.self, at: 0) == 2)
            #expect(try connection.query("SELECT \(1) + 2").first!.decode(Int.self, at: 0) == 3)
        }
    }

    @Test(
        "a COPY started through query is refused, and the connection stays usable",
        arguments: [
            "COPY copy_target FROM STDIN", "COPY copy_target TO STDOUT", "COPY (SELECT generate_series(1, 100000)) TO STDOUT",
        ])
    func copyOutsideTheCopyAPI(statement: String) async throws {
        try await TestDatabase.with { configuration in
            let connection = try PostgresConnection(configuration: configuration)
            try connection.execute("CREATE TABLE copy_target (n int)")
            try connection.execute("INSERT INTO copy_target VALUES (1), (2)")
            #expect { _ = try connection.query("\(unsafeRaw: statement)") } throws: { ($0 as? PostgresError)?.kind == .misuse }
            #expect(connection.isIdle)
            #expect(try connection.query("SELECT count(*) FROM copy_target").first!.decode(Int.self, at: 0) == 2)
        }
    }
}
