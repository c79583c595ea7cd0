import Foundation

/// A ticket as the store holds it: the snapshot and the instant its next timer is due.
public struct StoredTicket: Sendable, Hashable {
    /// The snapshot. Its ``Ticket/version`` is the version a writer must expect.
    public var ticket: Ticket
    /// When the engine must next look at the ticket (auto-close, SLA), if ever.
    public var dueAt: Date?

    /// Creates a stored ticket.
    ///
    /// - Parameters:
    ///   - ticket: The snapshot.
    ///   - dueAt: When the engine must next look at it.
    public init(ticket: Ticket, dueAt: Date?) {
        self.ticket = ticket
        self.dueAt = dueAt
    }
}

/// One ticket's part of a ``TicketCommit``.
public struct TicketWrite: Sendable, Hashable {
    /// The new snapshot, with the ``events`` folded in.
    public var ticket: Ticket
    /// The version the writer read: `0` for a new ticket.
    public var expectedVersion: Int
    /// The events that turn the read version into ``ticket``, numbered `expectedVersion + 1` on.
    public var events: [TicketEvent]
    /// Inbound message keys to map to this ticket.
    public var externalKeys: [ExternalMessageKey]
    /// Thread keys to point at this ticket.
    public var threadKeys: [ThreadKey]
    /// When the engine must next look at the ticket; `nil` for never.
    public var dueAt: Date?

    /// Creates a write.
    ///
    /// - Parameters:
    ///   - ticket: The new snapshot.
    ///   - expectedVersion: The version the writer read, `0` for a new ticket.
    ///   - events: The events that produced the snapshot.
    ///   - externalKeys: Inbound message keys to map to this ticket.
    ///   - threadKeys: Thread keys to point at this ticket.
    ///   - dueAt: When the engine must next look at the ticket.
    public init(
        ticket: Ticket,
        expectedVersion: Int,
        events: [TicketEvent],
        externalKeys: [ExternalMessageKey] = [],
        threadKeys: [ThreadKey] = [],
        dueAt: Date? = nil
    ) {
        self.ticket = ticket
        self.expectedVersion = expectedVersion
        self.events = events
        self.externalKeys = externalKeys
        self.threadKeys = threadKeys
        self.dueAt = dueAt
    }
}

/// Everything one change writes, applied all or nothing.
///
/// A commit holds the new snapshots of one or more tickets (two for a merge), the events that produced
/// them, and the outbound messages to deliver afterwards. A store applies it atomically: either every
/// part is stored, or none is and the store throws. This one method is what makes "nothing lost" true,
/// and what a SQL adapter maps to one transaction.
public struct TicketCommit: Sendable, Hashable {
    /// The tickets written.
    public var writes: [TicketWrite]
    /// Messages to put in the outbox.
    public var outbound: [OutboundMessage]

    /// Creates a commit.
    ///
    /// - Parameters:
    ///   - writes: The tickets written.
    ///   - outbound: Messages to put in the outbox.
    public init(writes: [TicketWrite], outbound: [OutboundMessage] = []) {
        self.writes = writes
        self.outbound = outbound
    }
}
