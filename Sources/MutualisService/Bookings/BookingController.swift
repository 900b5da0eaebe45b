import Foundation
import HTTPTypes
import Hummingbird
import MutualisDomain
import MutualisStore

/// `/api/v1/bookings`: booking, listing, cancelling, approving and rejecting.
struct BookingController {
    let bookings: BookingStore
    let metrics: ServiceMetrics

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("bookings", use: create)
        group.get("bookings", use: list)
        group.get("bookings/:bookingId", use: get)
        group.patch("bookings/:bookingId", use: shorten)
        group.post("bookings/:bookingId/cancel", use: cancel)
        group.post("bookings/:bookingId/approve", use: approve)
        group.post("bookings/:bookingId/reject", use: reject)
        group.post("bookings/:bookingId/no-show", use: noShow)
        group.delete("bookings/:bookingId/no-show", use: withdrawNoShow)
        group.get("bookings/:bookingId/cancellation", use: cancellationPreview)
    }

    /// Shortens a booking to a span within its own; the time given back goes to the waitlist.
    @Sendable func shorten(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        let caller = try context.caller()
        let id = try context.id("bookingId", as: BookingID.self, what: "booking")
        let body = try await request.json(ShortenBody.self, context: context)
        let scope = BookingScope(caller)
        let booking = try await bookings.get(id, scope: scope)
        guard body.start != nil || body.end != nil else {
            throw Problem.invalid([FieldError(field: "end", message: "give the new start, the new end, or both")])
        }
        guard let range = TimeRange(start: body.start ?? booking.range.start, end: body.end ?? booking.range.end) else {
            throw Problem.invalid([FieldError(field: "end", message: "must be after start")])
        }
        return BookingJSON(try await bookings.shorten(id, to: range, scope: scope, actor: caller.actor))
    }

    /// Marks a confirmed booking that has started as a no-show (coordinator).
    @Sendable func noShow(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        let caller = try context.coordinator()
        let id = try context.id("bookingId", as: BookingID.self, what: "booking")
        return BookingJSON(try await bookings.markNoShow(id, pole: caller.poleID, actor: caller.actor))
    }

    /// Takes a no-show mark back (coordinator).
    @Sendable func withdrawNoShow(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        let caller = try context.coordinator()
        let id = try context.id("bookingId", as: BookingID.self, what: "booking")
        return BookingJSON(try await bookings.markNoShow(id, pole: caller.poleID, false, actor: caller.actor))
    }

    /// What cancelling the booking now would count of its time.
    @Sendable func cancellationPreview(_ request: Request, context: MutualisRequestContext) async throws -> CancellationJSON {
        let caller = try context.caller()
        let id = try context.id("bookingId", as: BookingID.self, what: "booking")
        let scope = BookingScope(caller)
        let booking = try await bookings.get(id, scope: scope)
        return CancellationJSON(booking: booking, try await bookings.cancellationPreview(id, scope: scope))
    }

    @Sendable func create(_ request: Request, context: MutualisRequestContext) async throws -> Response {
        do {
            let response = try await book(request, context: context)
            metrics.recordBooking("created")
            return response
        } catch let error as StoreError {
            switch error {
            case .conflict, .seriesRefused: metrics.recordBooking("conflict")
            case .rulesViolated: metrics.recordBooking("refused")
            default: break
            }
            throw error
        }
    }

    private func book(_ request: Request, context: MutualisRequestContext) async throws -> Response {
        let caller = try context.caller()
        let raw = try await request.body.collect(upTo: context.maxUploadSize)
        let body = try Request.decodeJSON(BookingBody.self, from: Data(buffer: raw))
        let input = try Self.bookingInput(body, caller: caller)
        let isSeries = input.recurrence != nil
        let render: @Sendable (BookingOutcome) throws -> StoredResponse = { outcome in
            let data =
                isSeries
                ? try APICoding.encoder.encode(SeriesJSON(outcome))
                : try APICoding.encoder.encode(BookingJSON(outcome.bookings[0]))
            return StoredResponse(status: 201, body: String(decoding: data, as: UTF8.self))
        }
        let response: StoredResponse
        var replayed = false
        if let key = request.headers[.idempotencyKey] {
            guard !key.isEmpty, key.count <= 255 else {
                throw Problem.malformed("Idempotency-Key", "must be 1 to 255 characters")
            }
            (response, replayed) = try await bookings.book(
                pole: caller.poleID, input, actor: caller.actor, confirm: caller.isCoordinator,
                idempotency: Idempotency(userID: caller.userID, key: key, body: Data(buffer: raw)), render: render
            )
        } else {
            response = try render(try await bookings.book(pole: caller.poleID, input, actor: caller.actor, confirm: caller.isCoordinator))
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        if replayed { headers[.idempotentReplayed] = "true" }
        return Response(status: .init(code: response.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: response.body)))
    }

    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<BookingJSON> {
        let caller = try context.caller()
        let filter = BookingFilter(
            from: try request.instant("from"),
            to: try request.instant("to"),
            resourceID: try request.query("resourceId", "a resource id") { ResourceID($0) },
            memberID: try request.query("memberId", "a member id") { MemberID($0) }
        )
        let page = try await bookings.list(scope: BookingScope(caller), filter: filter, page: try request.pageRequest())
        return ListResponse(items: page.items.map(BookingJSON.init), next: page.next)
    }

    @Sendable func get(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        let caller = try context.caller()
        return BookingJSON(
            try await bookings.get(try context.id("bookingId", as: BookingID.self, what: "booking"), scope: BookingScope(caller)))
    }

    /// Cancels a booking; `?scope=following` also cancels the later occurrences of its series.
    @Sendable func cancel(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        let caller = try context.caller()
        let following = try request.query("scope", "this or following") { ["this": false, "following": true][$0] } ?? false
        return try await move(context, to: .cancelled, caller: caller, following: following)
    }

    @Sendable func approve(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        try await move(context, to: .confirmed, caller: try context.coordinator(), following: false)
    }

    @Sendable func reject(_ request: Request, context: MutualisRequestContext) async throws -> BookingJSON {
        try await move(context, to: .rejected, caller: try context.coordinator(), following: false)
    }

    private func move(_ context: MutualisRequestContext, to status: BookingStatus, caller: Principal, following: Bool) async throws
        -> BookingJSON
    {
        let id = try context.id("bookingId", as: BookingID.self, what: "booking")
        let moved = try await bookings.move(id, to: status, scope: BookingScope(caller), actor: caller.actor, following: following)
        return BookingJSON(moved[0])
    }

    /// A booking's input from its body, for the caller: a member user books for its own member.
    static func bookingInput(_ body: BookingBody, caller: Principal) throws -> BookingInput {
        var errors: [FieldError] = []
        guard let resource = ResourceID(body.resourceId) else { throw Problem.notFound("resource") }
        let member: MemberID
        if caller.isCoordinator {
            guard let text = body.memberId, let id = MemberID(text) else {
                throw Problem.invalid([FieldError(field: "memberId", message: "a coordinator books on behalf of a member: give its id")])
            }
            member = id
        } else {
            guard let own = caller.memberID else { throw Problem(status: .forbidden, detail: "this user acts for no member") }
            if let text = body.memberId, MemberID(text) != own {
                throw Problem(status: .forbidden, detail: "a member user books for its own member only")
            }
            member = own
        }
        guard let range = TimeRange(start: body.start, end: body.end) else {
            throw Problem.invalid([FieldError(field: "end", message: "must be after start")])
        }
        var recurrence: RecurrenceRule?
        if let given = body.recurrence {
            let frequency = RecurrenceRule.Frequency(rawValue: given.frequency)
            if frequency == nil { errors.append(FieldError(field: "recurrence.frequency", message: "must be daily, weekly or monthly")) }
            var weekdays: Set<Weekday>?
            if let names = given.weekdays {
                weekdays = []
                for name in names {
                    if let weekday = Weekday.allCases.first(where: { RulesJSON.name($0) == name }) {
                        weekdays?.insert(weekday)
                    } else {
                        errors.append(FieldError(field: "recurrence.weekdays", message: "\(name) is not a weekday: monday ... sunday"))
                    }
                }
            }
            if let frequency {
                recurrence = RecurrenceRule(
                    frequency: frequency, interval: given.interval ?? 1, weekdays: weekdays, count: given.count, until: given.until)
            }
        }
        let onConflict = BookingInput.OnConflict(rawValue: body.onConflict ?? "fail")
        if onConflict == nil { errors.append(FieldError(field: "onConflict", message: "must be skip or fail")) }
        guard errors.isEmpty else { throw Problem.invalid(errors) }
        return BookingInput(
            resourceID: resource, memberID: member, range: range, quantity: body.quantity ?? 1, note: body.note ?? "",
            recurrence: recurrence, onConflict: onConflict ?? .fail
        )
    }
}

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}
