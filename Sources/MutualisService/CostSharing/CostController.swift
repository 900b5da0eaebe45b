import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/costs` and each resource's dated allocation rule: what is to be shared, and how.
struct CostController {
    let costs: CostStore
    let rules: AllocationRuleStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("costs", use: create)
        group.get("costs", use: list)
        group.get("costs/:costId", use: get)
        group.put("resources/:resourceId/allocation-rule", use: setRule)
        group.get("resources/:resourceId/allocation-rule", use: rule)
        group.get("resources/:resourceId/allocation-rules", use: ruleHistory)
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<CostRepresentation> {
        let caller = try context.coordinator()
        let body = try await request.json(CostBody.self, context: context)
        let period = try datePeriod(body.periodStart, body.periodEnd, startField: "periodStart", endField: "periodEnd")
        let input = CostInput(
            resourceID: body.resourceId, period: period, amountCents: body.amountCents, category: body.category, label: body.label,
            rule: body.rule
        )
        return EditedResponse(
            status: .created, response: CostRepresentation(try await costs.create(pole: caller.poleID, input, actor: caller.actor)))
    }

    /// Costs whose period lies within `?from=&to=` (dates), or all.
    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<CostRepresentation> {
        let caller = try context.coordinator()
        let period =
            request.uri.queryParameters.get("from") == nil && request.uri.queryParameters.get("to") == nil
            ? nil : try request.period(from: "from", to: "to")
        let page = try await costs.list(pole: caller.poleID, within: period, page: try request.pageRequest())
        return ListResponse(items: page.items.map(CostRepresentation.init), next: page.next)
    }

    @Sendable func get(_ request: Request, context: MutualisRequestContext) async throws -> CostRepresentation {
        let caller = try context.coordinator()
        return CostRepresentation(try await costs.get(pole: caller.poleID, try context.id("costId", as: CostID.self, what: "cost")))
    }

    @Sendable func setRule(_ request: Request, context: MutualisRequestContext) async throws -> AllocationRuleRepresentation {
        let caller = try context.coordinator()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        let body = try await request.json(AllocationRuleBody.self, context: context)
        return AllocationRuleRepresentation(
            try await rules.set(pole: caller.poleID, resource: id, rule: body.rule, effectiveFrom: body.effectiveFrom, actor: caller.actor))
    }

    /// The rule in force on `?on=` (a date; today in the pole's time zone by default).
    @Sendable func rule(_ request: Request, context: MutualisRequestContext) async throws -> AllocationRuleRepresentation {
        let caller = try context.caller()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        return AllocationRuleRepresentation(try await rules.rule(pole: caller.poleID, resource: id, on: try request.date("on")))
    }

    @Sendable func ruleHistory(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<
        AllocationRuleRepresentation
    > {
        let caller = try context.caller()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        return ListResponse(
            items: try await rules.history(pole: caller.poleID, resource: id).map(AllocationRuleRepresentation.init), next: nil)
    }
}
