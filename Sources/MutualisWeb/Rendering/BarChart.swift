import Foundation

/// A horizontal bar chart as inline SVG, drawn by our own code: each bar carries its label and
/// its value in words beside it, so that nothing is told by colour alone, and the chart is one
/// image (`role="img"`) named by its title and described by its description. The page shows
/// a table of the same figures after it.
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: Double
        var valueText: String
    }

    /// Unique within the page: the ids of the title and description derive from it.
    var id: String
    var title: String
    var description: String
    var bars: [Bar]
    /// The value of a full bar; the largest bar's value when nil.
    var scale: Double?

    static let width = 640.0
    static let rowHeight = 52.0

    /// The SVG markup, every text escaped.
    var svg: String {
        let top = bars.map(\.value).max() ?? 0
        let full = max(scale ?? top, .leastNonzeroMagnitude)
        let height = Double(max(bars.count, 1)) * Self.rowHeight + 8
        var markup = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(height))" role="img" \
            aria-labelledby="\(id)-titre \(id)-description" focusable="false">\
            <title id="\(id)-titre">\(Markup.escape(title))</title><desc id="\(id)-description">\(Markup.escape(description))</desc>
            """
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * Self.rowHeight
            let barWidth = max(0, min(1, bar.value / full)) * (Self.width * 0.7)
            markup += """
                <text x="0" y="\(Int(y + 18))" font-size="16" fill="#1b1b1b">\(Markup.escape(bar.label))</text>\
                <rect x="0" y="\(Int(y + 26))" width="\(String(format: "%.1f", barWidth))" height="18" fill="#004c99"></rect>\
                <text x="\(String(format: "%.1f", barWidth + 8))" y="\(Int(y + 41))" font-size="16" font-weight="700" fill="#1b1b1b">\(Markup.escape(bar.valueText))</text>
                """
        }
        return markup + "</svg>"
    }
}
