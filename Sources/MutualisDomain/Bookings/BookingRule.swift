/// A booking rule of a resource, as named in errors.
public enum BookingRule: String, Sendable, NamedValue {
    case openingHours = "opening-hours"
    case blackout
    case slotGranularity = "slot-granularity"
    case minimumDuration = "minimum-duration"
    case maximumDuration = "maximum-duration"
    case minimumNotice = "minimum-notice"
    case maximumHorizon = "maximum-horizon"
    case buffer
    case quantity
    case monthlyQuota = "monthly-quota"
    /// The booking ends before the request is made (refused to member users only).
    case past = "in-the-past"
    /// The booking falls outside the member's days of membership.
    case membership
}

/// A booking that breaks a rule: which rule, which field of the request, and why.
public struct BookingRuleViolation: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rule: BookingRule
    /// The request's field at fault: `start`, `end` or `quantity`.
    public var field: String
    public var message: String

    public init(rule: BookingRule, field: String, message: String) {
        self.rule = rule
        self.field = field
        self.message = message
    }

    public var description: String { "\(rule.rawValue): \(message)" }
}

/// One or more broken rules; the first says what a person should fix first.
public struct BookingRulesViolated: Error, Hashable, Sendable, CustomStringConvertible {
    public var violations: [BookingRuleViolation]

    public init(_ violations: [BookingRuleViolation]) {
        self.violations = violations
    }

    public var description: String { violations.map(\.description).joined(separator: "; ") }
}

extension BookingRule {
    /// A slot breaks this rule only until something frees it: a retired blackout, or the
    /// cancellation of the booking whose buffer it falls in. A waitlist can wait for it.
    public var mayFreeUp: Bool { self == .blackout || self == .buffer }
}
