import CLibPQ

/// Asks the server to stop what a connection is running, from any thread.
///
/// It holds libpq's `PGcancel`, which needs nothing of the connection once made: the
/// connection may be closed meanwhile. Sending is blocking network work: call it from a
/// thread of its own, never from the cooperative pool.
final class PostgresCancelHandle: @unchecked Sendable {
    private let handle: OpaquePointer

    init?(_ connection: OpaquePointer) {
        guard let handle = PQgetCancel(connection) else { return nil }
        self.handle = handle
    }

    deinit {
        PQfreeCancel(handle)
    }

    /// Sends the cancel request; true when the server received it.
    @discardableResult
    func cancel() -> Bool {
        var message = [CChar](repeating: 0, count: 256)
        return PQcancel(handle, &message, Int32(message.count)) == 1
    }
}
