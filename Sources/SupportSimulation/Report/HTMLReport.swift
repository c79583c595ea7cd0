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
        let cards: [(title: String, value: String, note: String)] = [
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
        var body = ReportHTML.header(
            title: "\(result.clubName) — support simulation",
            subtitle: "\(days) days from \(day(result.period.start)) · time zone \(result.timeZone.identifier) · "
                + "\(result.agentNames.count) agent(s)"
        )
        body += ReportHTML.cards(cards)
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
        return ReportHTML.document(
            title: "\(result.clubName) — support simulation",
            body: body,
            footer: "support-engine · supportdesk simulate · computed from the desk's event log"
        )
    }

    /// The style sheet every report page carries inline (``ReportHTML/style``).
    static var style: String { ReportHTML.style }

    func panel(_ title: String, _ subtitle: String, _ content: String) -> String {
        ReportHTML.panel(title, subtitle, content)
    }

    func escape(_ text: String) -> String { ReportHTML.escape(text) }

    func day(_ date: Date) -> String { ReportHTML.day(date, in: result.timeZone) }
}
