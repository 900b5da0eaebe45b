import Foundation
import MutualisDomain

/// A member's commitment as the API answers and the CLI prints it with `--json`.
public struct CommitmentRepresentation: Encodable, Sendable {
    public var id: String
    public var memberId: String
    public var resourceId: String
    /// The volume a year, in `unit`.
    public var volume: Double
    public var unit: String
    public var startsOn: String
    /// The last day of the term.
    public var endsOn: String
    public var note: String

    public init(_ commitment: Commitment) {
        id = commitment.id.description
        memberId = commitment.memberID.description
        resourceId = commitment.resourceID.description
        volume = commitment.volume
        unit = commitment.unit.rawValue
        startsOn = commitment.startsOn.description
        endsOn = commitment.endsOn.description
        note = commitment.note
    }
}

/// A waiting request as the API answers and the CLI prints it with `--json`.
public struct WaitlistEntryRepresentation: Encodable, Sendable {
    public var id: String
    public var resourceId: String
    public var memberId: String
    public var start: Date
    public var end: Date
    public var quantity: Int
    public var note: String
    /// `waiting`, `booked`, `left` or `expired`.
    public var status: String
    @NullEncoded public var bookingId: String?
    public var joinedAt: Date

    public init(_ entry: WaitlistEntry) {
        id = entry.id.description
        resourceId = entry.resourceID.description
        memberId = entry.memberID.description
        start = entry.range.start
        end = entry.range.end
        quantity = entry.quantity
        note = entry.note
        status = entry.status.rawValue
        bookingId = entry.bookingID?.description
        joinedAt = entry.joinedAt
    }
}
