import Foundation

extension TicketFacts {
    /// The facts a report needs, read from a ticket snapshot.
    ///
    /// The first reply is the first public reply; the resolution is the first time the resolution clock
    /// was met (the first solve), else the latest solve. A promise counts as kept when its first
    /// measurement was on time, as broken when it was late or when a breach fired before any
    /// measurement; without either (no SLA policy, or a clock still running) it is not counted.
    ///
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - rating: The member's score of it, 1 to 5, if any.
    public init(_ ticket: Ticket, rating: Int? = nil) {
        func onTime(_ metric: SLAMetric) -> Bool? {
            if let measurement = ticket.sla.firstMeasurement(of: metric) { return !measurement.late }
            if ticket.sla.firings.contains(where: { $0.metric == metric && $0.step == .breach }) { return false }
            return nil
        }
        self.init(
            id: ticket.id,
            createdAt: ticket.createdAt,
            channel: ticket.channel,
            reason: ticket.reason,
            priority: ticket.priority,
            agent: ticket.assignee,
            firstReplyAt: ticket.messages.first { $0.kind == .publicReply }?.at,
            resolvedAt: ticket.sla.firstMeasurement(of: .resolution)?.metAt ?? ticket.solvedAt,
            firstReplyOnTime: onTime(.firstReply),
            resolutionOnTime: onTime(.resolution),
            rating: rating
        )
    }
}
