import Foundation
import MutualisDomain
import PostgresClient

/// A booking as a calendar shows it, with the names it needs.
public struct CalendarEntry: Sendable {
    public var booking: Booking
    public var resourceName: String
    public var memberName: String
}

extension BookingStore {
    /// What a calendar feed holds: the active bookings of a resource or of a member, from 90
    /// days ago to a year ahead, by start.
    public func calendar(
        pole: PoleID, resource: ResourceID? = nil, member: MemberID? = nil, now: Date = Date()
    ) async throws -> (name: String, entries: [CalendarEntry]) {
        try await database.withSnapshot { connection in
            let name: String
            if let resource {
                name = try ResourceStore.get(pole: pole, resource, connection).name
            } else if let member {
                name = try MemberStore.get(pole: pole, member, connection).name
            } else {
                name = try PoleStore.get(pole, connection).name
            }
            let from = now.addingTimeInterval(-90 * 86_400)
            let to = now.addingTimeInterval(366 * 86_400)
            let entries = try connection.query(
                """
                SELECT \(sql: Self.columns),
                       r.name, m.name
                FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN members m ON m.id = b.member_id
                WHERE b.pole_id = \(pole) AND b.status IN ('pending', 'confirmed')
                  AND (\(resource)::uuid IS NULL OR b.resource_id = \(resource))
                  AND (\(member)::uuid IS NULL OR b.member_id = \(member))
                  AND b.during && tstzrange(\(from), \(to), '[)')
                ORDER BY lower(b.during), b.id
                """
            ).rows.map { row in
                CalendarEntry(
                    booking: try Self.booking(row),
                    resourceName: try row.decode(String.self, at: Self.columnCount),
                    memberName: try row.decode(String.self, at: Self.columnCount + 1)
                )
            }
            return (name, entries)
        }
    }
}
