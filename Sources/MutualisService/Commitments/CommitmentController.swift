import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/commitments`: the volumes members commit to use, recorded by coordinators.
struct CommitmentController {
    let commitments: CommitmentStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("commitments", use: create)
        group.get("commitments", use: list)
        group.delete("commitments/:commitmentId", use: withdraw)
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<CommitmentRepresentation> {
        let caller = try context.coordinator()
        let body = try await request.json(CommitmentBody.self, context: context)
        guard let resource = ResourceID(body.resourceId) else { throw Problem.notFound("resource") }
        guard let member = MemberID(body.memberId) else {
            throw Problem.invalid([FieldError(field: "memberId", message: "must be a member id")])
        }
        var errors: [FieldError] = []
        let volume = FixedPoint.exact(body.volume, scale: 1_000)
        if volume == nil {
            errors.append(FieldError(field: "volume", message: "a volume with at most three decimals"))
        }
        guard let unit = UsageRecord.Unit(rawValue: body.unit) else {
            throw Problem.invalid(errors + [FieldError(field: "unit", message: "must be one of: \(UsageRecord.Unit.namesText)")])
        }
        guard errors.isEmpty, let volume else { throw Problem.invalid(errors) }
        let input = CommitmentInput(
            memberID: member, resourceID: resource, volumeThousandths: volume, unit: unit, startsOn: body.startsOn, endsOn: body.endsOn,
            note: body.note ?? "")
        return EditedResponse(
            status: .created,
            response: CommitmentRepresentation(try await commitments.create(pole: caller.poleID, input, actor: caller.actor)))
    }

    /// The commitments in force or to come; `?memberId=` and `?resourceId=` narrow them. A
    /// member user sees its own member's.
    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<CommitmentRepresentation> {
        let caller = try context.caller()
        let member = try request.memberFilter(for: caller)
        let resource = try request.query("resourceId", "a resource id") { ResourceID($0) }
        let items = try await commitments.list(pole: caller.poleID, member: member, resource: resource)
        return ListResponse(items: items.map(CommitmentRepresentation.init), next: nil)
    }

    @Sendable func withdraw(_ request: Request, context: MutualisRequestContext) async throws -> HTTPResponse.Status {
        let caller = try context.coordinator()
        let id = try context.id("commitmentId", as: CommitmentID.self, what: "commitment")
        try await commitments.withdraw(pole: caller.poleID, id, actor: caller.actor)
        return .noContent
    }
}

/// The body of `POST /commitments`.
struct CommitmentBody: Decodable {
    var memberId: String
    var resourceId: String
    /// The volume a year, in `unit`.
    var volume: Double
    var unit: String
    var startsOn: LocalDate
    var endsOn: LocalDate
    var note: String?
}

extension CommitmentRepresentation: ResponseEncodable {}
