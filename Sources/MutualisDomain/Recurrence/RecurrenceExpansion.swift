import Foundation

extension RecurrenceRule {
    /// The default bound on a series' occurrences.
    public static let defaultMaximumOccurrences = 500

    /// The occurrences of a series whose first booking is `first`, each at the same wall-clock
    /// time and of the same wall-clock length as the first: a weekly 09:00–11:00 stays
    /// 09:00–11:00 across daylight-saving changes (and so lasts an hour more or less in real
    /// time only if it spans the change itself). An occurrence the spring gap would swallow
    /// (02:30–03:30 on 29 March in Paris) starts after the gap and keeps the first's real length.
    ///
    /// Occurrences fall on dates matching the rule, on or after the first one's date; a
    /// monthly rule skips months without the first one's day (the 31st). Refuses to give more
    /// than `maximum` occurrences.
    public func occurrences(
        startingWith first: TimeRange,
        in zone: PoleTimeZone,
        maximum: Int = RecurrenceRule.defaultMaximumOccurrences
    ) throws(RecurrenceError) -> [TimeRange] {
        try validate()
        if let count, count > maximum { throw .tooManyOccurrences(maximum: maximum) }
        let startLocal = zone.local(first.start)
        let endLocal = zone.local(first.end)
        let wallMinutes = endLocal.wallMinutes - startLocal.wallMinutes
        let startSubMinute = first.start.timeIntervalSince(zone.instant(startLocal))
        let endSubMinute = first.end.timeIntervalSince(zone.instant(endLocal))

        var result: [TimeRange] = []
        for date in candidateDates(from: startLocal.date) {
            if let count, result.count == count { break }
            let start = zone.instant(LocalDateTime(date, startLocal.time)).addingTimeInterval(startSubMinute)
            if let until, start > until { break }
            guard result.count < maximum else { throw .tooManyOccurrences(maximum: maximum) }
            let endWall = LocalDateTime(date, startLocal.time).wallMinutes + wallMinutes
            let endDate = LocalDate(daysSinceEpoch: endWall.floorDiv(1440))
            let wallEnd = zone.instant(LocalDateTime(endDate, LocalTime(minutes: endWall.floorMod(1440))!)).addingTimeInterval(endSubMinute)
            let end = wallEnd > start ? wallEnd : start.addingTimeInterval(first.duration)
            guard end <= InputBounds.instantLimit else { throw .beyondAcceptedYears }
            result.append(TimeRange(start: start, end: end)!)
        }
        return result
    }

    private func validate() throws(RecurrenceError) {
        if count != nil && until != nil { throw .countAndUntil }
        if count == nil && until == nil { throw .unbounded }
        if let count, count < 1 { throw .invalidCount(count) }
        if !(1...InputBounds.maxRecurrenceInterval).contains(interval) { throw .invalidInterval(interval) }
        if let weekdays, weekdays.isEmpty || frequency == .monthly { throw .invalidWeekdays }
    }

    /// The dates matching the rule from `start` on, lazily; bounded so that a rule whose
    /// dates run out (it cannot, once validated) still ends.
    private func candidateDates(from start: LocalDate) -> some Sequence<LocalDate> {
        let frequency = frequency
        let interval = interval
        let weekdays = weekdays
        let steps = (0..<100_000).lazy
        switch frequency {
        case .daily:
            return AnySequence(
                steps.map { start.adding(days: $0 * interval) }
                    .filter { weekdays?.contains($0.weekday) ?? true }
            )
        case .weekly:
            let monday = start.adding(days: 1 - start.weekday.isoNumber)
            let days = (weekdays ?? [start.weekday]).sorted()
            return AnySequence(
                steps.flatMap { week in days.map { monday.adding(days: week * 7 * interval + $0.isoNumber - 1) } }
                    .filter { $0 >= start }
            )
        case .monthly:
            return AnySequence(steps.compactMap { start.adding(months: $0 * interval) })
        }
    }
}
