import Foundation
import SupportEngine

/// One ticket of a simulation and how long its member waited for the first public reply, named by its
/// number as the member saw it.
public struct TicketWait: Sendable, Hashable {
    /// The ticket's number with the desk's prefix, `#1042`.
    public var reference: String
    /// The ticket's subject.
    public var subject: String
    /// How urgent it was.
    public var priority: Priority
    /// Seconds from the ticket's creation to its first public reply.
    public var wait: TimeInterval

    /// The tickets whose members waited longest for a first public reply, longest first; tickets without
    /// a number or without a public reply are left out.
    ///
    /// - Parameters:
    ///   - tickets: The tickets.
    ///   - prefix: The desk's ticket number prefix.
    ///   - limit: The most to return.
    /// - Returns: At most `limit` waits.
    static func longest(in tickets: [Ticket], prefix: String, limit: Int = 10) -> [TicketWait] {
        var waits: [TicketWait] = []
        for ticket in tickets {
            guard let number = ticket.number, let reply = ticket.messages.first(where: { $0.kind == .publicReply })
            else { continue }
            waits.append(
                TicketWait(
                    reference: number.formatted(prefix: prefix),
                    subject: ticket.subject,
                    priority: ticket.priority,
                    wait: reply.at.timeIntervalSince(ticket.createdAt)
                )
            )
        }
        waits.sort { ($0.wait, $1.reference) > ($1.wait, $0.reference) }
        return Array(waits.prefix(limit))
    }
}
