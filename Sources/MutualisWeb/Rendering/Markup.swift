/// Text written into markup by our own code (the week's table, the SVG charts) rather than by
/// a template, which escapes by itself.
enum Markup {
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
