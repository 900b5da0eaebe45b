import Foundation
import MutualisStore
import MutualisTestSupport
import PostgresClient
import Testing

/// What the schema itself guarantees, whatever the application above it does.
@Suite("Schema")
struct SchemaTests {
    /// A pole with one member and a one-unit resource, made with plain SQL.
    struct Fixture: Sendable {
        var pole: UUID
        var member: UUID
        var resource: UUID
        var unit: UUID
    }

    private func fixture(_ connection: PostgresConnection) throws -> Fixture {
        let pole = try connection.query("INSERT INTO poles (name) VALUES ('Pôle Sud') RETURNING id").first!.decode(UUID.self, at: 0)
        let member = try connection.query(
            "INSERT INTO members (pole_id, name, legal_form, joined_on) VALUES (\(pole), 'Les Fabriques', 'association', '2026-01-01') RETURNING id"
        ).first!.decode(UUID.self, at: 0)
        let resource = try connection.query(
            "INSERT INTO resources (pole_id, name, kind) VALUES (\(pole), 'Van', 'equipment') RETURNING id"
        ).first!.decode(UUID.self, at: 0)
        let unit = try connection.query(
            "INSERT INTO resource_units (resource_id, number) VALUES (\(resource), 1) RETURNING id"
        ).first!.decode(UUID.self, at: 0)
        return Fixture(pole: pole, member: member, resource: resource, unit: unit)
    }

    @discardableResult
    private func book(
        _ connection: PostgresConnection, _ f: Fixture, from start: String, to end: String, status: String = "confirmed"
    ) throws -> UUID {
        let booking = try connection.query(
            """
            INSERT INTO bookings (pole_id, resource_id, member_id, during, status)
            VALUES (\(f.pole), \(f.resource), \(f.member), tstzrange(\(start)::timestamptz, \(end)::timestamptz, '[)'), \(status)::booking_status)
            RETURNING id
            """
        ).first!.decode(UUID.self, at: 0)
        try connection.execute(
            """
            INSERT INTO booking_units (booking_id, resource_id, unit_id, occupied)
            SELECT id, resource_id, \(f.unit), during FROM bookings WHERE id = \(booking)
            """
        )
        return booking
    }

    @Test("an overlapping booking of the same unit is refused by the exclusion constraint (23P01)")
    func overlapIsExclusionViolation() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            let error = try await #require(throws: PostgresError.self) {
                try await pool.withConnection { connection in
                    let f = try fixture(connection)
                    try book(connection, f, from: "2026-03-02T09:00:00+01", to: "2026-03-02T11:00:00+01")
                    try book(connection, f, from: "2026-03-02T10:30:00+01", to: "2026-03-02T12:00:00+01")
                }
            }
            #expect(error.isExclusionViolation)
            #expect(error.constraint == "booking_units_no_overlap")
        }
    }

    @Test("back-to-back bookings do not overlap: ranges are half-open")
    func halfOpenRanges() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                try book(connection, f, from: "2026-03-02T09:00:00+01", to: "2026-03-02T10:00:00+01")
                try book(connection, f, from: "2026-03-02T10:00:00+01", to: "2026-03-02T11:00:00+01")
            }
        }
    }

    @Test("a cancelled booking frees its unit, and cannot come back")
    func cancellationFreesTheUnit() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                let first = try book(connection, f, from: "2026-03-02T09:00:00+01", to: "2026-03-02T10:00:00+01")
                try connection.execute("UPDATE bookings SET status = 'cancelled' WHERE id = \(first)")
                try book(connection, f, from: "2026-03-02T09:00:00+01", to: "2026-03-02T10:00:00+01")
                #expect {
                    try connection.execute("UPDATE bookings SET status = 'confirmed' WHERE id = \(first)")
                } throws: { error in
                    (error as? PostgresError)?.constraint == "bookings_status_transition"
                }
            }
        }
    }

    @Test("an empty or reversed booking range is refused")
    func emptyRangeIsRefused() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                #expect {
                    try book(connection, f, from: "2026-03-02T10:00:00+01", to: "2026-03-02T10:00:00+01")
                } throws: { error in
                    (error as? PostgresError)?.sqlState == .checkViolation
                }
            }
        }
    }

    @Test("bookings are never deleted, and the audit log is append-only")
    func historyIsKept() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                try book(connection, f, from: "2026-03-02T09:00:00+01", to: "2026-03-02T10:00:00+01")
                try connection.execute(
                    "INSERT INTO audit_log (pole_id, actor, action, entity) VALUES (\(f.pole), 'system', 'test', 'pole')"
                )
                for statement: PostgresQuery in [
                    "DELETE FROM bookings", "DELETE FROM audit_log", "UPDATE audit_log SET action = 'x'", "TRUNCATE audit_log",
                ] {
                    #expect(throws: PostgresError.self) { try connection.execute(statement) }
                }
            }
        }
    }

    @Test("a member cannot be placed in another pole's category")
    func crossPoleReferencesAreRefused() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                let otherPole = try connection.query("INSERT INTO poles (name) VALUES ('Autre pôle') RETURNING id").first!.decode(
                    UUID.self, at: 0)
                let category = try connection.query(
                    "INSERT INTO member_categories (pole_id, name, coefficient) VALUES (\(otherPole), 'Petites structures', 0.5) RETURNING id"
                ).first!.decode(UUID.self, at: 0)
                #expect {
                    try connection.execute("UPDATE members SET category_id = \(category) WHERE id = \(f.member)")
                } throws: { error in
                    (error as? PostgresError)?.sqlState == .foreignKeyViolation
                }
            }
        }
    }

    @Test("bookings outside 1900-2199 and costs over 10^12 cents are refused by the database itself")
    func inputBounds() async throws {
        try await withMigratedDatabase(size: 1) { pool in
            try await pool.withConnection { connection in
                let f = try fixture(connection)
                for (start, end) in [
                    ("9999-06-02T09:00:00Z", "9999-06-02T10:00:00Z"), ("2199-12-31T23:00:00Z", "2200-01-01T01:00:00Z"),
                    ("1899-12-31T23:00:00Z", "1900-01-01T01:00:00Z"),
                ] {
                    #expect { try book(connection, f, from: start, to: end) } throws: {
                        ($0 as? PostgresError)?.sqlState == .checkViolation
                    }
                }
                try book(connection, f, from: "2199-12-31T23:00:00Z", to: "2200-01-01T00:00:00Z")
                #expect {
                    try connection.execute(
                        """
                        INSERT INTO costs (pole_id, period_start, period_end, amount_cents, category, label)
                        VALUES (\(f.pole), '2027-03-01', '2027-04-01', 1000000000001, 'rent', 'Loyer')
                        """
                    )
                } throws: { ($0 as? PostgresError)?.constraint == "costs_amount_bounds" }
            }
        }
    }
}
