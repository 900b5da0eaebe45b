import CLibPQ
import Glibc

extension PostgresConnection {
    /// Waits up to `timeout` seconds for notifications from `LISTEN`, and returns their
    /// payloads, oldest first; none when the time ran out.
    ///
    /// Throws when the connection is lost: notifications sent meanwhile are lost with it.
    public func waitForNotifications(timeout: Double) throws -> [String] {
        var payloads = takeNotifications()
        guard payloads.isEmpty else { return payloads }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32((timeout * 1_000).rounded()))
        guard ready != 0 else { return [] }
        guard ready > 0 || errno == EINTR else { throw connectionError() }
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else { throw connectionError() }
        payloads = takeNotifications()
        return payloads
    }

    private func takeNotifications() -> [String] {
        var payloads: [String] = []
        while let notification = PQnotifies(handle) {
            payloads.append(String(cString: notification.pointee.extra))
            PQfreemem(notification)
        }
        return payloads
    }
}
