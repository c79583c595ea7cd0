import Foundation
import SupportMetrics

/// One group's figures in a ``DeskReport``: how many tickets, how fast they were answered and
/// solved, how many promises were kept and what the members said.
public struct ReportFigures: Sendable, Hashable, Codable {
    /// Tickets created in the period.
    public var tickets: Int
    /// Of those, how many were solved.
    public var resolved: Int
    /// Median seconds from creation to the first public reply; `nil` without replies.
    public var firstReplyMedian: TimeInterval?
    /// The 90th percentile of the same.
    public var firstReplyP90: TimeInterval?
    /// Median seconds from creation to the first solve; `nil` without solves.
    public var resolutionMedian: TimeInterval?
    /// The 90th percentile of the same.
    public var resolutionP90: TimeInterval?
    /// First replies that met their promise, of those measured.
    public var firstReplyAttainment: Attainment
    /// Resolutions that met their promise, of those measured.
    public var resolutionAttainment: Attainment
    /// How many ratings the members gave.
    public var ratings: Int
    /// The mean rating, 1 to 5; `nil` without ratings.
    public var averageRating: Double?
    /// CSAT: the share of ratings of 4 or 5, 0 to 1; `nil` without ratings.
    public var csat: Double?

    /// SLA attainment: first replies and resolutions together.
    public var slaAttainment: Attainment {
        Attainment(
            onTime: firstReplyAttainment.onTime + resolutionAttainment.onTime,
            total: firstReplyAttainment.total + resolutionAttainment.total
        )
    }

    /// Computes the figures of some tickets.
    ///
    /// - Parameter tickets: The tickets' facts.
    public init(_ tickets: [TicketFacts]) {
        self.tickets = tickets.count
        resolved = tickets.count { $0.resolvedAt != nil }
        let firstReplies = DurationSummary(tickets.compactMap(\.firstReplySeconds))
        firstReplyMedian = firstReplies.p50
        firstReplyP90 = firstReplies.p90
        let resolutions = DurationSummary(tickets.compactMap(\.resolutionSeconds))
        resolutionMedian = resolutions.p50
        resolutionP90 = resolutions.p90
        firstReplyAttainment = Self.attainment(tickets.compactMap(\.firstReplyOnTime))
        resolutionAttainment = Self.attainment(tickets.compactMap(\.resolutionOnTime))
        let scores = tickets.compactMap(\.rating).filter { (1...5).contains($0) }
        ratings = scores.count
        averageRating = scores.isEmpty ? nil : Double(scores.reduce(0, +)) / Double(scores.count)
        csat = scores.isEmpty ? nil : Double(scores.count { $0 >= 4 }) / Double(scores.count)
    }

    private static func attainment(_ outcomes: [Bool]) -> Attainment {
        Attainment(onTime: outcomes.count { $0 }, total: outcomes.count)
    }
}

/// One group in a ``DeskReport`` breakdown: an agent, a channel, a reason or a week.
public struct ReportRow: Sendable, Hashable, Codable {
    /// The group's stable key: the agent's id, the channel's or reason's raw value, the week's first day
    /// as `yyyy-MM-dd`; empty for tickets with no agent.
    public var key: String
    /// What a person reads: the agent's name, `email`, `week of Mon 5 Jan 2026`.
    public var label: String
    /// The group's figures.
    public var figures: ReportFigures

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - key: The group's stable key.
    ///   - label: What a person reads.
    ///   - figures: The group's figures.
    public init(key: String, label: String, figures: ReportFigures) {
        self.key = key
        self.label = label
        self.figures = figures
    }
}
