/// Staff time expressed in full-time equivalents, as the funders count it.
public enum FullTimeEquivalent {
    /// The hours one full-time employee works in a year (the French legal 1 607 h).
    public static let hoursPerYear = 1_607.0

    /// The FTE that `hours` worked over `period` amount to: the year's hours are taken pro
    /// rata of the days the period has in each calendar year it spans.
    public static func of(hours: Double, over period: DatePeriod) -> Double {
        hours / (hoursPerYear * yearFraction(of: period))
    }

    /// The part of a year a period is: each day counts 1/365 or 1/366 of its own year.
    public static func yearFraction(of period: DatePeriod) -> Double {
        var fraction = 0.0
        var start = period.start
        while start < period.end {
            let nextYear = LocalDate(year: start.year + 1, month: 1, day: 1)!
            let end = min(nextYear, period.end)
            let yearDays = LocalDate(year: start.year, month: 1, day: 1)!.days(until: nextYear)
            fraction += Double(start.days(until: end)) / Double(yearDays)
            start = end
        }
        return fraction
    }
}
