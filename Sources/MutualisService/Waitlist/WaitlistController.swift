import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/waitlist` and `/api/v1/notifications`: waiting for a taken slot, and being told
/// when it was booked.
struct WaitlistController {
    let waitlist: WaitlistStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.post("waitlist", use: join)
        group.get("waitlist", use: list)
        group.delete("waitlist/:entryId", use: leave)
        group.get("notifications", use: notifications)
        group.post("notifications/read", use: markRead)
    }

    /// Joins the waitlist of a taken slot; a member user waits for its own member.
    @Sendable func join(_ request: Request, context: MutualisRequestContext) async throws -> EditedResponse<WaitlistEntryRepresentation> {
        let caller = try context.caller()
        let body = try await request.json(WaitlistBody.self, context: context)
        let input = try BookingController.bookingInput(
            BookingBody(
                resourceId: body.resourceId, memberId: body.memberId, start: body.start, end: body.end, quantity: body.quantity,
                note: body.note),
            caller: caller)
        return EditedResponse(
            status: .created,
            response: WaitlistEntryRepresentation(try await waitlist.join(pole: caller.poleID, input, actor: caller.actor)))
    }

    /// The waiting requests of the caller's member, or of the pole for a coordinator (`?memberId=`
    /// and `?resourceId=` narrow it), latest first.
    @Sendable func list(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<WaitlistEntryRepresentation> {
        let caller = try context.caller()
        let member = try request.memberFilter(for: caller)
        let resource = try request.query("resourceId", "a resource id") { ResourceID($0) }
        let entries = try await waitlist.list(pole: caller.poleID, member: member, resource: resource)
        return ListResponse(items: entries.map(WaitlistEntryRepresentation.init), next: nil)
    }

    @Sendable func leave(_ request: Request, context: MutualisRequestContext) async throws -> WaitlistEntryRepresentation {
        let caller = try context.caller()
        let id = try context.id("entryId", as: WaitlistEntryID.self, what: "waitlist entry")
        return WaitlistEntryRepresentation(
            try await waitlist.leave(id, pole: caller.poleID, member: caller.isCoordinator ? nil : caller.memberID, actor: caller.actor))
    }

    /// The notifications of the caller's member, latest first; `?unread=true` for the unread only.
    @Sendable func notifications(_ request: Request, context: MutualisRequestContext) async throws -> ListResponse<NotificationJSON> {
        let caller = try context.caller()
        let member = try member(request, caller)
        let unread = try request.query("unread", "true or false") { ["true": true, "false": false][$0] } ?? false
        let notifications = try await waitlist.notifications(pole: caller.poleID, member: member, unreadOnly: unread)
        return ListResponse(items: notifications.map(NotificationJSON.init), next: nil)
    }

    /// Marks the member's notifications as read.
    @Sendable func markRead(_ request: Request, context: MutualisRequestContext) async throws -> MarkedJSON {
        let caller = try context.caller()
        return MarkedJSON(marked: try await waitlist.markRead(pole: caller.poleID, member: try member(request, caller)))
    }

    /// The member whose notifications are read: the caller's own, or `?memberId=` for a coordinator.
    private func member(_ request: Request, _ caller: Principal) throws -> MemberID {
        guard let member = try request.memberFilter(for: caller) else {
            throw Problem.invalid([FieldError(field: "memberId", message: "a coordinator names the member: give its id")])
        }
        return member
    }

}

/// The body of `POST /waitlist`: the slot wanted, as a booking asks for it.
struct WaitlistBody: Decodable {
    var resourceId: String
    var memberId: String?
    var start: Date
    var end: Date
    var quantity: Int?
    var note: String?
}

extension WaitlistEntryRepresentation: ResponseEncodable {}

/// A notification as the API shows it.
struct NotificationJSON: ResponseEncodable, Sendable {
    var id: String
    var kind: String
    var createdAt: Date
    @NullEncoded var readAt: Date?
    var booking: BookingJSON?

    init(_ notification: MemberNotification) {
        id = notification.id.description
        kind = notification.kind.rawValue
        createdAt = notification.createdAt
        readAt = notification.readAt
        booking = notification.booking.map(BookingJSON.init)
    }
}

/// How many notifications were marked as read.
struct MarkedJSON: ResponseEncodable, Sendable {
    var marked: Int
}
