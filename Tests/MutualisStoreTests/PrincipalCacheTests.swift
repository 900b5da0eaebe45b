import Foundation
import MutualisDomain
import MutualisStore
import Testing

/// The servers' memory of who recent tokens stand for.
@Suite("Principal cache")
struct PrincipalCacheTests {
    let caller = Principal(userID: UserID(), poleID: PoleID(), role: .coordinator, memberID: nil)
    let hash = Data(repeating: 7, count: 32)
    let start = ContinuousClock.now

    @Test("it remembers nothing until it hears changes, and for its lifetime once it does")
    func lifetime() {
        let cache = PrincipalCache(lifetime: .seconds(60))
        cache.remember(caller, for: hash, scope: .api, since: cache.generation, now: start)
        #expect(cache.principal(for: hash, scope: .api, now: start) == nil)
        cache.resume()
        cache.remember(caller, for: hash, scope: .api, since: cache.generation, now: start)
        #expect(cache.principal(for: hash, scope: .api, now: start + .seconds(59)) == caller)
        #expect(cache.principal(for: hash, scope: .calendar, now: start) == nil)
        #expect(cache.principal(for: hash, scope: .api, now: start + .seconds(60)) == nil)
    }

    @Test("a change forgets everything, and a caller read before it is not remembered after it")
    func changes() {
        let cache = PrincipalCache(lifetime: .seconds(60))
        cache.resume()
        cache.remember(caller, for: hash, scope: .api, since: cache.generation, now: start)
        let lookup = cache.generation
        cache.changed()
        #expect(cache.principal(for: hash, scope: .api, now: start) == nil)
        cache.remember(caller, for: hash, scope: .api, since: lookup, now: start)
        #expect(cache.principal(for: hash, scope: .api, now: start) == nil)
    }

    @Test("while changes may be missed it forgets everything and remembers nothing")
    func suspended() {
        let cache = PrincipalCache(lifetime: .seconds(60))
        cache.resume()
        cache.remember(caller, for: hash, scope: .api, since: cache.generation, now: start)
        cache.suspend()
        #expect(cache.principal(for: hash, scope: .api, now: start) == nil)
        cache.remember(caller, for: hash, scope: .api, since: cache.generation, now: start)
        #expect(cache.principal(for: hash, scope: .api, now: start) == nil)
    }

    @Test("a full cache starts afresh rather than grow")
    func capacity() {
        let cache = PrincipalCache(lifetime: .seconds(60), capacity: 2)
        cache.resume()
        let hashes = (1...3).map { Data(repeating: UInt8($0), count: 32) }
        for hash in hashes { cache.remember(caller, for: hash, scope: .api, since: cache.generation, now: start) }
        #expect(hashes.map { cache.principal(for: $0, scope: .api, now: start) != nil } == [false, false, true])
    }
}
