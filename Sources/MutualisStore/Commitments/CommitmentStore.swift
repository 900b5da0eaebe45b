import Foundation
import MutualisDomain
import PostgresClient

/// Members' commitments to a volume of a resource, recorded by coordinators.
public struct CommitmentStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Records a commitment; the member and the resource must be the pole's.
    public func create(pole: PoleID, _ input: CommitmentInput, actor: Actor) async throws -> Commitment {
        let errors = input.validationErrors()
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            _ = try ResourceStore.get(pole: pole, input.resourceID, connection)
            guard try connection.query("SELECT 1 FROM members WHERE pole_id = \(pole) AND id = \(input.memberID)").first != nil else {
                throw StoreError.invalid("memberId", "no such member in this pole")
            }
            let id = try connection.query(
                """
                INSERT INTO commitments (pole_id, member_id, resource_id, volume_thousandths, unit, starts_on, ends_on, note, created_by)
                VALUES (\(pole), \(input.memberID), \(input.resourceID), \(input.volumeThousandths), \(input.unit)::usage_unit,
                        \(input.startsOn), \(input.endsOn), \(input.note), \(actor.userID))
                RETURNING id
                """
            ).first!.decode(CommitmentID.self, at: 0)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "create", entity: "commitment", entityID: id.uuid)
            return try Self.get(id, pole: pole, connection)
        }
    }

    /// The commitments not withdrawn, of a member or on a resource, by start.
    public func list(pole: PoleID, member: MemberID? = nil, resource: ResourceID? = nil) async throws -> [Commitment] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT \(sql: Self.columns) FROM commitments c
                WHERE c.pole_id = \(pole) AND c.withdrawn_at IS NULL
                  AND (\(member)::uuid IS NULL OR c.member_id = \(member))
                  AND (\(resource)::uuid IS NULL OR c.resource_id = \(resource))
                ORDER BY c.starts_on, c.id
                """
            ).rows.map { try Self.commitment($0, pole: pole) }
        }
    }

    /// Takes a commitment back (recorded by mistake, or renegotiated): later runs ignore it,
    /// finalised runs keep what it counted.
    public func withdraw(pole: PoleID, _ id: CommitmentID, actor: Actor) async throws {
        try await database.withTransaction { connection in
            let withdrawn = try connection.query(
                "UPDATE commitments SET withdrawn_at = now() WHERE pole_id = \(pole) AND id = \(id) AND withdrawn_at IS NULL RETURNING 1"
            ).first
            guard withdrawn != nil else { throw StoreError.notFound("commitment") }
            try AuditLog.record(connection, pole: pole, actor: actor, action: "withdraw", entity: "commitment", entityID: id.uuid)
        }
    }

    /// The commitments on some resources that share days with a period, for a run.
    static func inForce(resources: [ResourceID], over period: DatePeriod, _ connection: PostgresConnection) throws -> [Commitment] {
        guard !resources.isEmpty else { return [] }
        return try connection.query(
            """
            SELECT \(sql: columns), c.pole_id FROM commitments c
            WHERE c.resource_id = ANY(\(resources)) AND c.withdrawn_at IS NULL
              AND c.starts_on < \(period.end) AND c.ends_on >= \(period.start)
            """
        ).rows.map { try commitment($0, pole: try $0.decode(PoleID.self, at: columnCount)) }
    }

    static func get(_ id: CommitmentID, pole: PoleID, _ connection: PostgresConnection) throws -> Commitment {
        guard let row = try connection.query("SELECT \(sql: columns) FROM commitments c WHERE c.pole_id = \(pole) AND c.id = \(id)").first
        else { throw StoreError.notFound("commitment") }
        return try commitment(row, pole: pole)
    }

    static let columns: StaticString = """
        c.id, c.member_id, c.resource_id, c.volume_thousandths, c.unit, c.starts_on, c.ends_on, c.note
        """
    static let columnCount = 8

    static func commitment(_ row: PostgresRow, pole: PoleID) throws -> Commitment {
        let (id, member, resource, volume, unit, starts, ends, note) = try row.decode(
            (CommitmentID, MemberID, ResourceID, Int, UsageRecord.Unit, LocalDate, LocalDate, String).self)
        return Commitment(
            id: id, poleID: pole, memberID: member, resourceID: resource, volumeThousandths: volume, unit: unit, startsOn: starts,
            endsOn: ends, note: note)
    }
}
