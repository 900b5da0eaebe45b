import PostgresClient
import PostgresTestSupport
import Testing

@Suite("Statements against a real server")
struct QueryBehaviourTests {
    @Test("an SQL-injection string is stored and read back verbatim")
    func injectionStringIsData() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.execute("CREATE TABLE notes (body text NOT NULL)")
                let hostile = "x'); DROP TABLE notes; --\\' OR '1'='1"
                try connection.execute("INSERT INTO notes (body) VALUES (\(hostile))")
                let stored = try connection.query("SELECT body FROM notes WHERE body = \(hostile)")
                #expect(stored.count == 1)
                #expect(try stored[0].decode(String.self, at: 0) == hostile)
            }
        }
    }

    @Test("server errors keep SQLSTATE, constraint, message and detail; the description leaks none of it")
    func errorsCarryDiagnostics() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            let error = try await #require(throws: PostgresError.self) {
                try await pool.withConnection { connection in
                    try connection.execute("CREATE TABLE people (email text CONSTRAINT people_email_key UNIQUE)")
                    try connection.execute("INSERT INTO people VALUES ('secret@example.org')")
                    try connection.execute("INSERT INTO people VALUES ('secret@example.org')")
                }
            }
            #expect(error.isUniqueViolation)
            #expect(error.sqlState == .uniqueViolation)
            #expect(error.constraint == "people_email_key")
            #expect(error.detail?.contains("secret@example.org") == true)
            #expect(!error.description.contains("secret"))
            #expect(String(reflecting: error).contains("secret@example.org"))
        }
    }

    @Test("affected rows are counted")
    func affectedRows() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { connection in
                try connection.execute("CREATE TABLE t (n int)")
                #expect(try connection.execute("INSERT INTO t SELECT generate_series(1, 5)") == 5)
                #expect(try connection.execute("DELETE FROM t WHERE n > \(3)") == 2)
            }
        }
    }

    @Test("a text parameter holding NUL is refused rather than cut short")
    func nulIsRefused() async throws {
        _ = try await TestDatabase.withPool(size: 1) { pool in
            await #expect {
                try await pool.withConnection { connection in
                    _ = try connection.query("SELECT \("a\u{0}b")::text")
                }
            } throws: { error in
                (error as? PostgresError)?.kind == .encoding
            }
        }
    }
}
