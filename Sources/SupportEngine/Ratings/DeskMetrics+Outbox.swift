import Foundation

extension DeskMetrics {
    /// Computes the figures, counting the desk's dead-lettered outbound messages.
    ///
    /// The same as SupportMetrics' `compute(tickets:events:ratings:deadLetterCount:)` with the number of
    /// `deadLetters`.
    ///
    /// - Parameters:
    ///   - tickets: The latest snapshots, for each ticket's priority, channel, reason and assignee.
    ///   - events: The event log of those tickets, in any order.
    ///   - ratings: The members' ratings (see ``RatingDesk``).
    ///   - deadLetters: The dead-lettered outbound messages (``SupportDesk/deadLetters(after:limit:)``).
    /// - Returns: The figures.
    public static func compute(
        tickets: [Ticket],
        events: [TicketEvent],
        ratings: [Rating] = [],
        deadLetters: [OutboundMessage]
    ) -> DeskMetrics {
        compute(tickets: tickets, events: events, ratings: ratings, deadLetterCount: deadLetters.count)
    }
}
