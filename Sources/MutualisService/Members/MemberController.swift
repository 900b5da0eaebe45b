import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/members` and `/api/v1/categories`.
struct MemberController {
    let members: MemberStore
    let categories: CategoryStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("categories", use: createCategory)
        group.get("categories", use: listCategories)
        group.post("members", use: create)
        group.get("members", use: list)
        group.get("members/:memberId", use: get)
        group.patch("members/:memberId", use: update)
    }

    struct CategoryBody: Decodable {
        var name: String
        var coefficient: Double
    }

    @Sendable func createCategory(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<
        CategoryRepresentation
    > {
        let caller = try context.coordinator()
        let body = try await request.json(CategoryBody.self, context: context)
        guard let coefficient = Coefficient(body.coefficient) else {
            throw Problem.invalid([FieldError(field: "coefficient", message: "must be between 0 and 10, with at most four decimals")])
        }
        let category = try await categories.set(pole: caller.poleID, name: body.name, coefficient: coefficient, actor: caller.actor)
        return EditedResponse(status: .created, response: CategoryRepresentation(category))
    }

    @Sendable func listCategories(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<CategoryRepresentation>
    {
        let caller = try context.caller()
        return ListResponse(items: try await categories.list(pole: caller.poleID).map(CategoryRepresentation.init), next: nil)
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<MemberJSON> {
        let caller = try context.coordinator()
        let body = try await request.json(MemberBody.self, context: context)
        var errors: [FieldError] = []
        if body.name == nil { errors.append(FieldError(field: "name", message: "is required")) }
        if body.legalForm == nil { errors.append(FieldError(field: "legalForm", message: "is required")) }
        var input = MemberInput(name: body.name ?? "", legalForm: .association)
        errors += try await apply(body, to: &input, pole: caller.poleID)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return EditedResponse(
            status: .created, response: MemberJSON(try await members.create(pole: caller.poleID, input, actor: caller.actor)))
    }

    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<MemberJSON> {
        let caller = try context.caller()
        let page = try await members.list(pole: caller.poleID, page: try request.pageRequest())
        return ListResponse(items: page.items.map(MemberJSON.init), next: page.next)
    }

    @Sendable func get(_ request: Request, context: MutualisRequestContext) async throws -> MemberJSON {
        let caller = try context.caller()
        return MemberJSON(try await members.get(pole: caller.poleID, try context.id("memberId", as: MemberID.self, what: "member")))
    }

    @Sendable func update(_ request: Request, context: MutualisRequestContext) async throws -> MemberJSON {
        let caller = try context.coordinator()
        let id = try context.id("memberId", as: MemberID.self, what: "member")
        let body = try await request.json(MemberBody.self, context: context)
        var probe = MemberInput(name: "", legalForm: .association)
        let errors = try await apply(body, to: &probe, pole: caller.poleID)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        let changes = body
        let categoryID = probe.categoryID
        let member = try await members.update(pole: caller.poleID, id, actor: caller.actor) { input in
            if let name = changes.name { input.name = name }
            if let form = changes.legalForm.flatMap(LegalForm.init(rawValue:)) { input.legalForm = form }
            if let siret = changes.siret { input.siret = siret.value }
            if changes.category != nil { input.categoryID = categoryID }
            if let headcount = changes.headcount { input.headcount = headcount }
            if let budget = changes.annualBudgetCents { input.annualBudgetCents = budget }
            if let joined = changes.joinedOn.flatMap(LocalDate.init(_:)) { input.joinedOn = joined }
            if let left = changes.leftOn { input.leftOn = left.value.flatMap(LocalDate.init(_:)) }
        }
        return MemberJSON(member)
    }

    /// Copies the given fields into `input`, returning what cannot be read.
    private func apply(_ body: MemberBody, to input: inout MemberInput, pole: PoleID) async throws -> [FieldError] {
        var errors: [FieldError] = []
        if let name = body.name { input.name = name }
        if let form = body.legalForm {
            if let legalForm = LegalForm(rawValue: form) {
                input.legalForm = legalForm
            } else {
                errors.append(
                    FieldError(field: "legalForm", message: "must be one of \(LegalForm.namesText)"))
            }
        }
        if let siret = body.siret { input.siret = siret.value }
        if let category = body.category?.value {
            let known = try await categories.list(pole: pole)
            if let match = known.first(where: { $0.id.description == category.lowercased() || $0.name == category }) {
                input.categoryID = match.id
            } else {
                errors.append(FieldError(field: "category", message: "no such category in this pole"))
            }
        }
        if let headcount = body.headcount { input.headcount = headcount }
        if let budget = body.annualBudgetCents { input.annualBudgetCents = budget }
        if let joined = body.joinedOn {
            if let date = LocalDate(joined) {
                input.joinedOn = date
            } else {
                errors.append(FieldError(field: "joinedOn", message: "must be a date YYYY-MM-DD"))
            }
        }
        if let left = body.leftOn?.value {
            if let date = LocalDate(left) {
                input.leftOn = date
            } else {
                errors.append(FieldError(field: "leftOn", message: "must be a date YYYY-MM-DD"))
            }
        }
        return errors
    }
}

extension CategoryRepresentation: ResponseEncodable {}
