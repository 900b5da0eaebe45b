import PostgresClient
import PostgresTestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Refusal: Error {}

    @Test("a throwing body rolls back and its own error comes out")
    func rollsBackOnThrow() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { try $0.execute("CREATE TABLE t (n int)") }
            await #expect(throws: Refusal.self) {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO t VALUES (1)")
                    throw Refusal()
                }
            }
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM t").first!.decode(Int.self, at: 0) }
            #expect(count == 0)
        }
    }

    @Test("a body that swallowed a failed statement cannot commit")
    func swallowedFailureDoesNotCommit() async throws {
        try await TestDatabase.withPool(size: 1) { pool in
            try await pool.withConnection { try $0.execute("CREATE TABLE t (n int PRIMARY KEY)") }
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { connection in
                    try connection.execute("INSERT INTO t VALUES (1)")
                    _ = try? connection.execute("INSERT INTO t VALUES (1)")
                }
            }
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM t").first!.decode(Int.self, at: 0) }
            #expect(count == 0)
        }
    }

    @Test("when the rollback fails too, both errors are kept apart")
    func rollbackErrorIsKeptApart() async throws {
        try await TestDatabase.with { configuration in
            let pool = PostgresConnectionPool(configuration: configuration, size: 1)
            let error = try await #require(throws: PostgresTransactionError.self) {
                try await pool.withTransaction { connection in
                    let killer = try PostgresConnection(configuration: configuration)
                    try killer.execute("SELECT pg_terminate_backend(\(Int32(connection.backendProcessID)), 5000)")
                    throw Refusal()
                }
            }
            await pool.close()
            #expect(error.cause is Refusal)
            #expect(error.rollbackError.isConnectionLoss)
        }
    }

    @Test("a committed transaction is visible to others")
    func commits() async throws {
        try await TestDatabase.withPool(size: 2) { pool in
            try await pool.withConnection { try $0.execute("CREATE TABLE t (n int)") }
            try await pool.withTransaction(isolation: .serializable) { try $0.execute("INSERT INTO t VALUES (1)") }
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM t").first!.decode(Int.self, at: 0) }
            #expect(count == 1)
        }
    }
}
