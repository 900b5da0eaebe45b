/// Whether `condition` comes to hold within five seconds, asked every 20 ms: for what another
/// connection or thread does in its own time, such as delivering a notification.
public func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
    for _ in 0..<250 {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
