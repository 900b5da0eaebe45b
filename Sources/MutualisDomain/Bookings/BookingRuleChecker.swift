import Foundation

/// Checks a booking request against its resource's rules, in the pole's time zone.
///
/// It sees only what it is given: the store supplies the member's unit-minutes already held in
/// the months concerned (for the quota). What depends on other bookings at the instant of
/// writing is the database's to enforce atomically: overlaps and the buffer after each booking
/// (a booking holds its units until its end plus the buffer, under the exclusion constraint;
/// the store names the `buffer` rule when that is why no unit is free).
public struct BookingRuleChecker: Sendable {
    public var rules: ResourceRules
    public var units: Int
    public var zone: PoleTimeZone
    /// Periods in which the resource cannot be booked (maintenance, holidays).
    public var blackouts: [TimeRange]
    /// The member's days of membership, when known: it books only within them.
    public var membership: Membership?
    /// Whether a booking may end before it is made: a coordinator recording past use may.
    public var pastAllowed: Bool

    public init(
        rules: ResourceRules, units: Int, zone: PoleTimeZone, blackouts: [TimeRange] = [], membership: Membership? = nil,
        pastAllowed: Bool = true
    ) {
        self.rules = rules
        self.units = units
        self.zone = zone
        self.blackouts = blackouts
        self.membership = membership
        self.pastAllowed = pastAllowed
    }

    /// The days a member belongs to the pole: from `joinedOn` to `leftOn`, both included.
    public struct Membership: Sendable, Hashable {
        public var joinedOn: LocalDate
        public var leftOn: LocalDate?

        public init(joinedOn: LocalDate, leftOn: LocalDate?) {
            self.joinedOn = joinedOn
            self.leftOn = leftOn
        }
    }

    /// Every rule the request breaks, in a stable order; empty when it may be booked.
    ///
    /// - Parameters:
    ///   - now: the instant of the request, for notice and horizon.
    ///   - heldMinutesByMonth: the member's unit-minutes already held in each month (first day
    ///     of the month as key) of ``BookingRequest/unitMinutesByMonth(in:)``.
    public func violations(
        of request: BookingRequest,
        at now: Date,
        heldMinutesByMonth: [LocalDate: Int] = [:]
    ) -> [BookingRuleViolation] {
        var found: [BookingRuleViolation] = []
        let range = request.range
        let minutes = range.duration / 60

        if !pastAllowed && range.end <= now {
            found.append(.init(rule: .past, field: "end", message: "the booking would end before now; only a coordinator records past use"))
        }
        if let membership {
            // The last instant of the booking is just before its end.
            let lastDay = zone.date(of: range.end.addingTimeInterval(-0.000_001))
            if zone.date(of: range.start) < membership.joinedOn {
                found.append(.init(rule: .membership, field: "start", message: "the member joins the pole on \(membership.joinedOn)"))
            }
            if let leftOn = membership.leftOn, lastDay > leftOn {
                found.append(.init(rule: .membership, field: "end", message: "the member left the pole on \(leftOn)"))
            }
        }
        if request.quantity < 1 || request.quantity > units {
            found.append(
                .init(rule: .quantity, field: "quantity", message: "between 1 and \(units) units can be booked, not \(request.quantity)"))
        }
        if let openingHours = rules.openingHours {
            let open = openingHours.openRanges(within: range, in: zone)
            if !open.contains(where: { $0.contains(range) }) {
                found.append(.init(rule: .openingHours, field: "start", message: "the resource is not open for the whole of the booking"))
            }
        }
        if let blackout = blackouts.first(where: { $0.overlaps(range) }) {
            found.append(
                .init(
                    rule: .blackout, field: "start",
                    message: "the resource is unavailable from \(blackout.start.rfc3339) to \(blackout.end.rfc3339)"))
        }
        if let slot = rules.slotMinutes {
            let slotSeconds = Double(slot * 60)
            if zone.wallSecondsOfDay(range.start).truncatingRemainder(dividingBy: slotSeconds) != 0 {
                found.append(.init(rule: .slotGranularity, field: "start", message: "bookings start on multiples of \(slot) minutes"))
            }
            if zone.wallSecondsOfDay(range.end).truncatingRemainder(dividingBy: slotSeconds) != 0 {
                found.append(.init(rule: .slotGranularity, field: "end", message: "bookings end on multiples of \(slot) minutes"))
            }
        }
        if let minimum = rules.minDurationMinutes, minutes < Double(minimum) {
            found.append(.init(rule: .minimumDuration, field: "end", message: "a booking lasts at least \(minimum) minutes"))
        }
        if let maximum = rules.maxDurationMinutes, minutes > Double(maximum) {
            found.append(.init(rule: .maximumDuration, field: "end", message: "a booking lasts at most \(maximum) minutes"))
        }
        if let notice = rules.minNoticeMinutes, range.start < now.addingTimeInterval(Double(notice * 60)) {
            found.append(.init(rule: .minimumNotice, field: "start", message: "bookings are made at least \(notice) minutes ahead"))
        }
        if let horizon = rules.maxHorizonDays, range.start > now.addingTimeInterval(Double(horizon) * 86_400) {
            found.append(.init(rule: .maximumHorizon, field: "start", message: "bookings start at most \(horizon) days ahead"))
        }
        if let quota = rules.monthlyQuotaMinutes {
            for (month, requested) in request.unitMinutesByMonth(in: zone).sorted(by: { $0.key < $1.key })
            where (heldMinutesByMonth[month] ?? 0) + requested > quota {
                found.append(
                    .init(
                        rule: .monthlyQuota, field: "end",
                        message:
                            "a member may hold \(quota) unit-minutes a month; \(heldMinutesByMonth[month] ?? 0) are already held in \(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
                    ))
            }
        }
        return found
    }

    /// Throws the broken rules, if any.
    public func check(
        _ request: BookingRequest, at now: Date, heldMinutesByMonth: [LocalDate: Int] = [:]
    ) throws(BookingRulesViolated) {
        let found = violations(of: request, at: now, heldMinutesByMonth: heldMinutesByMonth)
        if !found.isEmpty { throw BookingRulesViolated(found) }
    }

    /// What cancelling now would count of the booking's time, by the resource's tiers.
    public func cancellation(of booking: TimeRange, at now: Date) -> Cancellation {
        Cancellation(
            countedPercent: CancellationTier.countedPercent(rules.cancellationTiers, secondsLeft: booking.start.timeIntervalSince(now)))
    }
}

/// What a cancellation still counts of the booked time, when costs are shared.
public struct Cancellation: Sendable, Equatable {
    /// 0 when free, 100 when the booking counts whole.
    public var countedPercent: Int

    public init(countedPercent: Int) {
        self.countedPercent = countedPercent
    }

    /// Free of charge.
    public static let free = Cancellation(countedPercent: 0)

    /// The cancellation counts some of the booked time.
    public var isLate: Bool { countedPercent > 0 }
}

extension Date {
    /// RFC 3339 in UTC, to the second.
    var rfc3339: String {
        RFC3339.format(self)
    }
}
