import Foundation

/// A ticket's id and its stored due instant: what the desk's timers need from a ticket, without the
/// ticket.
///
/// ``TicketStore/ticketTimers(dueBefore:after:limit:)`` lists them, so that rebuilding or refreshing
/// the timers reads two fields per ticket instead of whole snapshots.
public struct TicketTimer: Sendable, Hashable {
    /// The ticket's id.
    public var ticketID: TicketID
    /// The ticket's stored due instant (``StoredTicket/dueAt``).
    public var dueAt: Date

    /// Creates a timer entry.
    ///
    /// - Parameters:
    ///   - ticketID: The ticket's id.
    ///   - dueAt: Its stored due instant.
    public init(ticketID: TicketID, dueAt: Date) {
        self.ticketID = ticketID
        self.dueAt = dueAt
    }
}
