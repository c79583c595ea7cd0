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
    /// The `from` of the first reason change in ``entries``, kept so that deriving the creation does
    /// not read the whole log on every commit.
    private var firstReasonFrom: ContactReason?
    /// The `from` of the first priority change in ``entries``.
    private var firstPriorityFrom: Priority?

    /// The number of events.
    var count: Int { entries.count }

    /// Appends a commit's events, which turn `previous` (`nil` for a new ticket) into `snapshot`.
    mutating func append(_ events: [TicketEvent], from previous: Ticket?, to snapshot: Ticket) {
        if let previous, case .createdAsSnapshot = entries.first?.change {
            // The creation is derived from the snapshot: keep it in full if the new snapshot and events would
            // derive another one.
            if !derivesSameCreation(previous, snapshot, adding: events),
                let before = derivedCreation(from: previous, adding: [])
            {
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
            case .reasonChanged(let from, _):
                firstReasonFrom = firstReasonFrom ?? from
                change = .other(event.change)
            case .priorityChanged(let from, _):
                firstPriorityFrom = firstPriorityFrom ?? from
                change = .other(event.change)
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

    /// The first reason and priority a ticket had, given this log followed by `later` events and the
    /// ticket's current ones: the `from` of the first change of each, or the current value.
    private func firstReasonAndPriority(
        _ reason: ContactReason,
        _ priority: Priority,
        adding later: [TicketEvent]
    ) -> (reason: ContactReason, priority: Priority) {
        var firstReason = firstReasonFrom
        var firstPriority = firstPriorityFrom
        if firstReason == nil || firstPriority == nil {
            for event in later {
                switch event.change {
                case .reasonChanged(let from, _) where firstReason == nil: firstReason = from
                case .priorityChanged(let from, _) where firstPriority == nil: firstPriority = from
                default: break
                }
            }
        }
        return (firstReason ?? reason, firstPriority ?? priority)
    }

    /// Whether `previous` (with this log) and `snapshot` (with this log and `later`) derive the same
    /// creation, or `previous` derives none: what `derivedCreation` of each would compare, field by
    /// field, without building either.
    private func derivesSameCreation(_ previous: Ticket, _ snapshot: Ticket, adding later: [TicketEvent]) -> Bool {
        guard let firstMessage = previous.messages.first else { return true }
        let before = firstReasonAndPriority(previous.reason, previous.priority, adding: [])
        let after = firstReasonAndPriority(snapshot.reason, snapshot.priority, adding: later)
        return before == after && snapshot.messages.first == firstMessage && previous.requester == snapshot.requester
            && previous.subject == snapshot.subject && previous.channel == snapshot.channel
            && previous.locale == snapshot.locale && previous.followUpOf == snapshot.followUpOf
            && previous.number == snapshot.number
    }

    /// What `snapshot` says the ticket was created with, given this log followed by `later` events.
    private func derivedCreation(from snapshot: Ticket, adding later: [TicketEvent]) -> TicketCreation? {
        guard let firstMessage = snapshot.messages.first else { return nil }
        let first = firstReasonAndPriority(snapshot.reason, snapshot.priority, adding: later)
        return TicketCreation(
            requester: snapshot.requester,
            subject: snapshot.subject,
            channel: snapshot.channel,
            reason: first.reason,
            priority: first.priority,
            locale: snapshot.locale,
            followUpOf: snapshot.followUpOf,
            number: snapshot.number,
            firstMessage: firstMessage
        )
    }
}
