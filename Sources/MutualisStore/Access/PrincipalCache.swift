import Foundation
import PostgresClient
import Synchronization

/// The callers of recently seen tokens, so that a request need not ask the database who it
/// comes from.
///
/// The cache holds entries only while it is told of every change to tokens and users: the
/// server listens for the database's notifications of them (``changed()``), and while it
/// cannot hear them (``suspend()``) nothing is remembered. An answer read from the database
/// is remembered only if no change came while it was being read, so a revocation is never
/// undone by a request that read the token just before it.
public final class PrincipalCache: Sendable {
    /// The state of the cache when a lookup began, to be handed back to
    /// ``remember(_:for:scope:since:now:)``.
    public struct Generation: Sendable, Equatable {
        fileprivate let value: UInt64
    }

    private struct Key: Hashable {
        var hash: Data
        var scope: TokenStore.Scope
    }

    private struct Entry {
        var principal: Principal
        var expires: ContinuousClock.Instant
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var generation: UInt64 = 0
        var active = false
    }

    private let lifetime: Duration
    private let capacity: Int
    private let state = Mutex(State())

    /// A cache whose entries live `lifetime` at most; inactive until ``resume()``.
    public init(lifetime: Duration, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The caller remembered for a token's hash and scope, if any.
    public func principal(for hash: Data, scope: TokenStore.Scope, now: ContinuousClock.Instant = .now) -> Principal? {
        let key = Key(hash: hash, scope: scope)
        return state.withLock { state in
            guard state.active, let entry = state.entries[key] else { return nil }
            guard entry.expires > now else {
                state.entries[key] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// Where the cache stands before a lookup in the database.
    public var generation: Generation {
        state.withLock { Generation(value: $0.generation) }
    }

    /// Remembers a caller read from the database, unless tokens or users changed since
    /// `generation` was taken.
    public func remember(
        _ principal: Principal, for hash: Data, scope: TokenStore.Scope, since generation: Generation,
        now: ContinuousClock.Instant = .now
    ) {
        state.withLock { state in
            guard state.active, state.generation == generation.value else { return }
            if state.entries.count >= capacity { state.entries.removeAll() }
            state.entries[Key(hash: hash, scope: scope)] = Entry(principal: principal, expires: now + lifetime)
        }
    }

    /// Follows what a listener on ``TokenStore/changesChannel`` hears.
    func follow(_ event: PostgresListener.Event) {
        switch event {
        case .listening: resume()
        case .notification: changed()
        case .lost: suspend()
        }
    }

    /// Tokens or users changed: everything remembered is forgotten.
    public func changed() {
        forget(active: nil)
    }

    /// Changes can be missed from now on: forgets everything and remembers nothing more.
    public func suspend() {
        forget(active: false)
    }

    /// Changes are heard again: the cache may remember callers.
    public func resume() {
        forget(active: true)
    }

    /// Forgets every entry and every lookup under way; `active`, when given, is the new state.
    private func forget(active: Bool?) {
        state.withLock { state in
            state.entries.removeAll()
            state.generation &+= 1
            if let active { state.active = active }
        }
    }
}
