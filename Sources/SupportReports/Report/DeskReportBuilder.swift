import Foundation
import SupportCore
import SupportMetrics

/// Builds a ``DeskReport`` from tickets' facts: a pure computation, so the same facts always give the
/// same report.
///
/// ```swift
/// var builder = DeskReportBuilder(title: "Chess Club", period: period, timeZone: zone)
/// builder.agentNames = ["olga": "Olga"]
/// for ticket in tickets { builder.add(facts(of: ticket)) }
/// let report = builder.build()
/// ```
public struct DeskReportBuilder: Sendable {
    /// The report's title.
    public var title: String
    /// The instants covered; facts of tickets created outside it are left out.
    public var period: ReportPeriod
    /// The time zone weeks are read in.
    public var timeZone: TimeZone
    /// The agents' names by id; an agent without one shows its id.
    public var agentNames: [AgentID: String] = [:]
    /// The first-reply promise drawn on the histogram, in seconds.
    public var firstReplyTarget: TimeInterval?
    private var facts: [TicketFacts] = []

    /// Creates a builder with no tickets.
    ///
    /// - Parameters:
    ///   - title: The report's title.
    ///   - period: The instants covered.
    ///   - timeZone: The time zone weeks are read in.
    public init(title: String, period: ReportPeriod, timeZone: TimeZone) {
        self.title = title
        self.period = period
        self.timeZone = timeZone
    }

    /// Adds a ticket; one created outside the period is left out.
    ///
    /// - Parameter ticket: The ticket's facts.
    public mutating func add(_ ticket: TicketFacts) {
        guard period.contains(ticket.createdAt) else { return }
        facts.append(ticket)
    }

    /// How many tickets were added inside the period.
    public var count: Int { facts.count }

    /// Computes the report.
    ///
    /// - Returns: The report, its rows in a stable order.
    public func build() -> DeskReport {
        let ordered = facts.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let agents = Dictionary(grouping: ordered) { $0.agent }
            .map { agent, tickets in
                ReportRow(
                    key: agent?.rawValue ?? "",
                    label: agent.map { agentNames[$0] ?? $0.rawValue } ?? "unassigned",
                    figures: ReportFigures(tickets)
                )
            }
            .sorted { ($0.key.isEmpty ? 1 : 0, $0.label, $0.key) < ($1.key.isEmpty ? 1 : 0, $1.label, $1.key) }
        let channels = Dictionary(grouping: ordered) { $0.channel.rawValue }
            .map { ReportRow(key: $0.key, label: $0.key, figures: ReportFigures($0.value)) }
            .sorted { $0.key < $1.key }
        let reasons = Dictionary(grouping: ordered) { $0.reason.rawValue }
            .map { ReportRow(key: $0.key, label: $0.key, figures: ReportFigures($0.value)) }
            .sorted { $0.key < $1.key }
        return DeskReport(
            title: title,
            period: period,
            timeZone: timeZone.identifier,
            firstReplyTarget: firstReplyTarget,
            firstReplyTimes: DurationSummary(ordered.compactMap(\.firstReplySeconds)),
            overall: ReportFigures(ordered),
            byAgent: agents,
            byChannel: channels,
            byReason: reasons,
            byWeek: weeks(of: ordered)
        )
    }

    /// One row per week from the period's first to its last, empty weeks included.
    private func weeks(of tickets: [TicketFacts]) -> [ReportRow] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        func weekStart(_ date: Date) -> Date {
            calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        let grouped = Dictionary(grouping: tickets) { formatter.string(from: weekStart($0.createdAt)) }
        var rows: [ReportRow] = []
        var week = weekStart(period.from)
        // A bounded walk: the period is at most ReportPeriod.maximumDays long.
        while week < period.to, rows.count <= ReportPeriod.maximumDays / 7 + 2 {
            let key = formatter.string(from: week)
            let label = "week of " + ReportHTML.day(week, in: timeZone)
            rows.append(ReportRow(key: key, label: label, figures: ReportFigures(grouped[key] ?? [])))
            guard let next = calendar.date(byAdding: .weekOfYear, value: 1, to: week), next > week else { break }
            week = next
        }
        return rows
    }
}
