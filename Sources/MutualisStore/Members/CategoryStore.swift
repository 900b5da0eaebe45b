import MutualisDomain
import PostgresClient

/// Member categories and their solidarity coefficients.
public struct CategoryStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Creates a category, or sets the coefficient of the pole's category of that name.
    public func set(pole: PoleID, name: String, coefficient: Coefficient, actor: Actor) async throws -> MemberCategory {
        let name = name.trimmingCharacters(in: .whitespaces)
        if let problem = TextInput.lineProblem(name, field: "name") { throw StoreError.invalid([problem]) }
        return try await database.withTransaction { connection in
            let id = try connection.query(
                """
                INSERT INTO member_categories (pole_id, name, coefficient)
                VALUES (\(pole), \(name), \(coefficient.value)::numeric(6, 4))
                ON CONFLICT (pole_id, name) DO UPDATE SET coefficient = EXCLUDED.coefficient
                RETURNING id
                """
            ).first!.decode(CategoryID.self, at: 0)
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "set", entity: "category", entityID: id.uuid,
                to: coefficient.description
            )
            return MemberCategory(id: id, poleID: pole, name: name, coefficient: coefficient)
        }
    }

    /// The pole's categories, by name.
    public func list(pole: PoleID) async throws -> [MemberCategory] {
        try await database.withConnection { connection in
            try connection.query(
                "SELECT id, name, (coefficient * 10000)::int FROM member_categories WHERE pole_id = \(pole) ORDER BY name"
            ).rows.map { row in
                let (id, name, tenThousandths) = try row.decode((CategoryID, String, Int).self)
                return MemberCategory(id: id, poleID: pole, name: name, coefficient: Coefficient(tenThousandths: tenThousandths)!)
            }
        }
    }
}
