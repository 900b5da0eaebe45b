/// The markup of a week's table rows and of its list by day, with every text escaped as the
/// templates escape it.
enum WeekMarkup {
    static func rows(_ rows: [WeekPage.Row]) -> String {
        var html = ""
        html.reserveCapacity(rows.count * 7 * 120)
        for row in rows {
            html += "<tr><th scope=\"row\">\(Markup.escape(row.label))</th>"
            for cell in row.cells {
                html += "<td class=\"\(Markup.escape(cell.state))\">"
                if let link = cell.link {
                    html += "<a href=\"\(Markup.escape(link))\">\(Markup.escape(cell.label))"
                    html += "<span class=\"visually-hidden\"> : réserver le \(Markup.escape(cell.context))</span></a>"
                } else {
                    html += Markup.escape(cell.label)
                    if let spoken = cell.spoken { html += "<span class=\"visually-hidden\"> \(Markup.escape(spoken))</span>" }
                }
                html += "</td>"
            }
            html += "</tr>\n"
        }
        return html
    }

    static func list(_ days: [WeekPage.Day]) -> String {
        var html = ""
        for day in days {
            html += "<h3>\(Markup.escape(day.name))</h3>\n<ul>\n"
            for run in day.runs {
                html += "<li>\(Markup.escape(run.span)) : "
                if let link = run.link {
                    html +=
                        "<a href=\"\(Markup.escape(link))\">\(Markup.escape(run.label))<span class=\"visually-hidden\">, réserver</span></a>"
                } else {
                    html += Markup.escape(run.label)
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }
}
