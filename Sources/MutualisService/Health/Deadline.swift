import Synchronization

/// The value of `operation`, or nil when it has not finished within `limit`; a late operation
/// is cancelled and left to end on its own, so that the caller answers in time whatever it waits on.
func withinDeadline<Value: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async throws -> Value
) async throws -> Value? {
    let work = Task { try await operation() }
    let once = Once()
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value?, any Error>) in
        let timer = Task {
            try? await Task.sleep(for: limit)
            guard once.claim() else { return }
            work.cancel()
            continuation.resume(returning: nil)
        }
        Task {
            let result = await work.result
            guard once.claim() else { return }
            timer.cancel()
            continuation.resume(with: result.map { $0 })
        }
    }
}

/// Lets exactly one of several racers through.
private final class Once: Sendable {
    private let claimed = Mutex(false)

    /// True for the first caller only.
    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
