import SupportEngine

/// The checks on a commit's shape that need no database: the same malformed commits the reference
/// store refuses, refused before a transaction starts.
enum CommitValidation {
    static func validate(_ commit: TicketCommit) throws {
        guard !commit.writes.isEmpty || !commit.outbound.isEmpty else {
            throw StoreError(.invalidCommit, "a commit must write at least one ticket or outbound message")
        }
        var seenTickets = Set<TicketID>()
        var claimed: [ExternalMessageKey: TicketID] = [:]
        for write in commit.writes {
            let id = write.ticket.id
            guard seenTickets.insert(id).inserted else {
                throw StoreError(.invalidCommit, "ticket \(id) appears twice in one commit")
            }
            try validateEvents(of: write)
            for key in write.externalKeys {
                if let owner = claimed[key], owner != id {
                    throw StoreError(
                        .duplicateExternalMessage,
                        "message \(key) is claimed by tickets \(owner) and \(id)"
                    )
                }
                claimed[key] = id
            }
        }
        var seenOutbound = Set<OutboundID>()
        for message in commit.outbound where !seenOutbound.insert(message.id).inserted {
            throw StoreError(.invalidCommit, "outbound message \(message.id) appears twice in one commit")
        }
    }

    /// A write's events must continue its expected version, belong to its ticket and end at its
    /// snapshot's version; a new ticket's first event is its creation.
    static func validateEvents(of write: TicketWrite) throws {
        let id = write.ticket.id
        guard write.expectedVersion >= 0 else {
            throw StoreError(.invalidCommit, "ticket \(id) has a negative expected version \(write.expectedVersion)")
        }
        var expected = write.expectedVersion + 1
        for event in write.events {
            guard event.ticketID == id, event.sequence == expected else {
                throw StoreError(
                    .invalidCommit,
                    "event \(event.sequence) of ticket \(event.ticketID) does not continue ticket \(id) at \(expected)"
                )
            }
            expected += 1
        }
        guard write.ticket.version == write.expectedVersion + write.events.count else {
            throw StoreError(
                .invalidCommit,
                "ticket \(id) snapshot is at version \(write.ticket.version) but its events end at \(expected - 1)"
            )
        }
        if write.expectedVersion == 0 {
            guard case .created = write.events.first?.change else {
                throw StoreError(.invalidCommit, "new ticket \(id) must start with its creation event")
            }
        }
    }
}
