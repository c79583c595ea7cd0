import Foundation
import SupportMetrics

/// The desk's figures for a period: first reply, resolution, SLA attainment and CSAT overall and per
/// agent, channel, contact reason and week.
///
/// Build it with ``DeskReportBuilder`` (or, on a desk, `SupportDesk.report(from:to:title:)`); render
/// it with ``html`` or encode it as JSON (it is `Codable`).
public struct DeskReport: Sendable, Hashable, Codable {
    /// The report's title: the club's name, say.
    public var title: String
    /// The instants covered: tickets created in them are counted.
    public var period: ReportPeriod
    /// The time zone weeks are read in, as an IANA identifier.
    public var timeZone: String
    /// The first-reply promise drawn on the histogram, in seconds; `nil` for none.
    public var firstReplyTarget: TimeInterval?
    /// Every ticket's first-reply time, for the histogram.
    public var firstReplyTimes: DurationSummary
    /// The figures of every ticket in the period.
    public var overall: ReportFigures
    /// Per agent the tickets are assigned to, by name; tickets with no agent last.
    public var byAgent: [ReportRow]
    /// Per channel, by raw value.
    public var byChannel: [ReportRow]
    /// Per contact reason, by raw value.
    public var byReason: [ReportRow]
    /// Per week (Monday first, in ``timeZone``), oldest first.
    public var byWeek: [ReportRow]

    /// Creates a report from its parts; ``DeskReportBuilder`` computes them.
    ///
    /// - Parameters:
    ///   - title: The report's title.
    ///   - period: The instants covered.
    ///   - timeZone: The time zone weeks are read in.
    ///   - firstReplyTarget: The first-reply promise in seconds.
    ///   - firstReplyTimes: Every ticket's first-reply time.
    ///   - overall: The figures of every ticket.
    ///   - byAgent: Per agent.
    ///   - byChannel: Per channel.
    ///   - byReason: Per contact reason.
    ///   - byWeek: Per week.
    public init(
        title: String,
        period: ReportPeriod,
        timeZone: String,
        firstReplyTarget: TimeInterval?,
        firstReplyTimes: DurationSummary,
        overall: ReportFigures,
        byAgent: [ReportRow],
        byChannel: [ReportRow],
        byReason: [ReportRow],
        byWeek: [ReportRow]
    ) {
        self.title = title
        self.period = period
        self.timeZone = timeZone
        self.firstReplyTarget = firstReplyTarget
        self.firstReplyTimes = firstReplyTimes
        self.overall = overall
        self.byAgent = byAgent
        self.byChannel = byChannel
        self.byReason = byReason
        self.byWeek = byWeek
    }

    /// The report as a self-contained HTML page (see ``DeskReportPage``).
    public var html: String { DeskReportPage(self).html }

    /// The report as JSON: dates in ISO 8601, keys sorted.
    ///
    /// - Returns: The JSON document's bytes.
    /// - Throws: An `EncodingError` if a figure cannot be encoded (never for a built report).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
