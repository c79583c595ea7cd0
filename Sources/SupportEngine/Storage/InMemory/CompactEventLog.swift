import Foundation

/// One ticket's history as ``InMemoryTicketStore`` keeps it: the events without what the store already
/// knows, in one contiguous array.
///
/// - The ticket id and the sequence number are not stored: every event belongs to the ticket, and the
///   event at offset `n` has sequence `n + 1` (the store only accepts histories that continue).
/// - Service-level changes and routing explanations are stored inline instead of in the boxes of the
///   indirect ``TicketChange`` cases; an explanation array is shared with the snapshot's
///   ``Ticket/explanations``.
/// - The creation is not stored when the snapshot still says what the ticket was created with: its
///   requester, subject, channel, language, follow-up link and first message never change, and its
///   first reason and priority are the `from` of the first reason and priority change, or the
///   snapshot's own. Every commit checks that this still holds and stores the creation in full
///   otherwise, so ``events(of:snapshot:)`` always returns exactly the events committed.
struct CompactEventLog: Sendable {
    private struct Entry: Sendable {
        let at: Date
        let change: Change
        let actor: SupportActor
    }

    private enum Change: Sendable {
        /// The creation, as derived from the snapshot and the later reason and priority changes.
        case createdAsSnapshot
        case sla(SLAChange)
        case explained([RoutingExplanation])
        case other(TicketChange)
    }

    private var entries: [Entry] = []

    /// The number of events.
    var count: Int { entries.count }

    /// Appends a commit's events, which turn `previous` (`nil` for a new ticket) into `snapshot`.
    mutating func append(_ events: [TicketEvent], from previous: Ticket?, to snapshot: Ticket) {
        if let previous, case .createdAsSnapshot = entries.first?.change {
            // The creation is derived from the snapshot: keep it in full if the new snapshot and events would
            // derive another one.
            let before = derivedCreation(from: previous, adding: [])
            if before != derivedCreation(from: snapshot, adding: events), let before {
                entries[0] = Entry(at: entries[0].at, change: .other(.created(before)), actor: entries[0].actor)
            }
        }
        if entries.isEmpty { entries.reserveCapacity(events.count) }
        for event in events {
            let change: Change
            switch event.change {
            case .created(let creation):
                let derived = entries.isEmpty ? derivedCreation(from: snapshot, adding: events) : nil
                change = derived == creation ? .createdAsSnapshot : .other(event.change)
            case .sla(let sla):
                change = .sla(sla)
            case .explained(let decided):
                change = .explained(decided)
            default:
                change = .other(event.change)
            }
            entries.append(Entry(at: event.at, change: change, actor: event.actor))
        }
    }

    /// The events in order, as they were committed.
    func events(of id: TicketID, snapshot: Ticket) -> [TicketEvent] {
        entries.enumerated().map { offset, entry in
            let change: TicketChange
            switch entry.change {
            case .createdAsSnapshot:
                guard let creation = derivedCreation(from: snapshot, adding: []) else {
                    preconditionFailure("ticket \(id) lost the first message its creation is derived from")
                }
                change = .created(creation)
            case .sla(let sla): change = .sla(sla)
            case .explained(let decided): change = .explained(decided)
            case .other(let other): change = other
            }
            return TicketEvent(ticketID: id, sequence: offset + 1, at: entry.at, actor: entry.actor, change: change)
        }
    }

    /// What `snapshot` says the ticket was created with, given this log followed by `later` events.
    private func derivedCreation(from snapshot: Ticket, adding later: [TicketEvent]) -> TicketCreation? {
        guard let firstMessage = snapshot.messages.first else { return nil }
        var reason: ContactReason?
        var priority: Priority?
        func note(_ change: TicketChange) {
            switch change {
            case .reasonChanged(let from, _) where reason == nil: reason = from
            case .priorityChanged(let from, _) where priority == nil: priority = from
            default: break
            }
        }
        for entry in entries {
            if case .other(let change) = entry.change { note(change) }
        }
        for event in later { note(event.change) }
        return TicketCreation(
            requester: snapshot.requester,
            subject: snapshot.subject,
            channel: snapshot.channel,
            reason: reason ?? snapshot.reason,
            priority: priority ?? snapshot.priority,
            locale: snapshot.locale,
            followUpOf: snapshot.followUpOf,
            number: snapshot.number,
            firstMessage: firstMessage
        )
    }
}
