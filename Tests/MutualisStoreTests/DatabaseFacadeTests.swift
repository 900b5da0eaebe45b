import Foundation
import MutualisDomain
import MutualisTestSupport
import PostgresClient
import PostgresTestSupport
import Testing

@testable import MutualisStore

/// What reaches those above the store when the database fails: store errors, never the
/// client's own.
@Suite("Database façade")
struct DatabaseFacadeTests {
    @Test("an unreachable database is unavailable, and not ready")
    func unreachable() async throws {
        let database = MutualisDatabase(
            address: try DatabaseAddress("host=127.0.0.1 port=1 dbname=nothing connect_timeout=2"), connections: 1)
        #expect(await database.isReady() == false)
        await #expect {
            _ = try await PoleStore(database: database).list()
        } throws: {
            guard case .unavailable = $0 as? StoreError else { return false }
            return true
        }
        await database.close()
    }

    @Test("a statement past its timeout is timed out; a full queue is busy; anything else is the database's, with its code")
    func translations() async throws {
        try await TestDatabase.with(template: .migrated) { configuration in
            let database = MutualisDatabase(
                address: DatabaseAddress(configuration: configuration), connections: 1,
                limits: DatabaseLimits(maxWaiting: 1, statementTimeout: .seconds(1))
            )
            let started = ContinuousClock.now
            await #expect(throws: StoreError.timedOut("canceling statement due to statement timeout")) {
                try await database.withConnection { _ = try $0.query("SELECT pg_sleep(5)") }
            }
            #expect(ContinuousClock.now - started < .seconds(3))
            await #expect {
                try await database.withConnection { _ = try $0.query("SELECT 1 / 0") }
            } throws: {
                guard case .database(let code, _) = $0 as? StoreError else { return false }
                return code == "22012"
            }
            // One connection held, one caller waiting: the queue of one is full.
            let slow = Task { try await database.withConnection { _ = try $0.query("SELECT pg_sleep(0.5)") } }
            #expect(try await eventually { database.statistics.inUse == 1 })
            let queued = Task { try await database.withConnection { _ = try $0.query("SELECT 1") } }
            #expect(try await eventually { database.statistics.waiting == 1 || database.statistics.inUse == 0 })
            try #require(database.statistics.waiting == 1, "the slow statement ended before the second caller queued")
            await #expect {
                try await database.withConnection { _ = try $0.query("SELECT 1") }
            } throws: {
                guard case .busy = $0 as? StoreError else { return false }
                return true
            }
            try await slow.value
            try await queued.value
            #expect(await database.isReady())
            await database.close()
        }
    }

    @Test("an address libpq cannot read is refused with libpq's reason, and shown without its password")
    func addresses() throws {
        #expect(throws: DatabaseAddressError.self) { try DatabaseAddress("postgresql://[::1") }
        let address = try DatabaseAddress("postgresql://mutualis:secret@db.example/mutualis")
        #expect(!address.description.contains("secret"))
    }
}
