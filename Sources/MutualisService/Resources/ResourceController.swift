import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// `/api/v1/resources`: what the pole pools, its rules, and when it is free.
struct ResourceController {
    let resources: ResourceStore
    let bookings: BookingStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("resources", use: create)
        group.get("resources", use: list)
        group.get("resources/:resourceId", use: get)
        group.patch("resources/:resourceId", use: update)
        group.post("resources/:resourceId/blackouts", use: addBlackout)
        group.get("resources/:resourceId/blackouts", use: blackouts)
        group.delete("resources/:resourceId/blackouts/:blackoutId", use: removeBlackout)
        group.get("resources/:resourceId/availability", use: availability)
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<ResourceJSON> {
        let caller = try context.coordinator()
        let body = try await request.json(ResourceBody.self, context: context)
        var errors: [FieldError] = []
        if body.name == nil { errors.append(FieldError(field: "name", message: "is required")) }
        var input = ResourceInput(name: body.name ?? "", kind: .equipment)
        errors += apply(body, to: &input, requireKind: true)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return EditedResponse(
            status: .created, response: ResourceJSON(try await resources.create(pole: caller.poleID, input, actor: caller.actor)))
    }

    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<ResourceJSON> {
        let caller = try context.caller()
        let page = try await resources.list(pole: caller.poleID, page: try request.pageRequest())
        return ListResponse(items: page.items.map(ResourceJSON.init), next: page.next)
    }

    @Sendable func get(_ request: Request, context: MutualisRequestContext) async throws -> ResourceJSON {
        let caller = try context.caller()
        return ResourceJSON(
            try await resources.get(pole: caller.poleID, try context.id("resourceId", as: ResourceID.self, what: "resource")))
    }

    @Sendable func update(_ request: Request, context: MutualisRequestContext) async throws -> ResourceJSON {
        let caller = try context.coordinator()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        let body = try await request.json(ResourceBody.self, context: context)
        var probe = ResourceInput(name: "", kind: .equipment)
        let errors = apply(body, to: &probe, requireKind: false)
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        let changed = probe
        let resource = try await resources.update(pole: caller.poleID, id, actor: caller.actor) { input in
            if body.name != nil { input.name = changed.name }
            if body.kind != nil { input.kind = changed.kind }
            if body.units != nil { input.units = changed.units }
            if body.ownerMemberId != nil { input.ownerMemberID = changed.ownerMemberID }
            if body.rules != nil { input.rules = changed.rules }
        }
        return ResourceJSON(resource)
    }

    struct BlackoutBody: Decodable {
        var start: Date
        var end: Date
        var reason: String?
    }

    @Sendable func addBlackout(_ request: Request, context: MutualisRequestContext) async throws -> HTTPResponse.Status {
        let caller = try context.coordinator()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        let body = try await request.json(BlackoutBody.self, context: context)
        guard let range = TimeRange(start: body.start, end: body.end) else {
            throw Problem.invalid([FieldError(field: "end", message: "must be after start")])
        }
        try await resources.addBlackout(pole: caller.poleID, id, range: range, reason: body.reason ?? "", actor: caller.actor)
        return .created
    }

    struct BlackoutJSON: ResponseEncodable, Sendable {
        var id: String
        var start: Date
        var end: Date
        var reason: String
    }

    /// The blackouts that have not ended yet, by start.
    @Sendable func blackouts(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<BlackoutJSON> {
        let caller = try context.caller()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        let items = try await resources.blackouts(pole: caller.poleID, id, endingAfter: Date()).map {
            BlackoutJSON(id: $0.id.description, start: $0.range.start, end: $0.range.end, reason: $0.reason)
        }
        return ListResponse(items: items, next: nil)
    }

    /// Retires a blackout; waiting requests that now fit are booked at once.
    @Sendable func removeBlackout(_ request: Request, context: MutualisRequestContext) async throws -> HTTPResponse.Status {
        let caller = try context.coordinator()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        let blackout = try context.id("blackoutId", as: BlackoutID.self, what: "blackout")
        try await resources.removeBlackout(pole: caller.poleID, id, blackout, actor: caller.actor)
        return .noContent
    }

    struct FreeSpan: Encodable, Sendable {
        var start: Date
        var end: Date
        var units: Int
    }

    struct Availability: ResponseEncodable, Sendable {
        var free: [FreeSpan]
    }

    @Sendable func availability(_ request: Request, context: MutualisRequestContext) async throws -> Availability {
        let caller = try context.caller()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        guard let from = try request.instant("from") else { throw Problem.malformed("from", "is required") }
        guard let to = try request.instant("to") else { throw Problem.malformed("to", "is required") }
        guard let window = TimeRange(start: from, end: to) else {
            throw Problem.invalid([FieldError(field: "to", message: "must be after from")])
        }
        let spans = try await bookings.availability(pole: caller.poleID, resource: id, window: window).freeSpans(within: window)
        return Availability(free: spans.map { FreeSpan(start: $0.range.start, end: $0.range.end, units: $0.units) })
    }

    private func apply(_ body: ResourceBody, to input: inout ResourceInput, requireKind: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        if let name = body.name { input.name = name }
        if let kind = body.kind {
            if let value = Resource.Kind(rawValue: kind) {
                input.kind = value
            } else {
                errors.append(FieldError(field: "kind", message: "must be equipment, staff or premises"))
            }
        } else if requireKind {
            errors.append(FieldError(field: "kind", message: "is required"))
        }
        if let units = body.units { input.units = units }
        if let owner = body.ownerMemberId {
            if let text = owner.value {
                if let id = MemberID(text) {
                    input.ownerMemberID = id
                } else {
                    errors.append(FieldError(field: "ownerMemberId", message: "no such member in this pole"))
                }
            } else {
                input.ownerMemberID = nil
            }
        }
        if let rules = body.rules {
            switch rules.rules() {
            case .success(let value): input.rules = value
            case .failure(let failure): errors += failure.errors
            }
        }
        return errors
    }
}
