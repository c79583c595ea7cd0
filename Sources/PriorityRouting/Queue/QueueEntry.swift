/// A ticket waiting in a ``TicketQueue``, with the sequence number that breaks ties.
public struct QueueEntry: Hashable, Sendable, Codable, Identifiable {
    /// The waiting ticket.
    public var ticket: RoutableTicket
    /// The order in which the ticket was inserted; breaks ties between otherwise level tickets.
    public var sequence: UInt64

    /// Creates an entry.
    ///
    /// - Parameters:
    ///   - ticket: The waiting ticket.
    ///   - sequence: The insertion order.
    public init(ticket: RoutableTicket, sequence: UInt64) {
        self.ticket = ticket
        self.sequence = sequence
    }

    /// The ticket's id.
    public var id: TicketID { ticket.id }

    /// Whether this entry is served before another: by ``RoutableTicket/goesBefore(_:)``, then by
    /// the lower sequence number. Two different entries are never level.
    ///
    /// - Parameter other: The entry to compare with.
    /// - Returns: `true` when this entry is served first.
    @inlinable
    public func precedes(_ other: QueueEntry) -> Bool {
        let lhs = ticket
        let rhs = other.ticket
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        switch (lhs.slaDue, rhs.slaDue) {
        case (let left?, let right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
        return sequence < other.sequence
    }
}
