import PostgresClient
import Testing

@Suite("PostgresConfiguration")
struct PostgresConfigurationTests {
    @Test("a postgresql:// URL is split into libpq keywords, percent-escapes decoded")
    func parsesURL() throws {
        let configuration = try PostgresConfiguration("postgresql://app:p%40ss%20word@db.example:6543/mutualis?sslmode=disable")
        #expect(configuration["user"] == "app")
        #expect(configuration["password"] == "p@ss word")
        #expect(configuration["host"] == "db.example")
        #expect(configuration["port"] == "6543")
        #expect(configuration.database == "mutualis")
        #expect(configuration["sslmode"] == "disable")
    }

    @Test("a keyword string is accepted as libpq reads it")
    func parsesKeywordString() throws {
        let configuration = try PostgresConfiguration("host=/tmp/sockets dbname='my db' user=me")
        #expect(configuration["host"] == "/tmp/sockets")
        #expect(configuration.database == "my db")
    }

    @Test("a malformed string is refused with a configuration error")
    func refusesGarbage() {
        #expect {
            try PostgresConfiguration("host=/tmp dbname='unterminated")
        } throws: { error in
            (error as? PostgresError)?.kind == .configuration
        }
    }

    @Test("switching database keeps the rest")
    func switchesDatabase() throws {
        let configuration = try PostgresConfiguration("postgresql://app@localhost/one").database("two")
        #expect(configuration.database == "two")
        #expect(configuration["user"] == "app")
    }

    @Test("the description never shows the password")
    func masksPassword() throws {
        let configuration = try PostgresConfiguration("postgresql://app:secret@localhost/db")
        #expect(!configuration.description.contains("secret"))
        #expect(configuration.description.contains("password=***"))
    }
}
