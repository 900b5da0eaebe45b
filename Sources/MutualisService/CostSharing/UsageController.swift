import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/usage`: actual use recorded afterwards (timesheets, kilometres, uses).
struct UsageController {
    let usage: UsageStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("usage", use: record)
        group.get("usage", use: list)
    }

    @Sendable func record(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<UsageRepresentation> {
        let caller = try context.coordinator()
        let body = try await request.json(UsageBody.self, context: context)
        guard let range = TimeRange(start: body.start, end: body.end) else {
            throw Problem.invalid([FieldError(field: "end", message: "must be after start")])
        }
        let quantity: Int
        if let given = body.quantity {
            guard let exact = FixedPoint.exact(given, scale: 1_000) else {
                throw Problem.invalid([FieldError(field: "quantity", message: "has at most three decimals")])
            }
            quantity = exact
        } else if body.unit == .hours {
            quantity = Int((range.duration / 3.6).rounded())
        } else {
            throw Problem.invalid([FieldError(field: "quantity", message: "is required for \(body.unit.rawValue)")])
        }
        let record = try await usage.record(
            pole: caller.poleID, resource: body.resourceId, member: body.memberId, range: range, quantityThousandths: quantity,
            unit: body.unit, note: body.note ?? "", actor: caller.actor
        )
        return EditedResponse(status: .created, response: UsageRepresentation(record))
    }

    /// A member user sees only its own member's usage.
    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<UsageRepresentation> {
        let caller = try context.caller()
        let member = try request.query("memberId", "a member id") { MemberID($0) }
        let resource = try request.query("resourceId", "a resource id") { ResourceID($0) }
        let from = try request.instant("from")
        let to = try request.instant("to")
        if let from, let to, to <= from { throw Problem.invalid([FieldError(field: "to", message: "must be after from")]) }
        let pageRequest = try request.pageRequest()
        // Every parameter is checked before another member's list is answered as empty.
        if let member, !caller.canSee(member: member) { return ListResponse(items: [], next: nil) }
        let page = try await usage.list(
            pole: caller.poleID, member: caller.isCoordinator ? member : caller.memberID, resource: resource, from: from, to: to,
            page: pageRequest
        )
        return ListResponse(items: page.items.map(UsageRepresentation.init), next: page.next)
    }
}
