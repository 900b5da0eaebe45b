import Foundation
import MutualisDomain
import PostgresClient

/// Member organisations of a pole.
public struct MemberStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// Adds a member; `joinedOn` defaults to today in the pole's time zone.
    public func create(pole: PoleID, _ input: MemberInput, actor: Actor) async throws -> Member {
        let errors = input.validationErrors()
        guard errors.isEmpty else { throw StoreError.invalid(errors) }
        return try await database.withTransaction { connection in
            let member = try Self.insert(connection, pole: pole, input)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "create", entity: "member", entityID: member.id.uuid)
            return member
        }
    }

    /// Adds every member or none: the first refused row stops the import, and nothing stays.
    /// A row naming a member the pole already has (the same SIRET, or the same name without
    /// regard to case) is refused, so that importing a file twice duplicates no one, unless
    /// `updatingExisting`, which writes the row over that member instead.
    public func importAll(
        pole: PoleID, _ inputs: [(line: Int, input: MemberInput)], updatingExisting: Bool = false, actor: Actor
    ) async throws -> [Member] {
        for (line, input) in inputs {
            if let error = input.validationErrors().first {
                throw StoreError.invalid("line \(line): \(error.field)", error.message)
            }
        }
        return try await database.withTransaction { connection in
            var members: [Member] = []
            var updated = 0
            for (line, input) in inputs {
                do {
                    if let existing = try Self.existing(connection, pole: pole, like: input) {
                        guard updatingExisting else {
                            throw StoreError.conflict(
                                "\(existing.name) is already a member of this pole (the same SIRET or name); import with --update to update it",
                                field: "name")
                        }
                        members.append(try Self.replace(connection, existing, with: input))
                        updated += 1
                    } else {
                        members.append(try Self.insert(connection, pole: pole, input))
                    }
                } catch let error as StoreError {
                    if case .invalid(let fields) = error, let first = fields.first {
                        throw StoreError.invalid("line \(line): \(first.field)", first.message)
                    }
                    if case .conflict(let message, let field) = error {
                        throw StoreError.conflict("line \(line): \(message)", field: field)
                    }
                    throw error
                }
            }
            try AuditLog.record(
                connection, pole: pole, actor: actor, action: "import", entity: "member", entityID: nil,
                details: #"{"count": \#(members.count), "updated": \#(updated)}"#
            )
            return members
        }
    }

    /// The member of the pole that `input` names again, locked: the one with its SIRET first,
    /// else one with its name.
    static func existing(_ connection: PostgresConnection, pole: PoleID, like input: MemberInput) throws -> Member? {
        let siret = input.siret.flatMap(SIRET.init)?.digits
        return try connection.query(
            """
            SELECT \(sql: Self.columns) FROM members
            WHERE pole_id = \(pole)
              AND ((\(siret)::text IS NOT NULL AND siret = \(siret)) OR lower(name) = lower(\(input.name.trimmingCharacters(in: .whitespaces))))
            ORDER BY siret IS NOT DISTINCT FROM \(siret) DESC, id LIMIT 1 FOR UPDATE
            """
        ).first.map(Self.member)
    }

    static func insert(_ connection: PostgresConnection, pole: PoleID, _ input: MemberInput) throws -> Member {
        let siret = input.siret.flatMap(SIRET.init)?.digits
        do {
            let row = try connection.query(
                """
                INSERT INTO members (pole_id, name, legal_form, siret, category_id, headcount, annual_budget_cents, joined_on, left_on)
                SELECT \(pole), \(input.name.trimmingCharacters(in: .whitespaces)), \(input.legalForm)::legal_form, \(siret),
                       \(input.categoryID), \(input.headcount)::numeric(10, 2), \(input.annualBudgetCents),
                       coalesce(\(input.joinedOn), (now() AT TIME ZONE p.time_zone)::date), \(input.leftOn)
                FROM poles p WHERE p.id = \(pole)
                RETURNING \(sql: Self.columns)
                """
            ).first
            guard let row else { throw StoreError.notFound("pole") }
            return try member(row)
        } catch let error as PostgresError {
            throw translate(error)
        }
    }

    /// A page of the pole's members, by id.
    public func list(pole: PoleID, page: PageRequest) async throws -> Page<Member> {
        let after = try page.after(MemberID.self)
        return try await database.withConnection { connection in
            let members = try connection.query(
                """
                SELECT \(sql: Self.columns) FROM members
                WHERE pole_id = \(pole) AND (\(after)::uuid IS NULL OR id > \(after))
                ORDER BY id LIMIT \(page.limit + 1)
                """
            ).rows.map(Self.member)
            return page.page(of: members) { $0.id.description }
        }
    }

    /// Every member of the pole, by id.
    public func all(pole: PoleID) async throws -> [Member] {
        try await PageRequest.collect { try await list(pole: pole, page: $0) }
    }

    /// One member of the pole.
    public func get(pole: PoleID, _ id: MemberID) async throws -> Member {
        try await database.withConnection { try Self.get(pole: pole, id, $0) }
    }

    static func get(pole: PoleID, _ id: MemberID, _ connection: PostgresConnection) throws -> Member {
        guard let row = try connection.query("SELECT \(sql: Self.columns) FROM members WHERE pole_id = \(pole) AND id = \(id)").first else {
            throw StoreError.notFound("member")
        }
        return try member(row)
    }

    /// Changes some fields of a member; the others stay.
    public func update(pole: PoleID, _ id: MemberID, actor: Actor, _ change: @escaping @Sendable (inout MemberInput) -> Void) async throws
        -> Member
    {
        try await database.withTransaction { connection in
            guard
                let row = try connection.query(
                    "SELECT \(sql: Self.columns) FROM members WHERE pole_id = \(pole) AND id = \(id) FOR UPDATE"
                ).first
            else { throw StoreError.notFound("member") }
            let current = try Self.member(row)
            var input = current.input
            change(&input)
            let errors = input.validationErrors()
            guard errors.isEmpty else { throw StoreError.invalid(errors) }
            let updated = try Self.replace(connection, current, with: input)
            try AuditLog.record(connection, pole: pole, actor: actor, action: "update", entity: "member", entityID: id.uuid)
            return updated
        }
    }

    /// Writes `input` over a member locked by the caller; a missing `joinedOn` keeps its own.
    static func replace(_ connection: PostgresConnection, _ current: Member, with input: MemberInput) throws -> Member {
        do {
            return try Self.member(
                try connection.query(
                    """
                    UPDATE members SET name = \(input.name.trimmingCharacters(in: .whitespaces)), legal_form = \(input.legalForm)::legal_form,
                        siret = \(input.siret.flatMap(SIRET.init)?.digits), category_id = \(input.categoryID),
                        headcount = \(input.headcount)::numeric(10, 2), annual_budget_cents = \(input.annualBudgetCents),
                        joined_on = \(input.joinedOn ?? current.joinedOn), left_on = \(input.leftOn), updated_at = now()
                    WHERE id = \(current.id) RETURNING \(sql: Self.columns)
                    """
                ).first!
            )
        } catch let error as PostgresError {
            throw Self.translate(error)
        }
    }

    static let columns: StaticString = """
        id, pole_id, name, legal_form, siret, category_id, (headcount * 100)::bigint, annual_budget_cents, joined_on, left_on
        """

    static func member(_ row: PostgresRow) throws -> Member {
        let (id, pole, name, legalForm, siret, category, headcount, budget, joined, left) = try row.decode(
            (MemberID, PoleID, String, LegalForm, String?, CategoryID?, Int, Int, LocalDate, LocalDate?).self
        )
        return Member(
            id: id, poleID: pole, name: name, legalForm: legalForm, siret: siret.flatMap(SIRET.init), categoryID: category,
            headcountHundredths: headcount, annualBudgetCents: budget, joinedOn: joined, leftOn: left
        )
    }

    static func translate(_ error: PostgresError) -> any Error {
        switch (error.sqlState, error.constraint) {
        case (.uniqueViolation?, "members_pole_id_siret_key"?):
            StoreError.conflict("a member with this SIRET already exists", field: "siret")
        case (.foreignKeyViolation?, "members_pole_id_category_id_fkey"?):
            StoreError.invalid("category", "no such category in this pole")
        case (.checkViolation?, "members_check"?):
            StoreError.invalid("leftOn", "must not be before joinedOn")
        default:
            error
        }
    }
}
