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
    /// Feed events to store with the commit, after the events of its writes: facts that are not ticket
    /// events, such as a refund waiting for the owner or a journey message sent. One whose
    /// ``DeskEvent/key`` the feed holds already is skipped, and the rest of the commit still applies.
    public var notices: [DeskEvent]

    /// Creates a commit.
    ///
    /// - Parameters:
    ///   - writes: The tickets written.
    ///   - outbound: Messages to put in the outbox.
    ///   - notices: Feed events to store with it.
    public init(writes: [TicketWrite], outbound: [OutboundMessage] = [], notices: [DeskEvent] = []) {
        self.writes = writes
        self.outbound = outbound
        self.notices = notices
    }
}

extension TicketCommit {
    /// Checks everything about a commit's shape that needs no stored data: at least one write or
    /// message, each ticket once, each write's events continuing its expected version and ending at its
    /// snapshot, a new ticket starting with its creation, no inbound key claimed by two tickets, no
    /// number given to two new tickets, no outbound message or notice twice, notices with valid keys, and no text with a NUL character (U+0000), which PostgreSQL's `text` and
    /// `jsonb` cannot hold: every store refuses it alike instead of one storing it and another failing.
    ///
    /// Every store calls this before it looks at what it holds; ``InMemoryTicketStore`` does, and so
    /// should an adapter, so that all stores refuse the same malformed commits with the same errors.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidCommit``, or
    ///   ``StoreError/Code/duplicateExternalMessage`` when two writes claim one inbound key.
    public func validateShape() throws {
        guard !writes.isEmpty || !outbound.isEmpty || !notices.isEmpty else {
            throw StoreError(.invalidCommit, "a commit must write at least one ticket, outbound message or notice")
        }
        // One write cannot clash with another, and one message cannot appear twice: the sets that find
        // such repeats are only built when there is something to compare.
        let acrossWrites = writes.count > 1
        var seenTickets = Set<TicketID>()
        if acrossWrites { seenTickets.reserveCapacity(writes.count) }  // no rehashing as it fills
        var claimed: [ExternalMessageKey: TicketID] = [:]
        var numbered: [TicketNumber: TicketID] = [:]
        // By index, and the checks given the writes' parts: `for write in writes`, or a method called on
        // `writes[index]`, copies each write, retaining every reference of its ticket.
        for index in writes.indices {
            let id = writes[index].ticket.id
            guard !acrossWrites || seenTickets.insert(id).inserted else {
                throw StoreError(.invalidCommit, "ticket \(id) appears twice in one commit")
            }
            try TicketWrite.validateEvents(
                writes[index].events,
                of: id,
                version: writes[index].ticket.version,
                expectedVersion: writes[index].expectedVersion
            )
            try TicketWrite.validateTexts(of: writes[index].events, ticket: id)
            for key in writes[index].externalKeys where acrossWrites {
                if let owner = claimed[key], owner != id {
                    throw StoreError(
                        .duplicateExternalMessage,
                        "message \(key) is claimed by tickets \(owner) and \(id)"
                    )
                }
                claimed[key] = id
            }
            if acrossWrites, writes[index].expectedVersion == 0, let number = writes[index].ticket.number {
                if let owner = numbered.updateValue(id, forKey: number) {
                    throw StoreError(
                        .invalidCommit,
                        "ticket number \(number) is given to tickets \(owner) and \(id); take new numbers from nextTicketNumber()"
                    )
                }
            }
        }
        var seenOutbound = Set<OutboundID>()
        for message in outbound {
            if outbound.count > 1 && !seenOutbound.insert(message.id).inserted {
                throw StoreError(.invalidCommit, "outbound message \(message.id) appears twice in one commit")
            }
            if StoredText.hasNUL(message.subject) || StoredText.hasNUL(message.body) {
                throw StoreError(.invalidCommit, StoredText.nulMessage("outbound message \(message.id)"))
            }
        }
        var seenNotices = Set<String>()
        for notice in notices {
            try notice.validateForStorage()
            guard seenNotices.insert(notice.key).inserted else {
                throw StoreError(.invalidCommit, "desk event \(notice.key) appears twice in one commit")
            }
        }
    }
}

extension TicketWrite {
    /// Checks that the events continue ``expectedVersion``, belong to the ticket and end at the
    /// snapshot's version, and that a new ticket starts with its creation.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidCommit`` naming the event or version.
    public func validateEvents() throws {
        try Self.validateEvents(events, of: ticket.id, version: ticket.version, expectedVersion: expectedVersion)
    }

    /// ``validateEvents()`` on a write's parts: a method called on a write read from an array copied the
    /// whole write (every reference of its ticket) first.
    ///
    /// - Parameters:
    ///   - events: The write's events.
    ///   - id: The ticket's id.
    ///   - version: The snapshot's version.
    ///   - expectedVersion: The version the write expects the store to hold.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidCommit`` naming the event or version.
    static func validateEvents(
        _ events: [TicketEvent],
        of id: TicketID,
        version: Int,
        expectedVersion: Int
    ) throws {
        guard expectedVersion >= 0 else {
            throw StoreError(.invalidCommit, "ticket \(id) has a negative expected version \(expectedVersion)")
        }
        var expected = expectedVersion + 1
        for index in events.indices {
            guard events[index].ticketID == id, events[index].sequence == expected else {
                throw StoreError(
                    .invalidCommit,
                    "event \(events[index].sequence) of ticket \(events[index].ticketID) does not continue ticket "
                        + "\(id) at \(expected)"
                )
            }
            expected += 1
        }
        guard version == expectedVersion + events.count else {
            throw StoreError(
                .invalidCommit,
                "ticket \(id) snapshot is at version \(version) but its events end at \(expected - 1)"
            )
        }
        if expectedVersion == 0 {
            guard case .created = events.first?.change else {
                throw StoreError(.invalidCommit, "new ticket \(id) must start with its creation event")
            }
        }
    }
}
