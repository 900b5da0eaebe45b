import PostgresClient
import Testing

@Suite("PostgresQuery")
struct PostgresQueryTests {
    @Test("interpolated values become numbered parameters, never SQL")
    func interpolationBinds() {
        let name = "Robert'); DROP TABLE members;--"
        let count = 3
        let query: PostgresQuery = "SELECT * FROM members WHERE name = \(name) LIMIT \(count)"
        #expect(query.sql == "SELECT * FROM members WHERE name = $1 LIMIT $2")
        #expect(query.bindings.map(\.text) == [name, "3"])
        #expect(query.bindings.map(\.type) == [.unknown, .int8])
    }

    @Test("NULL is bound with its type and no text")
    func optionalBindsNull() {
        let missing: Int? = nil
        let query: PostgresQuery = "SELECT \(missing)"
        #expect(query.bindings == [PostgresBinding(type: .int8, text: nil)])
    }

    @Test("identifiers are quoted so that they stay one name")
    func identifierIsQuoted() {
        let query: PostgresQuery = "CREATE DATABASE \(identifier: #"we"ird"#)"
        #expect(query.sql == #"CREATE DATABASE "we""ird""#)
        #expect(query.bindings.isEmpty)
    }

    @Test("raw SQL goes in only through the explicitly named interpolation")
    func rawIsExplicit() {
        let direction = "DESC"
        let query: PostgresQuery = "SELECT 1 ORDER BY 1 \(unsafeRaw: direction)"
        #expect(query.sql == "SELECT 1 ORDER BY 1 DESC")
    }
}
