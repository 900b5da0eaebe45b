import Dispatch
import Foundation
import Logging
import Synchronization

/// Connections to one database, lent to async callers for blocking work on threads of their own.
///
/// Each connection belongs to one dedicated thread for its whole life: a closure given to
/// ``withConnection(_:)`` runs on that thread, so libpq's blocking calls never occupy Swift's
/// cooperative pool or an event loop, and no connection is ever used by two threads at once.
/// Connections open lazily; one found broken (server restarted, backend terminated) is
/// replaced before it is lent again.
///
/// Its ``PostgresPoolLimits`` bound the wait for a connection and the queue of callers, and
/// a caller whose task is cancelled has its statement cancelled on the server.
public final class PostgresConnectionPool: Sendable {
    private let workers: [ConnectionWorker]
    private let state: Mutex<PoolState>
    private let jobsReady = DispatchSemaphore(value: 0)
    private let logger: Logger
    /// The database the pool connects to.
    public let configuration: PostgresConfiguration
    /// How long callers wait and statements run.
    public let limits: PostgresPoolLimits

    /// Starts `size` worker threads; connections open on first use.
    public init(
        configuration: PostgresConfiguration, size: Int = 4, limits: PostgresPoolLimits = PostgresPoolLimits(),
        logger: Logger = Logger(label: "mutualis.postgres")
    ) {
        precondition(size > 0, "a pool needs at least one connection")
        self.logger = logger
        self.configuration = configuration
        self.limits = limits
        state = Mutex(PoolState(runningWorkers: size))
        workers = (0..<size).map {
            ConnectionWorker(number: $0 + 1, configuration: configuration, statementTimeout: limits.statementTimeout, logger: logger)
        }
        for worker in workers {
            Thread { [self] in
                Thread.current.threadDictionary[Self.workerKey] = worker.number
                worker.serve(self)
            }.start()
        }
    }

    /// How many connections the pool may hold.
    public var size: Int { workers.count }

    private static let workerKey = "mutualis.postgres.worker"

    /// True on a pool's worker thread: where blocking database calls belong, and nowhere else.
    public static var isWorkerThread: Bool {
        Thread.current.threadDictionary[workerKey] != nil
    }

