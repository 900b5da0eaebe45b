import Foundation
import MutualisDomain
import PostgresClient

/// Poles: created by the platform administrator.
public struct PoleStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Creates a pole; its time zone must be an IANA zone, its currency an ISO 4217 code.
    public func create(name: String, timeZone: String, currency: String, actor: Actor) async throws -> Pole {
        var errors: [FieldError] = []
        let name = name.trimmingCharacters(in: .whitespaces)
        if let problem = TextInput.lineProblem(name, field: "name") { errors.append(problem) }
        if PoleTimeZone(identifier: timeZone) == nil {
            errors.append(FieldError(field: "timeZone", message: "\(timeZone) is not an IANA time zone"))
        }
        if currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            errors.append(FieldError(field: "currency", message: "must be an ISO 4217 code such as EUR"))
        }
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            let known = try connection.query("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = \(timeZone))")
                .first!.decode(Bool.self, at: 0)
            guard known else { throw StoreError.invalid("timeZone", "\(timeZone) is not known to the database") }
            let id: PoleID
            do {
                id = try connection.query(
                    "INSERT INTO poles (name, time_zone, currency) VALUES (\(name), \(timeZone), \(currency)) RETURNING id"
                ).first!.decode(PoleID.self, at: 0)
            } catch let error as PostgresError where error.isUniqueViolation {
                throw StoreError.conflict("a pole named \(name) already exists", field: "name")
            }
            try AuditLog.record(connection, pole: id, actor: actor, action: "create", entity: "pole", entityID: id.uuid)
            return Pole(id: id, name: name, timeZone: timeZone, currency: currency)
        }
    }

    /// Every pole, by name.
    public func list() async throws -> [Pole] {
        try await database.withConnection { connection in
            try connection.query("SELECT \(sql: Self.columns) FROM poles ORDER BY lower(name), id").rows.map(Self.pole)
        }
    }

    /// One pole.
    public func get(_ id: PoleID) async throws -> Pole {
        try await database.withConnection { try Self.get(id, $0) }
    }

    static func get(_ id: PoleID, _ connection: PostgresConnection) throws -> Pole {
        guard let row = try connection.query("SELECT \(sql: Self.columns) FROM poles WHERE id = \(id)").first else {
            throw StoreError.notFound("pole")
        }
        return try pole(row)
    }

    /// Publishes the pooling figures of `period` on the public page, or withdraws them (nil).
    public func publish(_ id: PoleID, period: DatePeriod?, actor: Actor) async throws -> Pole {
        if let problem = period?.lengthProblem(field: "periodEnd") { throw StoreError.invalid([problem]) }
        return try await database.withTransaction { connection in
            guard
                let row = try connection.query(
                    """
                    UPDATE poles SET published_from = \(period?.start), published_to = \(period?.end) WHERE id = \(id)
                    RETURNING \(sql: Self.columns)
                    """
                ).first
            else { throw StoreError.notFound("pole") }
            try AuditLog.record(
                connection, pole: id, actor: actor, action: period == nil ? "unpublish" : "publish", entity: "pole", entityID: id.uuid,
                to: period.map { "\($0.start)/\($0.end)" })
            return try Self.pole(row)
        }
    }

    static let columns: StaticString = "id, name, time_zone, currency, published_from, published_to"

    static func pole(_ row: PostgresRow) throws -> Pole {
        let (id, name, timeZone, currency, from, to) = try row.decode((PoleID, String, String, String, LocalDate?, LocalDate?).self)
        let publication = from.flatMap { from in to.flatMap { DatePeriod(start: from, end: $0) } }
        return Pole(id: id, name: name, timeZone: timeZone, currency: currency, publication: publication)
    }
}

extension Pole {
    /// The pole's time zone, for its local rules.
    func zone() throws -> PoleTimeZone {
        guard let zone = PoleTimeZone(identifier: timeZone) else { throw StoreError.invalid("timeZone", "unknown time zone \(timeZone)") }
        return zone
    }
}
