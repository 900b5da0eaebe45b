import Foundation

/// A member's hold on some units of a resource over `[start, end)`.
public struct Booking: Hashable, Sendable, Codable {
    public var id: BookingID
    public var poleID: PoleID
    public var resourceID: ResourceID
    public var memberID: MemberID
    public var range: TimeRange
    public var quantity: Int
    public var status: BookingStatus
    public var note: String
    /// The recurring series the booking belongs to, if any.
    public var seriesID: SeriesID?
    /// What a cancelled booking still counts of its time (0...100), by the resource's
    /// cancellation tiers when it was cancelled.
    public var countedPercent: Int
    /// A confirmed booking nobody came to, as its coordinator marked it: it counts whole.
    public var noShow: Bool
    /// Why a coordinator approved or rejected it, when they said.
    public var decisionReason: String
    /// When it was asked for.
    public var createdAt: Date?

    public init(
        id: BookingID, poleID: PoleID, resourceID: ResourceID, memberID: MemberID, range: TimeRange,
        quantity: Int = 1, status: BookingStatus, note: String = "", seriesID: SeriesID? = nil, countedPercent: Int = 0,
        noShow: Bool = false, decisionReason: String = "", createdAt: Date? = nil
    ) {
        self.id = id
        self.poleID = poleID
        self.resourceID = resourceID
        self.memberID = memberID
        self.range = range
        self.quantity = quantity
        self.status = status
        self.note = note
        self.seriesID = seriesID
        self.countedPercent = countedPercent
        self.noShow = noShow
        self.decisionReason = decisionReason
        self.createdAt = createdAt
    }
}

extension Booking {
    /// Cancelled too late to be free: it counts some of its time.
    public var lateCancellation: Bool { status == .cancelled && countedPercent > 0 }

    /// The share of its time the booking counts when costs are shared, 0...100.
    public var countedShare: Int {
        switch status {
        case .confirmed: 100
        case .cancelled: countedPercent
        case .pending, .rejected: 0
        }
    }

    /// The unit-hours a share of the booking's time makes: 50 % of a 4-hour booking is 2.
    public func unitHours(percent: Int) -> Double {
        range.duration / 3_600 * Double(quantity) * Double(percent) / 100
    }

    /// The unit-hours the booking counts when costs are shared.
    public var countedUnitHours: Double { unitHours(percent: countedShare) }
}

/// A recurring series of bookings made in one request.
public struct BookingSeries: Hashable, Sendable, Codable {
    public var id: SeriesID
    public var rule: RecurrenceRule

    public init(id: SeriesID, rule: RecurrenceRule) {
        self.id = id
        self.rule = rule
    }
}
