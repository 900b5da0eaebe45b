import Foundation
import Logging
import Synchronization

/// Hears the notifications of one `LISTEN` channel, on a connection and a thread of its own.
///
/// When the connection is lost it says so, then listens again on a new one; notifications
/// sent meanwhile are lost, which is why ``Event/lost`` exists.
public final class PostgresListener: Sendable {
    /// What the listener has to tell.
    public enum Event: Sendable, Equatable {
        /// Listening: every notification from now on will be heard.
        case listening
        /// A notification, with its payload.
        case notification(String)
        /// The connection is lost; notifications may be missed until ``listening`` again.
        case lost
    }

    private let configuration: PostgresConfiguration
    private let channel: String
    private let logger: Logger
    private let onEvent: @Sendable (Event) -> Void
    private let state = Mutex(State())

    private struct State {
        var started = false
        var stopping = false
        var stopped: DispatchSemaphore?
    }

    /// A listener on `channel`; nothing happens before ``start()``.
    public init(
        configuration: PostgresConfiguration, channel: String, logger: Logger = Logger(label: "mutualis.postgres"),
        onEvent: @escaping @Sendable (Event) -> Void
    ) {
        self.configuration = configuration
        self.channel = channel
        self.logger = logger
        self.onEvent = onEvent
    }

    /// Starts listening on its own thread.
    public func start() {
        let stopped = DispatchSemaphore(value: 0)
        let starting = state.withLock { state -> Bool in
            guard !state.started else { return false }
            state.started = true
            state.stopped = stopped
            return true
        }
        guard starting else { return }
        Thread { [self] in
            listen()
            stopped.signal()
        }.start()
    }

    /// Stops listening and waits for the thread to finish and close its connection (about
    /// half a second at most). The wait blocks a dispatch thread, never the caller's.
    public func stop() async {
        let stopped = state.withLock { state -> DispatchSemaphore? in
            state.stopping = true
            return state.stopped
        }
        guard let stopped else { return }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                stopped.wait()
                stopped.signal()
                continuation.resume()
            }
        }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func listen() {
        var connected = false
        var failing = false
        while !isStopping {
            do {
                let connection = try PostgresConnection(configuration: configuration)
                try connection.execute("LISTEN \(identifier: channel)")
                connected = true
                failing = false
                onEvent(.listening)
                while !isStopping {
                    for payload in try connection.waitForNotifications(timeout: 0.5) {
                        onEvent(.notification(payload))
                    }
                }
            } catch {
                if connected {
                    logger.warning("lost the PostgreSQL connection that listens for \(channel)", metadata: ["error": "\(error)"])
                    onEvent(.lost)
                    connected = false
                } else if !failing {
                    logger.warning("cannot listen for \(channel) yet; trying again every second", metadata: ["error": "\(error)"])
                }
                failing = true
                // Waits a second before connecting again, watching for a stop meanwhile.
                for _ in 0..<10 where !isStopping { Thread.sleep(forTimeInterval: 0.1) }
            }
        }
        if connected { onEvent(.lost) }
    }
}
