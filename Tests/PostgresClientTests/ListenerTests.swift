import Foundation
import PostgresClient
import PostgresTestSupport
import Synchronization
import Testing

@Suite("Listening for notifications")
struct ListenerTests {
    /// What a listener reported, for a test to wait on.
    final class Events: Sendable {
        private let events = Mutex<[PostgresListener.Event]>([])

        func append(_ event: PostgresListener.Event) { events.withLock { $0.append(event) } }
        var all: [PostgresListener.Event] { events.withLock { $0 } }

        /// Whether `condition` comes to hold of what was reported, within five seconds.
        func wait(until condition: ([PostgresListener.Event]) -> Bool) async throws -> Bool {
            try await eventually { condition(self.all) }
        }
    }

    @Test("a listener hears its channel's notifications once they commit, and says when it listens and when it stops")
    func hearsNotifications() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let (listener, events) = try await Self.listening(on: pool)
            try await pool.withConnection { _ = try $0.query("SELECT pg_notify('mutualis_test', 'hello')") }
            try await pool.withConnection { _ = try $0.query("SELECT pg_notify('another_channel', 'not for us')") }
            try await pool.withTransaction { _ = try $0.query("SELECT pg_notify('mutualis_test', 'after commit')") }
            _ = try? await pool.withTransaction { connection -> Void in
                _ = try connection.query("SELECT pg_notify('mutualis_test', 'rolled back')")
                throw CancellationError()
            }
            #expect(try await events.wait { $0.contains(.notification("after commit")) })
            await listener.stop()
            #expect(events.all == [.listening, .notification("hello"), .notification("after commit"), .lost])
        }
    }

    @Test("a listener whose connection is terminated says it is lost, listens again, and hears what follows")
    func listensAgain() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let (listener, events) = try await Self.listening(on: pool)
            let terminated = try await pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'
                    """
                ).first!.decode(Int.self, at: 0)
            }
            #expect(terminated == 1)
            #expect(try await events.wait { $0 == [.listening, .lost, .listening] })
            try await pool.withConnection { _ = try $0.query("SELECT pg_notify('mutualis_test', 'again')") }
            #expect(try await events.wait { $0.last == .notification("again") })
            await listener.stop()
        }
    }

    /// A listener on `mutualis_test`, started, once it says it listens.
    private static func listening(on pool: PostgresConnectionPool) async throws -> (PostgresListener, Events) {
        let events = Events()
        let listener = PostgresListener(configuration: pool.configuration, channel: "mutualis_test") { events.append($0) }
        listener.start()
        #expect(try await events.wait { $0.contains(.listening) })
        return (listener, events)
    }
}
