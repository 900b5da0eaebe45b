import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// iCalendar feeds of a resource and of a member, for calendar apps: reachable with the
/// bearer token, or with `?key=` and a calendar key (a token of scope `calendar`, revocable).
struct CalendarController {
    let bookings: BookingStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.get("resources/:resourceId/calendar.ics", use: resource)
        group.get("members/:memberId/calendar.ics", use: member)
    }

    @Sendable func resource(_ request: Request, context: MutualisRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.id("resourceId", as: ResourceID.self, what: "resource")
        let (name, entries) = try await bookings.calendar(pole: caller.poleID, resource: id)
        return feed(name: name, entries: entries, caller: caller)
    }

    @Sendable func member(_ request: Request, context: MutualisRequestContext) async throws -> Response {
        let caller = try context.caller()
        let id = try context.id("memberId", as: MemberID.self, what: "member")
        guard caller.canSee(member: id) else { throw Problem.notFound("member") }
        let (name, entries) = try await bookings.calendar(pole: caller.poleID, member: id)
        return feed(name: name, entries: entries, caller: caller)
    }

    /// Other members' bookings show as busy, without their name.
    private func feed(name: String, entries: [CalendarEntry], caller: Principal) -> Response {
        var writer = ICalendarWriter()
        let stamp = ICalendarWriter.utc(Date())
        writer.line("BEGIN", "VCALENDAR")
        writer.line("VERSION", "2.0")
        writer.line("PRODID", "-//Mutualis//Mutualis//FR")
        writer.line("CALSCALE", "GREGORIAN")
        writer.line("METHOD", "PUBLISH")
        writer.text("X-WR-CALNAME", "Mutualis — \(name)")
        for entry in entries {
            let booking = entry.booking
            let who = caller.canSee(member: booking.memberID) ? entry.memberName : "réservé"
            writer.line("BEGIN", "VEVENT")
            writer.line("UID", "\(booking.id)@mutualis")
            writer.line("DTSTAMP", stamp)
            writer.line("DTSTART", ICalendarWriter.utc(booking.range.start))
            writer.line("DTEND", ICalendarWriter.utc(booking.range.end))
            writer.text("SUMMARY", "\(entry.resourceName) — \(who)")
            if caller.canSee(member: booking.memberID), !booking.note.isEmpty {
                writer.text("DESCRIPTION", booking.note)
            }
            writer.line("STATUS", booking.status == .pending ? "TENTATIVE" : "CONFIRMED")
            writer.line("END", "VEVENT")
        }
        writer.line("END", "VCALENDAR")
        return Response(
            status: .ok,
            headers: [.contentType: "text/calendar; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: writer.text))
        )
    }
}
