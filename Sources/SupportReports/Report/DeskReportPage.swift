import Foundation
import SupportMetrics

/// A ``DeskReport`` as a self-contained HTML page, in the simulator's style: figure cards, SVG charts
/// (tickets and attainment per week, the first-reply distribution, attainment per channel) and one
/// table per breakdown.
///
/// No scripts, fonts or images are loaded from anywhere, and every name, label and title is escaped:
/// an agent called `<script>` shows as text.
public struct DeskReportPage: Sendable {
    /// The report shown.
    public let report: DeskReport

    /// Creates a page.
    ///
    /// - Parameter report: The report.
    public init(_ report: DeskReport) {
        self.report = report
    }

    /// The page.
    public var html: String {
        let overall = report.overall
        let zone = TimeZone(identifier: report.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let last = report.period.to.addingTimeInterval(-1)
        let sla = overall.slaAttainment
        var body = ReportHTML.header(
            title: "\(report.title) — support report",
            subtitle: "\(ReportHTML.day(report.period.from, in: zone)) to \(ReportHTML.day(last, in: zone)) · "
                + "time zone \(report.timeZone) · \(report.byAgent.count { !$0.key.isEmpty }) agent(s)"
        )
        body += ReportHTML.cards([
            ("Tickets", "\(overall.tickets)", "\(overall.resolved) solved"),
            (
                "First reply", DurationFormat.short(overall.firstReplyMedian),
                "median · p90 \(DurationFormat.short(overall.firstReplyP90))"
            ),
            (
                "Resolution", DurationFormat.short(overall.resolutionMedian),
                "median · p90 \(DurationFormat.short(overall.resolutionP90))"
            ),
            ("SLA attainment", DurationFormat.percent(sla.rate), "\(sla.onTime) of \(sla.total) promises kept"),
            (
                "First reply on time", DurationFormat.percent(overall.firstReplyAttainment.rate),
                "\(overall.firstReplyAttainment.total - overall.firstReplyAttainment.onTime) late"
            ),
            (
                "CSAT", DurationFormat.percent(overall.csat),
                "\(overall.ratings) ratings, avg " + (overall.averageRating.map { String(format: "%.2f", $0) } ?? "—")
            ),
        ])
        body += "<div class=\"row\">"
        body += ReportHTML.panel(
            "Tickets per week",
            "Tickets created each week, Monday first; under each, the share of promises kept (red under 90%).",
            ReportCharts.weeklyBars(
                report.byWeek.map {
                    ReportCharts.WeekBar(
                        label: $0.key,
                        tickets: $0.figures.tickets,
                        attainment: $0.figures.slaAttainment
                    )
                }
            )
        )
        body += ReportHTML.panel(
            "First reply",
            "Time from the member's first message to the first public reply; the line is the target.",
            ReportCharts.firstReplyHistogram(report.firstReplyTimes, target: report.firstReplyTarget ?? 24 * 3600)
        )
        body += "</div>"
        body += ReportHTML.panel(
            "SLA attainment by channel",
            "Share of first replies and resolutions within their promise.",
            ReportCharts.attainmentBars(
                report.byChannel.map {
                    ReportCharts.AttainmentRow(
                        label: $0.label,
                        firstReply: $0.figures.firstReplyAttainment,
                        resolution: $0.figures.resolutionAttainment
                    )
                }
            )
        )
        body += ReportHTML.panel(
            "Agents",
            "Tickets by the agent they are assigned to.",
            Self.table("Agent", report.byAgent)
        )
        body += ReportHTML.panel(
            "Channels",
            "Tickets by the channel they arrived on.",
            Self.table("Channel", report.byChannel)
        )
        body += ReportHTML.panel("Reasons", "Tickets by why the member wrote.", Self.table("Reason", report.byReason))
        body += ReportHTML.panel("Weeks", "Tickets by the week they were created.", Self.table("Week", report.byWeek))
        return ReportHTML.document(
            title: "\(report.title) — support report",
            body: body,
            footer: "support-engine · computed from the desk's tickets and ratings"
        )
    }

    /// A breakdown as a table, one row per group.
    static func table(_ heading: String, _ rows: [ReportRow]) -> String {
        var html = "<table><tr><th>\(ReportHTML.escape(heading))</th><th class=\"num\">Tickets</th>"
        html += "<th class=\"num\">Solved</th><th class=\"num\">First reply p50</th><th class=\"num\">p90</th>"
        html += "<th class=\"num\">Resolution p50</th><th class=\"num\">p90</th><th class=\"num\">SLA on time</th>"
        html += "<th class=\"num\">CSAT</th></tr>"
        if rows.isEmpty { html += "<tr><td colspan=\"9\">no tickets in the period</td></tr>" }
        for row in rows {
            let figures = row.figures
            let cells = [
                "\(figures.tickets)", "\(figures.resolved)",
                DurationFormat.short(figures.firstReplyMedian), DurationFormat.short(figures.firstReplyP90),
                DurationFormat.short(figures.resolutionMedian), DurationFormat.short(figures.resolutionP90),
                DurationFormat.percent(figures.slaAttainment.rate)
                    + " (\(figures.slaAttainment.onTime)/\(figures.slaAttainment.total))",
                DurationFormat.percent(figures.csat) + " (\(figures.ratings))",
            ]
            html += "<tr><td>\(ReportHTML.escape(row.label))</td>"
            html += cells.map { "<td class=\"num\">\(ReportHTML.escape($0))</td>" }.joined()
            html += "</tr>"
        }
        return html + "</table>"
    }
}
