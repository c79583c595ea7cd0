import Foundation
import SupportEngine

/// A self-contained HTML page with inline SVG charts of a simulation: queue depth over time, the
/// first-reply distribution against the target, SLA attainment by priority, arrivals by hour of week.
///
/// No scripts, fonts or images are loaded from anywhere: the page opens offline.
public struct HTMLReport: Sendable {
    /// The result shown.
    public let result: SimulationResult

    /// Creates a report.
    ///
    /// - Parameter result: The result.
    public init(_ result: SimulationResult) {
        self.result = result
    }

    /// The page.
    public var html: String {
        let metrics = result.metrics
        let days = Int(result.period.duration / 86_400)
        let firstReplyAttainment = metrics.attainment[.firstReply]?.rate
        let cards: [(String, String, String)] = [
            ("Tickets", "\(metrics.ticketCount)", "\(metrics.resolvedCount) solved or closed"),
            (
                "First reply", DurationFormat.short(metrics.firstReplyCalendar.p50),
                "median · p90 \(DurationFormat.short(metrics.firstReplyCalendar.p90))"
            ),
            (
                "Resolution", DurationFormat.short(metrics.resolutionCalendar.p50),
                "median · p90 \(DurationFormat.short(metrics.resolutionCalendar.p90))"
            ),
            (
                "First reply on time", DurationFormat.percent(firstReplyAttainment),
                "\(metrics.breaches[.firstReply] ?? 0) breaches"
            ),
            ("Queue peak", "\(metrics.backlogPeak)", "open tickets at once"),
            (
                "CSAT", DurationFormat.percent(metrics.satisfaction.satisfiedShare),
                "\(metrics.satisfaction.count) ratings, avg "
                    + (metrics.satisfaction.average.map { String(format: "%.2f", $0) } ?? "—")
            ),
        ]
        var body = """
            <header><h1>\(escape(result.clubName)) — support simulation</h1>
            <p>\(days) days from \(day(result.period.start)) · time zone \(escape(result.timeZone.identifier)) · \
            \(result.agentNames.count) agent(s)</p></header>
            <section class="cards">
            """
        for (title, value, note) in cards {
            body += "<div class=\"card\"><div class=\"t\">\(title)</div><div class=\"v\">\(value)</div>"
            body += "<div class=\"n\">\(escape(note))</div></div>\n"
        }
        body += "</section>\n"
        body += panel(
            "Open tickets over time",
            "Tickets neither solved nor closed; shaded: business hours.",
            queueChart()
        )
        body += "<div class=\"row\">"
        body += panel(
            "First reply",
            "Time from the member's first message to the first public reply; the line is the target.",
            firstReplyChart()
        )
        body += panel(
            "SLA attainment by priority",
            "Share of clocks met on time, against the promises.",
            attainmentChart()
        )
        body += "</div>"
        body += panel("Arrivals by hour of week", "New tickets per local hour, Monday first.", heatmap())
        body += panel("Agents", "From the event log.", agentTable())
        body += panel(
            "Slowest first replies",
            "The tickets members waited longest for, by the number they saw.",
            slowestFirstRepliesTable()
        )
        body += panel(
            "Member journey",
            "Joins, cancellations and exit reasons; the journey's messages, read back from the desk.",
            journeyTable()
        )
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(result.clubName)) — support simulation</title>
            <style>\(Self.style)</style></head>
            <body>\(body)
            <footer>support-engine · supportdesk simulate · computed from the desk's event log</footer>
            </body></html>

            """
    }

    static let style = """
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

    func panel(_ title: String, _ subtitle: String, _ content: String) -> String {
        "<section class=\"panel\"><h2>\(title)</h2><p class=\"sub\">\(escape(subtitle))</p>\(content)</section>\n"
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = result.timeZone
        formatter.dateFormat = "EEE d MMM yyyy"
        return formatter.string(from: date)
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
