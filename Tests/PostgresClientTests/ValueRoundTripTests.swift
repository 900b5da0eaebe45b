import Foundation
import PostgresClient
import PostgresTestSupport
import Testing

@Suite("Values round-trip through PostgreSQL")
struct ValueRoundTripTests {
    private func roundTrip<Value: PostgresEncodable & PostgresDecodable & Sendable>(
        _ value: Value, as sqlType: String
    ) async throws -> Value {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.query("SELECT \(value)::\(unsafeRaw: sqlType) AS v").first!.decode(Value.self, at: 0)
            }
        }
    }

    @Test("integers, at their limits")
    func integers() async throws {
        #expect(try await roundTrip(Int.max, as: "bigint") == Int.max)
        #expect(try await roundTrip(Int.min, as: "bigint") == Int.min)
        #expect(try await roundTrip(Int64(-42), as: "bigint") == -42)
        #expect(try await roundTrip(Int32.max, as: "integer") == Int32.max)
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                let row = try connection.query("SELECT 9223372036854775808::numeric, -9223372036854775809::numeric, 12.5::numeric, -0")
                    .first!
                #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 0) }
                #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 1) }
                #expect(throws: PostgresError.self) { try row.decode(Int.self, at: 2) }
                #expect(try row.decode(Int.self, at: 3) == 0)
            }
        }
    }

    @Test("doubles, including special values")
    func doubles() async throws {
        #expect(try await roundTrip(0.1, as: "float8") == 0.1)
        #expect(try await roundTrip(-1.5e-300, as: "float8") == -1.5e-300)
        #expect(try await roundTrip(Double.infinity, as: "float8") == .infinity)
        #expect(try await roundTrip(Double.nan, as: "float8").isNaN)
    }

    @Test("booleans")
    func booleans() async throws {
        #expect(try await roundTrip(true, as: "boolean") == true)
        #expect(try await roundTrip(false, as: "boolean") == false)
    }

    @Test("text, non-ASCII and empty")
    func text() async throws {
        for value in ["", "Pôle Sud — Romans-sur-Isère", "日本語 🚐", "tab\tnew\nline", "back\\slash 'quote' \"dq\""] {
            #expect(try await roundTrip(value, as: "text") == value)
        }
    }

    @Test("UUIDs")
    func uuids() async throws {
        let id = UUID()
        #expect(try await roundTrip(id, as: "uuid") == id)
    }

    @Test("timestamptz keeps microseconds and reads any offset")
    func timestamps() async throws {
        let instant = Date(timeIntervalSince1970: 1_774_747_800.123456)
        let back = try await roundTrip(instant, as: "timestamptz")
        #expect(abs(back.timeIntervalSince1970 - instant.timeIntervalSince1970) < 0.000_001)
        let early = Date(timeIntervalSince1970: -86_400 * 365.25 * 100)
        #expect(abs(try await roundTrip(early, as: "timestamptz").timeIntervalSince(early)) < 0.000_001)

        let read = try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.query(
                    "SELECT '2026-03-29 03:30:00+02'::timestamptz AT TIME ZONE 'Asia/Kolkata' || '+05:30'"
                ).first!.decode(String.self, at: 0)
            }
        }
        let parsed = try Date(postgresText: read, type: .timestamptz)
        #expect(parsed == Date(timeIntervalSince1970: 1_774_747_800))
    }

    @Test("dates")
    func dates() async throws {
        let date = try #require(PostgresCalendarDate(year: 2024, month: 2, day: 29))
        #expect(try await roundTrip(date, as: "date") == date)
        #expect(PostgresCalendarDate(year: 2026, month: 2, day: 29) == nil)
    }

    @Test("bytea")
    func bytes() async throws {
        let bytes = Data([0, 1, 0x7f, 0x80, 0xff])
        #expect(try await roundTrip(bytes, as: "bytea") == bytes)
    }

    @Test("arrays, with elements that look like array syntax")
    func arrays() async throws {
        let strings = ["a,b", "{c}", "NULL", "quote\"d", "back\\slash", "", "é"]
        #expect(try await roundTrip(strings, as: "text[]") == strings)
        #expect(try await roundTrip([3, -1, 0], as: "bigint[]") == [3, -1, 0])
        #expect(try await roundTrip([Int](), as: "bigint[]") == [])
    }

    @Test("arrays of numbers travel in binary and read back exactly, empty ones too")
    func binaryArrays() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                let integers = [0, -1, 1, Int.max, Int.min, 1_234_567_890_123]
                let doubles = [0.0, -0.0, 1.5, -2.25e-300, 0.1, 1.0 / 3.0, .greatestFiniteMagnitude, .infinity, -.infinity]
                let small: [Int32] = [0, -1, .max, .min]
                let query: PostgresQuery =
                    "SELECT \(integers), \(doubles), cardinality(\([Int]())), \(doubles)[8] = 'Infinity'::float8, \(small)"
                #expect(query.bindings.allSatisfy { $0.binary != nil && $0.text == nil })
                let row = try connection.query(query).first!
                #expect(try row.decode([Int].self, at: 0) == integers)
                let read = try row.decode([Double].self, at: 1)
                #expect(read.map(\.bitPattern) == doubles.map(\.bitPattern))
                #expect(try row.decode(Int.self, at: 2) == 0)
                #expect(try row.decode(Bool.self, at: 3))
                #expect(try row.decode([Int32].self, at: 4) == small)
                let sum = try connection.query("SELECT sum(x)::bigint FROM unnest(\([1, 2, 3, 4])) AS x").first!.decode(Int.self, at: 0)
                #expect(sum == 10)
            }
        }
    }

    @Test("NULL reads as nil into an optional, and as an error into a non-optional")
    func nulls() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                let none: String? = nil
                let row = try connection.query("SELECT \(none)::text AS missing, NULL::int AS n").first!
                #expect(try row.decode(String?.self, column: "missing") == nil)
                #expect(try row.decode(Int?.self, at: 1) == nil)
                #expect {
                    try row.decode(String.self, column: "missing")
                } throws: { error in
                    (error as? PostgresError)?.kind == .decoding
                }
            }
        }
    }

    @Test("several columns decode as one tuple")
    func tuples() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                let (number, word, flag) = try connection.query("SELECT 7, 'seven', true").first!
                    .decode((Int, String, Bool).self)
                #expect(number == 7 && word == "seven" && flag)
            }
        }
    }
}
