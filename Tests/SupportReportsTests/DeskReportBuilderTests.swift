import Foundation
import SupportCore
import SupportMetrics
import SupportReports
import Testing

private let start = Date(timeIntervalSince1970: 1_767_571_200)  // Monday 2026-01-05 00:00 UTC

private func facts(
    _ id: String,
    hours: Double,
    agent: AgentID? = nil,
    channel: ChannelKind = .email,
    reply: Double? = nil,
    solve: Double? = nil,
    onTime: Bool? = nil,
    rating: Int? = nil
) -> TicketFacts {
    let created = start.addingTimeInterval(hours * 3600)
    return TicketFacts(
        id: TicketID(id),
        createdAt: created,
        channel: channel,
        reason: .access,
        priority: .normal,
        agent: agent,
        firstReplyAt: reply.map { created.addingTimeInterval($0) },
        resolvedAt: solve.map { created.addingTimeInterval($0) },
        firstReplyOnTime: onTime,
        resolutionOnTime: nil,
        rating: rating
    )
}

@Suite("Desk report builder")
struct DeskReportBuilderTests {
    @Test("periods must end after they start and be at most 1,000 days long")
    func periods() throws {
        #expect(throws: ReportError.self) { try ReportPeriod(from: start, to: start) }
        #expect(throws: ReportError.self) { try ReportPeriod(from: start, to: start.addingTimeInterval(-1)) }
        #expect(throws: ReportError.self) {
            try ReportPeriod(from: start, to: start.addingTimeInterval(1_001 * 86_400))
        }
        let period = try ReportPeriod(from: start, to: start.addingTimeInterval(86_400))
        #expect(period.contains(start))
        #expect(!period.contains(start.addingTimeInterval(86_400)))
    }

    @Test("medians, percentiles, attainment and CSAT per group; tickets outside the period left out")
    func groups() throws {
        let period = try ReportPeriod(from: start, to: start.addingTimeInterval(14 * 86_400))
        var builder = DeskReportBuilder(title: "Club", period: period, timeZone: TimeZone(identifier: "UTC")!)
        builder.agentNames = ["olga": "Olga"]
        builder.add(facts("T1", hours: 10, agent: "olga", reply: 600, solve: 3600, onTime: true, rating: 5))
        builder.add(facts("T2", hours: 11, agent: "olga", reply: 1200, onTime: true, rating: 4))
        builder.add(facts("T3", hours: 12, agent: "olga", reply: 7200, onTime: false, rating: 1))
        builder.add(facts("T4", hours: 24 * 8, channel: .telegram))
        builder.add(facts("T5", hours: -1, agent: "olga", reply: 10))
        #expect(builder.count == 4)
        let report = builder.build()
        #expect(report.overall.tickets == 4)
        #expect(report.overall.firstReplyMedian == 1200)
        #expect(report.overall.firstReplyP90 == 7200)
        #expect(report.overall.resolutionMedian == 3600)
        #expect(report.overall.firstReplyAttainment == Attainment(onTime: 2, total: 3))
        #expect(report.overall.csat == 2.0 / 3.0)
        #expect(report.byAgent.map(\.label) == ["Olga", "unassigned"])
        #expect(report.byAgent.map(\.figures.tickets) == [3, 1])
        #expect(report.byChannel.map(\.key) == ["email", "telegram"])
        #expect(report.byWeek.map(\.key) == ["2026-01-05", "2026-01-12"])
        #expect(report.byWeek.map(\.figures.tickets) == [3, 1])
        #expect(report.byReason.map(\.key) == [ContactReason.access.rawValue])
    }

    @Test("weeks start on Monday in the report's time zone, empty weeks included")
    func weeks() throws {
        // Sunday 2026-01-04 23:30 in UTC is Monday 02:30 in Moscow.
        let period = try ReportPeriod(
            from: start.addingTimeInterval(-7 * 86_400),
            to: start.addingTimeInterval(14 * 86_400)
        )
        var builder = DeskReportBuilder(title: "Club", period: period, timeZone: TimeZone(identifier: "Europe/Moscow")!)
        builder.add(facts("T1", hours: -0.5))
        let report = builder.build()
        // The period ends Monday 2026-01-19 00:00 UTC, 03:00 in Moscow: that week has three hours in it.
        #expect(report.byWeek.map(\.key) == ["2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19"])
        #expect(report.byWeek.map(\.figures.tickets) == [0, 1, 0, 0])
    }

    @Test("the page escapes every label, holds SVG and no script")
    func page() throws {
        let period = try ReportPeriod(from: start, to: start.addingTimeInterval(7 * 86_400))
        var builder = DeskReportBuilder(title: "<i>Club</i>", period: period, timeZone: TimeZone(identifier: "UTC")!)
        builder.agentNames = ["x": "\"><script>alert(1)</script>"]
        builder.add(
            facts("T1", hours: 1, agent: "x", channel: ChannelKind(rawValue: "<svg onload=alert(1)>"), reply: 60)
        )
        let html = builder.build().html
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<svg viewBox"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<svg onload"))
        #expect(!html.contains("<i>Club"))
        #expect(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test("escaping replaces the four characters that matter in text and attributes")
    func escaping() {
        #expect(ReportHTML.escape("a & <b> \"c\"") == "a &amp; &lt;b&gt; &quot;c&quot;")
    }
}

@Suite("Report charts")
struct ReportChartsTests {
    @Test("a year of weeks: bars never get a negative width and at most eight weeks are labelled")
    func manyWeeks() {
        let weeks = (0..<60).map {
            ReportCharts.WeekBar(label: "w\($0)", tickets: $0, attainment: Attainment(onTime: 1, total: 2))
        }
        let svg = ReportCharts.weeklyBars(weeks)
        #expect(!svg.contains("width=\"-"))
        #expect(svg.components(separatedBy: "on time</text>").count - 1 == 8)
        #expect(svg.components(separatedBy: "<rect").count - 1 == 60)
    }

    @Test("no weeks: an empty chart that says so")
    func noWeeks() {
        #expect(ReportCharts.weeklyBars([]).contains("no tickets in the period"))
    }
}
