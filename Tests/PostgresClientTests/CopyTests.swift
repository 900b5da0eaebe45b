import Foundation
import PostgresClient
import PostgresTestSupport
import Testing

@Suite("Binary COPY into a table")
struct CopyTests {
    private static let table = """
        CREATE TABLE loads (id uuid NOT NULL, positions integer[] NOT NULL, amounts bigint[] NOT NULL,
                            shares float8[] NOT NULL CHECK (cardinality(shares) < 5000))
        """

    @Test("rows of UUIDs and numeric arrays (slices and empty ones too) arrive exactly, in several sends")
    func rowsArriveExactly() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.execute(PostgresQuery(stringLiteral: Self.table))
                let ids = (0..<300).map { _ in UUID() }
                let shares = (0..<2_000).map { Double($0) / 3 }
                let loaded = try connection.copy(into: "loads (id, positions, amounts, shares)") { rows in
                    for (index, id) in ids.enumerated() {
                        let positions = (0..<Int32(index % 4)).map { $0 - 1 }
                        try rows.append(row: id, positions, [Int.min, index, Int.max], shares[index...])
                    }
                    #expect(rows.rows == 300)
                }
                #expect(loaded == 300)
                for (index, id) in ids.enumerated() where index % 37 == 0 {
                    let row = try connection.query("SELECT positions, amounts, shares FROM loads WHERE id = \(id)").first!
                    let (positions, amounts, stored) = try row.decode(([Int], [Int], [Double]).self)
                    #expect(positions == (0..<index % 4).map { $0 - 1 })
                    #expect(amounts == [Int.min, index, Int.max])
                    #expect(stored.map(\.bitPattern) == shares[index...].map(\.bitPattern))
                }
            }
        }
    }

    @Test("a writer that throws loads nothing, gives its own error, and leaves the connection usable")
    func abandonedCopyLoadsNothing() async throws {
        struct Stop: Error {}
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.execute(PostgresQuery(stringLiteral: Self.table))
                #expect(throws: Stop.self) {
                    try connection.copy(into: "loads (id, positions, amounts, shares)") { rows in
                        for _ in 0..<100 { try rows.append(row: UUID(), [Int32(1)], [1], [0.5]) }
                        throw Stop()
                    }
                }
                #expect(try connection.query("SELECT count(*) FROM loads").first!.decode(Int.self, at: 0) == 0)
            }
        }
    }

    @Test("a row the server refuses fails the whole COPY with the server's reason")
    func refusedRowFailsTheCopy() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.execute(PostgresQuery(stringLiteral: Self.table))
                let tooMany = [Double](repeating: 1, count: 6_000)
                let error = try #require(throws: PostgresError.self) {
                    try connection.copy(into: "loads (id, positions, amounts, shares)") { rows in
                        try rows.append(row: UUID(), [Int32(1)], [1], [0.5])
                        // A megabyte of rows after the refused one: the server has ended the
                        // COPY while the writer still sends.
                        for _ in 0..<40 { try rows.append(row: UUID(), [Int32(1)], [1], tooMany) }
                    }
                }
                #expect(error.sqlState == .checkViolation)
                let wrongType = try #require(throws: PostgresError.self) {
                    try connection.copy(into: "loads (id, positions, amounts, shares)") { rows in
                        try rows.append(row: UUID(), [1], [1], [0.5])
                    }
                }
                #expect(wrongType.sqlState == SQLState("42804"))
                #expect(try connection.query("SELECT count(*) FROM loads").first!.decode(Int.self, at: 0) == 0)
            }
        }
    }

    @Test("a COPY into a table that does not exist is refused before any row")
    func unknownTableIsRefused() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                let error = try #require(throws: PostgresError.self) {
                    try connection.copy(into: "nowhere (id)") { rows in try rows.append(row: UUID()) }
                }
                #expect(error.sqlState == SQLState("42P01"))
                #expect(try connection.query("SELECT 1").first!.decode(Int.self, at: 0) == 1)
            }
        }
    }
}