    /// Runs `body` with a connection, on that connection's thread.
    ///
    /// If the connection turns out to have been lost before `body` could do anything (its
    /// backend was terminated while idle), the work runs once more on a fresh connection.
    /// Throws a ``PostgresError`` of kind `poolExhausted` when too many callers wait already,
    /// or none became free within the limits' `maxWait`. If the calling task is cancelled,
    /// queued work never starts and running work has its statement cancelled.
    @discardableResult
    public func withConnection<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) throws -> Value
    ) async throws -> Value {
        let id = state.withLock { state -> Int in
            state.nextJobID += 1
            return state.nextJobID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                let job = PoolJob(id: id) { worker in
                    guard let worker else {
                        return { continuation.resume(throwing: CancellationError()) }
                    }
                    let result = Result(catching: { try worker.perform(job: id, body) })
                    return { continuation.resume(with: result) }
                } refuse: { error in
                    continuation.resume(throwing: error)
                }
                let outcome = state.withLock { state -> PoolState.Enqueued in
                    if state.isClosed { return .closed }
                    if state.cancelledBeforeQueued.remove(id) != nil { return .cancelled }
                    if let maxWaiting = limits.maxWaiting, state.queue.count >= maxWaiting { return .full }
                    var job = job
                    job.queuedAt = .now
                    state.queue.append(job)
                    guard limits.maxWait != nil, !state.watchingQueue else { return .queued }
                    state.watchingQueue = true
                    return .queuedFirst
                }
                switch outcome {
                case .queued:
                    jobsReady.signal()
                case .queuedFirst:
                    jobsReady.signal()
                    if let maxWait = limits.maxWait { watchQueue(after: maxWait, maxWait: maxWait) }
                case .closed: job.refuse(PostgresError(kind: .poolClosed, message: "the connection pool is closed"))
                case .full:
                    job.refuse(PostgresError(kind: .poolExhausted, message: "too many callers are waiting for a database connection"))
                case .cancelled: job.run(nil)()
                }
            }
        } onCancel: {
            let (job, worker) = state.withLock { state -> (PoolJob?, ConnectionWorker?) in
                guard let index = state.queue.firstIndex(where: { $0.id == id }) else {
                    if let worker = state.runningJobs[id] { return (nil, worker) }
                    state.cancelledBeforeQueued.insert(id)
                    return (nil, nil)
                }
                return (state.queue.remove(at: index), nil)
            }
            job?.run(nil)()
            // Sending a cancel request is blocking network work: not on this thread.
            if let worker { DispatchQueue.global().async { worker.cancel(job: id) } }
        }
    }

    /// Refuses, after `delay`, the jobs queued for `maxWait` or longer, and watches again while
    /// any job waits. One timer for the whole queue, not one per job: the queue is in order of
    /// arrival, so its first job is always the next to give up on.
    private func watchQueue(after delay: Duration, maxWait: Duration) {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = Int(min(max(seconds, 0), 86_400) * 1_000_000_000 + max(attoseconds, 0) / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { [self] in
            let now = ContinuousClock.now
            let (expired, next) = state.withLock { state -> ([PoolJob], Duration?) in
                let expired = Array(state.queue.prefix { now - $0.queuedAt >= maxWait })
                state.queue.removeFirst(expired.count)
                guard let oldest = state.queue.first else {
                    state.watchingQueue = false
                    return (expired, nil)
                }
                return (expired, maxWait - (now - oldest.queuedAt))
            }
            for job in expired {
                job.refuse(PostgresError(kind: .poolExhausted, message: "no database connection became free in time"))
            }
            if let next { watchQueue(after: next, maxWait: maxWait) }
        }
    }

    /// Runs `body` in a transaction on one connection; see ``PostgresConnection/withTransaction(isolation:_:)``.
    @discardableResult
    public func withTransaction<Value: Sendable>(
        isolation: PostgresIsolationLevel = .readCommitted,
        _ body: @escaping @Sendable (PostgresConnection) throws -> Value
    ) async throws -> Value {
        try await withConnection { connection in
            try connection.withTransaction(isolation: isolation) { try body(connection) }
        }
    }

    /// Runs `body` on one connection in one read-only snapshot; see ``PostgresConnection/withSnapshot(_:)``.
    @discardableResult
    public func withSnapshot<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) throws -> Value
    ) async throws -> Value {
        try await withConnection { connection in
            try connection.withSnapshot { try body(connection) }
        }
    }

    /// Connections busy and callers waiting, now.
    public var statistics: PostgresPoolStatistics {
        state.withLock { state in
            PostgresPoolStatistics(size: workers.count, inUse: state.busyWorkers, waiting: state.queue.count)
        }
    }

    /// Lets queued work finish, then closes every connection and stops the threads.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = state.withLock { state -> Bool in
                state.isClosed = true
                if state.runningWorkers == 0 { return true }
                state.closeWaiters.append(continuation)
                return false
            }
            if alreadyStopped {
                continuation.resume()
            } else {
                for _ in workers { jobsReady.signal() }
            }
        }
    }

    // MARK: Worker side

    /// Blocks a worker thread until there is a job, or returns nil when the pool has closed.
    func nextJob(for worker: ConnectionWorker) -> PoolJob? {
        while true {
            jobsReady.wait()
            let job = state.withLock { state -> PoolJob? in
                guard !state.queue.isEmpty else { return nil }
                let job = state.queue.removeFirst()
                state.runningJobs[job.id] = worker
                state.busyWorkers += 1
                return job
            }
            if let job { return job }
            if state.withLock({ $0.isClosed && $0.queue.isEmpty }) { return nil }
        }
    }

    func finishedJob(_ job: PoolJob) {
        state.withLock { state in
            state.runningJobs[job.id] = nil
            state.busyWorkers -= 1
        }
    }

    func workerStopped() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.runningWorkers -= 1
            guard state.runningWorkers == 0 else { return [] }
            defer { state.closeWaiters = [] }
            return state.closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// Connections busy and callers waiting, at one instant.
public struct PostgresPoolStatistics: Sendable, Equatable {
    /// How many connections the pool may hold.
    public var size: Int
    /// Connections running a caller's work.
    public var inUse: Int
    /// Callers waiting for a connection.
    public var waiting: Int

    /// Statistics with these figures.
    public init(size: Int, inUse: Int, waiting: Int) {
        self.size = size
        self.inUse = inUse
        self.waiting = waiting
    }
}

/// A caller's work, queued for the next free worker.
struct PoolJob: Sendable {
    let id: Int
    /// When the job joined the queue.
    var queuedAt = ContinuousClock.now
    /// Runs the work with a worker, or cancels it when given nil; returns what hands the
    /// outcome to the caller, so that the pool can count the connection free first.
    let run: @Sendable (ConnectionWorker?) -> @Sendable () -> Void
    let refuse: @Sendable (any Error) -> Void

    init(id: Int, run: @escaping @Sendable (ConnectionWorker?) -> @Sendable () -> Void, refuse: @escaping @Sendable (any Error) -> Void) {
        self.id = id
        self.run = run
        self.refuse = refuse
    }
}

struct PoolState: ~Copyable {
    /// What became of a caller's job; `queuedFirst`: queued while no timer watched the queue.
    enum Enqueued { case queued, queuedFirst, closed, full, cancelled }

    var queue: [PoolJob] = []
    var nextJobID = 0
    /// Jobs whose caller was cancelled before the job reached the queue.
    var cancelledBeforeQueued: Set<Int> = []
    /// Jobs a worker is running, with the worker, so that a cancelled caller can reach it.
    var runningJobs: [Int: ConnectionWorker] = [:]
    var busyWorkers = 0
    var runningWorkers: Int
    var isClosed = false
    /// Whether a timer will look for jobs waiting too long.
    var watchingQueue = false
    var closeWaiters: [CheckedContinuation<Void, Never>] = []

    init(runningWorkers: Int) {
        self.runningWorkers = runningWorkers
    }
}
