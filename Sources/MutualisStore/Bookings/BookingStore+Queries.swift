import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// One booking the caller may see.
    public func get(_ id: BookingID, scope: BookingScope) async throws -> Booking {
        try await database.withConnection { try Self.get(id, scope: scope, $0) }
    }

    static func get(_ id: BookingID, scope: BookingScope, _ connection: PostgresConnection, forUpdate: Bool = false) throws -> Booking {
        guard
            let row = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM bookings b
                WHERE id = \(id) AND pole_id = \(scope.poleID) AND (\(scope.memberID)::uuid IS NULL OR member_id = \(scope.memberID))
                \(sql: forUpdate ? "FOR UPDATE" : "")
                """
            ).first
        else { throw StoreError.notFound("booking") }
        return try booking(row)
    }

    /// The spans a member's live bookings (pending or confirmed) hold on a resource over a
    /// window: what a week page marks as the member's own. One index range of the resource's
    /// bookings, whatever the member has booked elsewhere.
    public func spans(of member: MemberID, pole: PoleID, resource: ResourceID, window: TimeRange) async throws -> [TimeRange] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT lower(during), upper(during) FROM bookings
                WHERE resource_id = \(resource) AND during && tstzrange(\(window.start), \(window.end), '[)')
                  AND pole_id = \(pole) AND member_id = \(member) AND status IN ('pending', 'confirmed')
                ORDER BY lower(during)
                """
            ).rows.compactMap { row in
                let (start, end) = try row.decode((Date, Date).self)
                return TimeRange(start: start, end: end)
            }
        }
    }

    /// A page of the bookings the caller may see, by start then id.
    public func list(scope: BookingScope, filter: BookingFilter, page: PageRequest) async throws -> Page<Booking> {
        if let from = filter.from, let to = filter.to, to <= from { throw StoreError.invalid("to", "must be after from") }
        let after = try page.cursor.map(BookingCursor.init(text:))
        return try await database.withConnection { connection in
            let bookings = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM bookings b
                WHERE pole_id = \(scope.poleID)
                  AND (\(scope.memberID)::uuid IS NULL OR member_id = \(scope.memberID))
                  AND (\(filter.memberID)::uuid IS NULL OR member_id = \(filter.memberID))
                  AND (\(filter.resourceID)::uuid IS NULL OR resource_id = \(filter.resourceID))
                  AND during && tstzrange(\(filter.from), \(filter.to), '[)')
                  AND (\(after?.start)::timestamptz IS NULL OR (lower(during), id) > (\(after?.start), \(after?.id)))
                ORDER BY lower(during), id LIMIT \(page.limit + 1)
                """
            ).rows.map(Self.booking)
            return page.page(of: bookings) { BookingCursor(start: $0.range.start, id: $0.id).text }
        }
    }
}

/// Where a booking list resumes: after the booking with this start and id.
struct BookingCursor {
    var start: Date
    var id: BookingID

    init(start: Date, id: BookingID) {
        self.start = start
        self.id = id
    }

    init(text: String) throws(StoreError) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let micros = Int(parts[0]), let id = BookingID(String(parts[1])) else {
            throw .invalid("cursor", "is not a cursor of this list")
        }
        start = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        self.id = id
    }

    var text: String {
        "\(Int((start.timeIntervalSince1970 * 1_000_000).rounded()))_\(id)"
    }
}
