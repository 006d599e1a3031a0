import WiretraceCore

/// Small charts drawn on the server as inline SVG (no JavaScript). Labels go through `HTML`'s
/// escaping like every other text.
enum Charts {
    /// One point of a story's spread.
    struct TimelinePoint {
        var label: String
        var role: String
        var seconds: Double
        /// Index into the points of the member this one derives from, to draw the link.
        var source: Int?
    }

    static let roleColours = ["origin": "#1b5e20", "copy": "#b71c1c", "excerpt": "#e65100", "rewrite": "#0d47a1"]

    /// A timeline of a story's spread: one row per member (in the given order), time left to
    /// right, a line from each copy, excerpt or rewrite to its source.
    static func timeline(_ points: [TimelinePoint]) -> HTML {
        guard let first = points.map(\.seconds).min(), let last = points.map(\.seconds).max() else {
            return "<p class=\"muted\">No publication times known: no timeline.</p>"
        }
        let labelWidth = 190.0, plotWidth = 520.0, rowHeight = 18.0, top = 24.0
        let span = max(last - first, 60)
        let height = top + rowHeight * Double(points.count) + 8
        func x(_ seconds: Double) -> Double { labelWidth + 10 + (seconds - first) / span * (plotWidth - 20) }
        func y(_ row: Int) -> Double { top + rowHeight * Double(row) + rowHeight / 2 }
        var parts: [HTML] = []
        parts.append(
            "<text x=\"\(number(labelWidth + 10))\" y=\"14\" class=\"axis\">\(DisplayFormat.shortTime(first))</text>"
                + "<text x=\"\(number(labelWidth + plotWidth - 10))\" y=\"14\" text-anchor=\"end\" class=\"axis\">\(DisplayFormat.duration(last - first))</text>")
        for (row, point) in points.enumerated() {
            if let source = point.source, source < points.count {
                parts.append(
                    "<line x1=\"\(number(x(points[source].seconds)))\" y1=\"\(number(y(source)))\" x2=\"\(number(x(point.seconds)))\" y2=\"\(number(y(row)))\" stroke=\"#999\" stroke-width=\"1\"/>")
            }
        }
        for (row, point) in points.enumerated() {
            let colour = roleColours[point.role] ?? "#555"
            parts.append(
                """
                <text x="\(number(labelWidth))" y="\(number(y(row) + 4))" text-anchor="end" class="label">\(DisplayFormat.clipped(point.label, limit: 28))</text>\
                <circle cx="\(number(x(point.seconds)))" cy="\(number(y(row)))" r="5" fill="\(colour)"><title>\(point.role): \(point.label), \(DisplayFormat.shortTime(point.seconds))</title></circle>
                """)
        }
        return """
            <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="\(number(labelWidth + plotWidth))" height="\(number(height))" role="img" aria-label="timeline of the story's spread">\(parts)</svg>
            """
    }

    /// A horizontal stacked bar: own reporting, credited wire copy, uncredited wire copy.
    static func shareBar(own: Int, credited: Int, uncredited: Int) -> HTML {
        let total = max(own + credited + uncredited, 1)
        let width = 400.0
        var x = 0.0
        var parts: [HTML] = []
        for (count, colour, name) in [(own, "#607d8b", "own"), (credited, "#2e7d32", "credited wire copy"), (uncredited, "#c62828", "uncredited wire copy")] where count > 0 {
            let w = width * Double(count) / Double(total)
            parts.append("<rect x=\"\(number(x))\" y=\"0\" width=\"\(number(w))\" height=\"22\" fill=\"\(colour)\"><title>\(name): \(count)</title></rect>")
            x += w
        }
        return """
            <svg class="chart" xmlns="http://www.w3.org/2000/svg" width="400" height="22" role="img" aria-label="wire share">\(parts)</svg>
            """
    }

    /// A coordinate with one decimal.
    static func number(_ value: Double) -> HTML {
        let tenths = Int((value * 10).rounded())
        return HTML(trusted: "\(tenths / 10).\(abs(tenths % 10))")
    }
}
