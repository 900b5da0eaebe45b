import Foundation

/// The ranges of values Mutualis accepts from outside (API, pages, CLI, CSV), each chosen far
/// inside what the arithmetic done on it can hold, so that no input can make a computation trap
/// or store what cannot be read back.
public enum InputBounds {
    /// Years of dates and instants. Older dates serve no booking or cost and later ones no
    /// plan; every instant of these years reads back through PostgreSQL, Foundation and the
    /// calendar arithmetic, and a year of minutes times any bounded quantity fits in 64 bits.
    public static let years: ClosedRange<Int> = 1900...2199
    /// 1900-01-01T00:00:00Z, the first instant accepted.
    public static let earliestInstant = Date(timeIntervalSince1970: -2_208_988_800)
    /// 2200-01-01T00:00:00Z, the first instant no longer accepted.
    public static let instantLimit = Date(timeIntervalSince1970: 7_258_118_400)
    /// The largest amount of one cost, in cents (ten billion euros): nine million such costs
    /// still add up within 64 bits.
    public static let maxAmountCents = 1_000_000_000_000
    /// The largest annual budget of a member, in cents (a thousand billion euros).
    public static let maxBudgetCents = 100_000_000_000_000
    /// The most units one resource has, and so the most one booking takes.
    public static let maxUnits = 1_000
    /// The longest a single booking lasts, in minutes, whatever the resource's rules: a year.
    public static let maxBookingMinutes = 366 * 1_440
    /// The most minutes a rule of duration, notice, buffer or deadline counts: a year.
    public static let maxRuleMinutes = 366 * 1_440
    /// The furthest ahead a horizon rule may reach, in days: ten years.
    public static let maxHorizonDays = 3_660
    /// The largest monthly quota, in unit-hours: every unit of the largest resource, all month.
    public static let maxMonthlyQuotaHours = 1_000 * 744
    /// The largest step of a recurrence, in days, weeks or months.
    public static let maxRecurrenceInterval = 366
    /// The longest period a report or allocation run covers, in days: ten years.
    public static let maxPeriodDays = 3_660
    /// The largest measured quantity of actual usage (hours, km or uses) in one record.
    public static let maxUsageQuantity = 1_000_000.0
    /// The largest volume of a commitment, in thousandths of its unit a year: every unit of the
    /// largest resource, every hour of a leap year, with room to spare.
    public static let maxCommitmentThousandths = 10_000_000_000
    /// The largest weight of a member (headcount in FTE, or a custom weight).
    public static let maxWeight = 1_000_000.0

    /// True when an instant lies within the accepted years.
    public static func contains(_ instant: Date) -> Bool {
        instant >= earliestInstant && instant < instantLimit
    }

    /// True when a span of time lies within the accepted years.
    public static func contains(_ range: TimeRange) -> Bool {
        contains(range.start) && range.end <= instantLimit
    }

    /// How the accepted years read in a message.
    public static let yearsText = "from \(years.lowerBound) to \(years.upperBound)"
}
