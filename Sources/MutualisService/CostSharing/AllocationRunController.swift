import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/allocation-runs`: computing, recomputing and finalising the sharing of a
/// period's costs, and each member's statement.
struct AllocationRunController {
    let runs: AllocationRunStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("allocation-runs", use: create)
        group.get("allocation-runs", use: list)
        group.get("allocation-runs/:runId", use: get)
        group.post("allocation-runs/:runId/recompute", use: recompute)
        group.post("allocation-runs/:runId/finalize", use: finalize)
        group.get("allocation-runs/:runId/statements/:memberId", use: statement)
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<AllocationRunRepresentation> {
        let caller = try context.coordinator()
        let body = try await request.json(AllocationRunBody.self, context: context)
        let period = try datePeriod(body.periodStart, body.periodEnd, startField: "periodStart", endField: "periodEnd")
        return EditedResponse(
            status: .created,
            response: AllocationRunRepresentation(try await runs.create(pole: caller.poleID, period: period, actor: caller.actor)))
    }

    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<
        AllocationRunSummaryRepresentation
    > {
        let caller = try context.coordinator()
        let page = try await runs.list(pole: caller.poleID, page: try request.pageRequest())
        return ListResponse(items: page.items.map(AllocationRunSummaryRepresentation.init), next: page.next)
    }

    @Sendable func get(_ request: Request, context: MutualisRequestContext) async throws -> AllocationRunRepresentation {
        let caller = try context.coordinator()
        return AllocationRunRepresentation(try await runs.get(pole: caller.poleID, try runID(context)))
    }

    @Sendable func recompute(_ request: Request, context: MutualisRequestContext) async throws -> AllocationRunRepresentation {
        let caller = try context.coordinator()
        return AllocationRunRepresentation(try await runs.recompute(pole: caller.poleID, try runID(context), actor: caller.actor))
    }

    @Sendable func finalize(_ request: Request, context: MutualisRequestContext) async throws -> AllocationRunRepresentation {
        let caller = try context.coordinator()
        return AllocationRunRepresentation(try await runs.finalize(pole: caller.poleID, try runID(context), actor: caller.actor))
    }

    /// JSON, or CSV with `Accept: text/csv`. A member user reads its own member's statement
    /// of a finalised run; anything else is not found.
    @Sendable func statement(_ request: Request, context: MutualisRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try runID(context)
        let member = try context.id("memberId", as: MemberID.self, what: "member")
        let dialect = try request.csvDialect()
        guard caller.canSee(member: member) else { throw Problem.notFound("member") }
        let stored = try await runs.statement(pole: caller.poleID, id, member: member, finalizedOnly: !caller.isCoordinator)
        let statement = StatementRepresentation(stored)
        if request.wantsCSV {
            return try CSVResponse(
                text: try statement.csv(dialect: dialect), filename: FileName.statement(stored.run.run.period, member: stored.member.name)
            ).response(from: request, context: context)
        }
        return try statement.response(from: request, context: context)
    }

    private func runID(_ context: MutualisRequestContext) throws -> AllocationRunID {
        try context.id("runId", as: AllocationRunID.self, what: "allocation run")
    }
}
