import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// A booking as the API shows it.
struct BookingJSON: ResponseEncodable, Sendable {
    var id: String
    var resourceId: String
    var memberId: String
    var start: Date
    var end: Date
    var quantity: Int
    var status: String
    var note: String
    @NullEncoded var seriesId: String?
    var lateCancellation: Bool
    /// What the booking counts of its time when costs are shared, 0...100.
    var countedPercent: Int
    var noShow: Bool

    init(_ booking: Booking) {
        id = booking.id.description
        resourceId = booking.resourceID.description
        memberId = booking.memberID.description
        start = booking.range.start
        end = booking.range.end
        quantity = booking.quantity
        status = booking.status.rawValue
        note = booking.note
        seriesId = booking.seriesID?.description
        lateCancellation = booking.lateCancellation
        countedPercent = booking.countedShare
        noShow = booking.noShow
    }
}

/// The body of `PATCH /bookings/{id}`: a span within the booking's own.
struct ShortenBody: Decodable {
    var start: Date?
    var end: Date?
}

/// What cancelling a booking now would count of its time.
struct CancellationJSON: ResponseEncodable, Sendable {
    var bookingId: String
    /// 0 when the cancellation is free.
    var countedPercent: Int
    /// Unit-hours that would still count in the member's use.
    var countedHours: Double

    init(booking: Booking, _ cancellation: Cancellation) {
        bookingId = booking.id.description
        countedPercent = cancellation.countedPercent
        countedHours = booking.unitHours(percent: cancellation.countedPercent)
    }
}

/// The answer to a recurring booking: what was booked, and what was not and why.
struct SeriesJSON: Encodable, Sendable {
    var seriesId: String
    var bookings: [BookingJSON]
    var conflicts: [Problem.Conflict]

    init(_ outcome: BookingOutcome) {
        seriesId = outcome.seriesID?.description ?? ""
        bookings = outcome.bookings.map(BookingJSON.init)
        conflicts = outcome.refused.map {
            Problem.Conflict(start: $0.range.start, end: $0.range.end, reason: $0.reason, rule: $0.rule?.rawValue)
        }
    }
}

/// The body of `POST /bookings`.
struct BookingBody: Decodable {
    struct Recurrence: Decodable {
        var frequency: String
        var interval: Int?
        var weekdays: [String]?
        var count: Int?
        var until: Date?
    }

    var resourceId: String
    var memberId: String?
    var start: Date
    var end: Date
    var quantity: Int?
    var note: String?
    var recurrence: Recurrence?
    var onConflict: String?
}
