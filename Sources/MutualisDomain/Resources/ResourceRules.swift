/// The rules a booking of a resource must follow; `nil` means no such rule.
public struct ResourceRules: Hashable, Sendable, Codable {
    /// When it can be used, in the pole's local time; `nil` means at any time.
    public var openingHours: WeeklySchedule?
    /// Bookings start and end on multiples of this many minutes past local midnight.
    public var slotMinutes: Int?
    public var minDurationMinutes: Int?
    public var maxDurationMinutes: Int?
    /// How long before its start a booking must be made.
    public var minNoticeMinutes: Int?
    /// How far ahead a booking may start.
    public var maxHorizonDays: Int?
    /// Setup or cleanup time kept free after each booking.
    public var bufferMinutes: Int
    /// Bookings wait as `pending` until a coordinator approves them.
    public var approvalRequired: Bool
    /// What a late cancellation still counts of the booked time; none means free until the start.
    public var cancellationTiers: [CancellationTier]
    /// Unit-hours one member may hold per calendar month (in minutes).
    public var monthlyQuotaMinutes: Int?

    public init(
        openingHours: WeeklySchedule? = nil,
        slotMinutes: Int? = nil,
        minDurationMinutes: Int? = nil,
        maxDurationMinutes: Int? = nil,
        minNoticeMinutes: Int? = nil,
        maxHorizonDays: Int? = nil,
        bufferMinutes: Int = 0,
        approvalRequired: Bool = false,
        cancellationTiers: [CancellationTier] = [],
        monthlyQuotaMinutes: Int? = nil
    ) {
        self.openingHours = openingHours
        self.slotMinutes = slotMinutes
        self.minDurationMinutes = minDurationMinutes
        self.maxDurationMinutes = maxDurationMinutes
        self.minNoticeMinutes = minNoticeMinutes
        self.maxHorizonDays = maxHorizonDays
        self.bufferMinutes = bufferMinutes
        self.approvalRequired = approvalRequired
        self.cancellationTiers = cancellationTiers
        self.monthlyQuotaMinutes = monthlyQuotaMinutes
    }

    /// How far ahead a resource is booked when its coordinator sets nothing else: two years.
    public static let defaultMaxHorizonDays = 730
    /// The longest booking when its coordinator sets nothing else: 31 days.
    public static let defaultMaxDurationMinutes = 31 * 1_440

    /// The rules with the default horizon and longest booking where none is set: a resource
    /// is never booked for a century or for the year 2150 by mistake, and a coordinator who
    /// wants more says so.
    public func withDefaultLimits() -> ResourceRules {
        var rules = self
        rules.maxHorizonDays = rules.maxHorizonDays ?? Self.defaultMaxHorizonDays
        rules.maxDurationMinutes = rules.maxDurationMinutes ?? max(Self.defaultMaxDurationMinutes, rules.minDurationMinutes ?? 0)
        return rules
    }

    /// Problems with the rules themselves, each naming its field: negative numbers, a minimum
    /// above the maximum, a slot that does not divide a day.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        // Upper bounds keep every product of these numbers (minutes × 60, × units) far from overflow.
        func within(_ value: Int?, _ range: ClosedRange<Int>, _ field: String) {
            if let value, !range.contains(value) {
                errors.append(FieldError(field: field, message: "must be from \(range.lowerBound) to \(range.upperBound)"))
            }
        }
        let minutes = InputBounds.maxRuleMinutes
        within(slotMinutes, 1...1_440, "rules.slotMinutes")
        within(minDurationMinutes, 1...minutes, "rules.minDurationMinutes")
        within(maxDurationMinutes, 1...minutes, "rules.maxDurationMinutes")
        within(maxHorizonDays, 1...InputBounds.maxHorizonDays, "rules.maxHorizonDays")
        within(monthlyQuotaMinutes, 1...InputBounds.maxMonthlyQuotaHours * 60, "rules.monthlyQuotaMinutes")
        within(minNoticeMinutes, 0...minutes, "rules.minNoticeMinutes")
        within(bufferMinutes, 0...minutes, "rules.bufferMinutes")
        errors += CancellationTier.validationErrors(cancellationTiers, field: "rules.cancellationTiers")
        if let slotMinutes, (1...1_440).contains(slotMinutes), 1440 % slotMinutes != 0 {
            errors.append(FieldError(field: "rules.slotMinutes", message: "must divide a day (1440 minutes)"))
        }
        if let min = minDurationMinutes, let max = maxDurationMinutes, min > max {
            errors.append(FieldError(field: "rules.minDurationMinutes", message: "must not exceed maxDurationMinutes"))
        }
        if let openingHours {
            errors += openingHours.validationErrors().map {
                FieldError(field: "rules.openingHours" + ($0.field.isEmpty ? "" : ".\($0.field)"), message: $0.message)
            }
        }
        return errors
    }
}

/// A field of some input, and what is wrong with it.
public struct FieldError: Hashable, Sendable, Codable, Error {
    /// The field at fault, as a dotted path (`rules.slotMinutes`).
    public var field: String
    /// What is wrong with it, for people.
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
