import Foundation

/// The pieces every HTML report of the project is made of: the page with its style sheet, the header,
/// the figure cards and the panels, and HTML escaping.
///
/// The simulator's report, the staffing plan, the audit and ``DeskReportPage`` share them, so the
/// pages look alike. Pages are self-contained: one inline style sheet and inline SVG, no scripts,
/// fonts or images loaded from anywhere. Every text that may come from a member, an agent or a
/// configuration goes through ``escape(_:)``.
public enum ReportHTML {
    /// The style sheet every report page carries inline.
    public static let style = """
        :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--blue:#2563eb;--green:#16a34a;--red:#dc2626;\
        --amber:#d97706;--bg:#f8fafc}
        *{box-sizing:border-box}body{margin:0;padding:28px 36px;font:14px/1.45 -apple-system,BlinkMacSystemFont,\
        "Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        h1{font-size:24px;margin:0 0 4px}header p{margin:0 0 18px;color:var(--muted)}
        h2{font-size:16px;margin:0}.sub{color:var(--muted);font-size:12.5px;margin:2px 0 10px}
        .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:16px}
        .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
        .card .t{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        .card .v{font-size:26px;font-weight:650;margin:2px 0}.card .n{color:var(--muted);font-size:12px}
        .panel{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin-bottom:16px}
        .row{display:grid;grid-template-columns:1fr 1fr;gap:16px}.row .panel{margin-bottom:16px}
        svg{display:block;width:100%;height:auto}svg text{font-size:11px;fill:var(--muted)}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}
        th{color:var(--muted);font-weight:600;font-size:12px}td.num,th.num{text-align:right}
        footer{color:var(--muted);font-size:12px;margin-top:8px}
        """

    /// Escapes text for HTML content and double-quoted attribute values: `&`, `<`, `>` and `"`.
    ///
    /// - Parameter text: Any text, a member's included.
    /// - Returns: The text with those characters replaced by their entities.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A whole page: the document, its title, the style sheet, the body and a footer.
    ///
    /// - Parameters:
    ///   - title: The page's title, escaped here.
    ///   - body: The body's HTML, already escaped where it holds text.
    ///   - footer: The footer's text, escaped here.
    /// - Returns: The document.
    public static func document(title: String, body: String, footer: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(style)</style></head>
        <body>\(body)
        <footer>\(escape(footer))</footer>
        </body></html>

        """
    }

    /// The page's header: a heading and a line under it.
    ///
    /// - Parameters:
    ///   - title: The heading, escaped here.
    ///   - subtitle: The line under it, escaped here.
    /// - Returns: The header's HTML, ending with a newline.
    public static func header(title: String, subtitle: String) -> String {
        "<header><h1>\(escape(title))</h1>\n<p>\(escape(subtitle))</p></header>\n"
    }

    /// A row of figure cards: each a title, a big value and a note.
    ///
    /// - Parameter cards: The cards' title, value and note, each escaped here.
    /// - Returns: The cards' section, ending with a newline.
    public static func cards(_ cards: [(title: String, value: String, note: String)]) -> String {
        var html = "<section class=\"cards\">"
        for card in cards {
            html += "<div class=\"card\"><div class=\"t\">\(escape(card.title))</div>"
            html += "<div class=\"v\">\(escape(card.value))</div>"
            html += "<div class=\"n\">\(escape(card.note))</div></div>\n"
        }
        return html + "</section>\n"
    }

    /// A panel: a heading, a line saying what it shows, and its content.
    ///
    /// - Parameters:
    ///   - title: The heading, escaped here.
    ///   - subtitle: What the panel shows, escaped here.
    ///   - content: The content's HTML (a chart, a table), already escaped where it holds text.
    /// - Returns: The panel's HTML, ending with a newline.
    public static func panel(_ title: String, _ subtitle: String, _ content: String) -> String {
        "<section class=\"panel\"><h2>\(escape(title))</h2><p class=\"sub\">\(escape(subtitle))</p>\(content)</section>\n"
    }

    /// A number for an SVG attribute, with one decimal: `12.5`.
    ///
    /// - Parameter value: The number.
    /// - Returns: The text.
    public static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A round upper bound for a chart's axis: 4, 8, 12, 20, 40, … at least `value`.
    ///
    /// - Parameter value: The largest value shown.
    /// - Returns: The axis's top.
    public static func niceCeiling(_ value: Int) -> Int {
        for step in [4, 8, 12, 20, 40, 60, 80, 100, 120, 160, 200, 400, 600, 800, 1000, 2000, 4000] where value <= step
        {
            return step
        }
        return ((value + 3999) / 4000) * 4000
    }

    /// A day as `Mon 5 Jan 2026` in a time zone.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - timeZone: Where the day is read.
    /// - Returns: The text.
    public static func day(_ date: Date, in timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE d MMM yyyy"
        return formatter.string(from: date)
    }
}
