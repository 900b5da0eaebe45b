import Foundation
import MutualisDomain
import PostgresClient

/// Actual usage as recorded afterwards: hours worked for each member, kilometres, uses.
public struct UsageStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Records a use. A resource is measured in one unit: a van in km is never also in hours,
    /// or its members' uses could not be added up.
    public func record(
        pole: PoleID, resource: ResourceID, member: MemberID, range: TimeRange, quantityThousandths: Int,
        unit: UsageRecord.Unit, note: String = "", actor: Actor
    ) async throws -> UsageRecord {
        var errors: [FieldError] = []
        let maximum = Int(InputBounds.maxUsageQuantity)
        if !(1...maximum * 1_000).contains(quantityThousandths) {
            errors.append(FieldError(field: "quantity", message: "must be more than 0 and at most \(maximum), with at most three decimals"))
        }
        if !InputBounds.contains(range) {
            errors.append(FieldError(field: "start", message: "must lie \(InputBounds.yearsText)"))
        }
        if let problem = TextInput.notesProblem(note, field: "note") { errors.append(problem) }
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            _ = try ResourceStore.get(pole: pole, resource, connection, forUpdate: true)
            _ = try MemberStore.get(pole: pole, member, connection)
            if let other = try connection.query(
                "SELECT unit FROM usage_records WHERE resource_id = \(resource) AND unit <> \(unit)::usage_unit LIMIT 1"
            ).first?.decode(UsageRecord.Unit.self, at: 0) {
                throw StoreError.invalid("unit", "this resource's usage is recorded in \(other.rawValue)")
            }
            let id = try connection.query(
                """
                INSERT INTO usage_records (pole_id, resource_id, member_id, during, quantity_thousandths, unit, note, recorded_by)
                VALUES (\(pole), \(resource), \(member), tstzrange(\(range.start), \(range.end), '[)'), \(quantityThousandths),
                        \(unit)::usage_unit, \(note), \(actor.userID))
                RETURNING id
                """
            ).first!.decode(UsageRecordID.self, at: 0)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "record", entity: "usage", entityID: id.uuid)
            return UsageRecord(
                id: id, resourceID: resource, memberID: member, range: range, quantityThousandths: quantityThousandths, unit: unit)
        }
    }

    /// A page of usage records starting from `from` and before `to`, by id; `member` narrows
    /// to one member's.
    public func list(
        pole: PoleID, member: MemberID?, resource: ResourceID?, from: Date?, to: Date?, page: PageRequest
    ) async throws -> Page<UsageRecord> {
        let after = try page.after(UsageRecordID.self)
        return try await database.withConnection { connection in
            let records = try connection.query(
                """
                SELECT id, resource_id, member_id, lower(during), upper(during), quantity_thousandths, unit
                FROM usage_records
                WHERE pole_id = \(pole)
                  AND (\(member)::uuid IS NULL OR member_id = \(member))
                  AND (\(resource)::uuid IS NULL OR resource_id = \(resource))
                  AND (\(from)::timestamptz IS NULL OR lower(during) >= \(from))
                  AND (\(to)::timestamptz IS NULL OR lower(during) < \(to))
                  AND (\(after)::uuid IS NULL OR id > \(after))
                ORDER BY id LIMIT \(page.limit + 1)
                """
            ).rows.map { row in
                let (id, resource, member, start, end, quantity, unit) = try row.decode(
                    (UsageRecordID, ResourceID, MemberID, Date, Date, Int, UsageRecord.Unit).self)
                return UsageRecord(
                    id: id, resourceID: resource, memberID: member, range: TimeRange(start: start, end: end)!,
                    quantityThousandths: quantity, unit: unit
                )
            }
            return page.page(of: records) { $0.id.description }
        }
    }
}
