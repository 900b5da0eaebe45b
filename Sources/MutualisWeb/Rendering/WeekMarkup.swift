/// The markup of a week's table rows and of its list by day, with every text escaped as the
/// templates escape it.
enum WeekMarkup {
    static func rows(_ rows: [WeekPage.Row]) -> String {
        var html = ""
        html.reserveCapacity(rows.count * 7 * 120)
        for row in rows {
            html += "<tr><th scope=\"row\">\(escape(row.label))</th>"
            for cell in row.cells {
                html += "<td class=\"\(escape(cell.state))\">"
                if let link = cell.link {
                    html += "<a href=\"\(escape(link))\">\(escape(cell.label))"
                    html += "<span class=\"visually-hidden\"> : réserver le \(escape(cell.context))</span></a>"
                } else {
                    html += escape(cell.label)
                    if let spoken = cell.spoken { html += "<span class=\"visually-hidden\"> \(escape(spoken))</span>" }
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
            html += "<h3>\(escape(day.name))</h3>\n<ul>\n"
            for run in day.runs {
                html += "<li>\(escape(run.span)) : "
                if let link = run.link {
                    html += "<a href=\"\(escape(link))\">\(escape(run.label))<span class=\"visually-hidden\">, réserver</span></a>"
                } else {
                    html += escape(run.label)
                }
                html += "</li>\n"
            }
            html += "</ul>\n"
        }
        return html
    }

    /// `<`, `>`, `&`, `"` and `'` as entities: text safe in an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
