import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// The week of a resource, Monday first: a table of rows of its slots, and the same as a list
/// by day for narrow screens.
struct WeekPage: Sendable {
    struct Day: Sendable {
        var name: String
        var runs: [Run]
    }

    struct Row: Sendable {
        var label: String
        var cells: [Cell]
    }

    struct Cell: Sendable {
        var label: String
        var state: String
        var link: String?
        var context: String
        /// Words for a screen reader where the label is a sign.
        var spoken: String?
    }

    /// Consecutive slots of a day in the same state, for the list by day.
    struct Run: Sendable {
        var span: String
        var label: String
        var link: String?
    }

    var frame: Frame
    var resource: String
    var caption: String
    var days: [String]
    /// The table's rows and the list by day, built here with every text escaped: a week is
    /// some 170 cells, which the template engine, looking each field up by reflection, takes
    /// milliseconds to render.
    var rowsMarkup: String
    var listMarkup: String
    var previous: String
    var next: String
    var bookLink: String
}

extension Website {
    func weekPage(_ session: WebSession, _ context: some WebRequestContext, resource id: ResourceID, week: LocalDate?) async throws
        -> Response
    {
        let zone = session.timeZone
        let now = Date()
        let shown = week ?? zone.date(of: now)
        let monday = shown.adding(days: -(shown.weekday.isoNumber - 1))
        guard InputBounds.contains(zone.startOfDay(monday)), InputBounds.contains(zone.startOfDay(monday.adding(days: 8))),
            let window = TimeRange(start: zone.startOfDay(monday), end: zone.startOfDay(monday.adding(days: 7)))
        else { return notFound(context) }
        let resource: Resource
        do {
            resource = try await resources.get(pole: session.principal.poleID, id)
        } catch StoreError.notFound {
            return notFound(context)
        }
        let availability = try await bookings.availability(pole: session.principal.poleID, resource: id, window: window)
        let open = availability.openSpans(within: window)
        let free = availability.freeSpans(inOpen: open)
        var mine: [TimeRange] = []
        if let member = session.principal.memberID {
            mine = try await bookings.spans(of: member, pole: session.principal.poleID, resource: id, window: window)
        }
        let step = Self.rowMinutes(resource.rules.slotMinutes)
        let (first, last) = Self.shownHours(resource.rules.openingHours, step: step)
        let days = (0..<7).map { monday.adding(days: $0) }
        var rows: [WeekPage.Row] = []
        var runs = Array(repeating: [WeekPage.Run](), count: 7)
        for minute in stride(from: first, to: last, by: step) {
            let from = LocalTime(minutes: minute)!
            let to = LocalTime(minutes: min(minute + step, 1_440))!
            let rowLabel = "\(FrenchFormat.time(from)) – \(FrenchFormat.time(to))"
            var cells: [WeekPage.Cell] = []
            for (index, day) in days.enumerated() {
                let start = zone.instant(LocalDateTime(day, from))
                let end = to == .endOfDay ? zone.startOfDay(day.adding(days: 1)) : zone.instant(LocalDateTime(day, to))
                let slotName = "\(FrenchFormat.dayAndMonth(day)), \(rowLabel)"
                // An hour the change to summer time skips has no real time to book.
                var cell = WeekPage.Cell(
                    label: "—", state: "none", link: nil, context: slotName, spoken: "heure sautée au passage à l’heure d’été")
                if let slot = TimeRange(start: start, end: end) {
                    cell.spoken = nil
                    let link = "/reserver?resourceId=\(id)&date=\(day)&start=\(from)&end=\(to)"
                    if slot.end <= now {
                        cell.label = "Passé"
                        cell.state = "past"
                    } else if !open.contains(where: { $0.overlaps(slot) }) {
                        cell.label = "Fermé"
                        cell.state = "closed"
                    } else if mine.contains(where: { $0.overlaps(slot) }) {
                        cell.label = "Votre réservation"
                        cell.state = "mine"
                    } else if free.contains(where: { $0.range.contains(slot) }) {
                        cell.label = "Libre"
                        cell.state = "free"
                        cell.link = link
                    } else if free.contains(where: { $0.range.overlaps(slot) }) {
                        cell.label = "En partie libre"
                        cell.state = "partly"
                        cell.link = link
                    } else {
                        cell.label = "Réservé"
                        cell.state = "taken"
                    }
                }
                cells.append(cell)
                if let previous = runs[index].last, previous.label == cell.label, previous.link == nil, cell.link == nil {
                    runs[index][runs[index].count - 1].span = Self.extend(previous.span, to: to)
                } else {
                    runs[index].append(WeekPage.Run(span: rowLabel, label: cell.label, link: cell.link))
                }
            }
            rows.append(WeekPage.Row(label: rowLabel, cells: cells))
        }
        let sunday = monday.adding(days: 6)
        let page = WeekPage(
            frame: frame(context, "\(resource.name), semaine du \(FrenchFormat.dayAndMonth(monday))", section: "/ressources"),
            resource: resource.name,
            caption: "\(resource.name) : semaine du \(FrenchFormat.date(monday)) au \(FrenchFormat.date(sunday))",
            days: days.map { "\(FrenchFormat.weekdays[$0.weekday.isoNumber - 1]) \(FrenchFormat.dayAndMonth($0))" },
            rowsMarkup: WeekMarkup.rows(rows),
            listMarkup: WeekMarkup.list(
                days.enumerated().map { index, day in WeekPage.Day(name: FrenchFormat.date(day), runs: runs[index]) }),
            previous: "/ressources/\(id)?semaine=\(monday.adding(days: -7))",
            next: "/ressources/\(id)?semaine=\(monday.adding(days: 7))",
            bookLink: "/reserver?resourceId=\(id)"
        )
        return renderer.page(.semaine, page)
    }

    /// Rows as long as the resource's slot, and at least half an hour, in whole slots.
    static func rowMinutes(_ slot: Int?) -> Int {
        guard let slot, slot > 0 else { return 60 }
        return slot >= 30 ? slot : slot * ((30 + slot - 1) / slot)
    }

    /// The hours the table shows: from the earliest opening to the latest closing of the
    /// week, on whole rows; the whole day without opening hours.
    static func shownHours(_ hours: WeeklySchedule?, step: Int) -> (Int, Int) {
        let ranges = hours?.days.values.flatMap { $0 } ?? []
        guard let opens = ranges.map(\.opens.minutes).min(), let closes = ranges.map(\.closes.minutes).max() else { return (0, 1_440) }
        return (opens - opens % step, min(1_440, closes + (step - closes % step) % step))
    }

    /// `9 h – 10 h` extended to `9 h – 11 h`.
    static func extend(_ span: String, to end: LocalTime) -> String {
        let start = span.components(separatedBy: " – ").first ?? span
        return "\(start) – \(FrenchFormat.time(end))"
    }
}
