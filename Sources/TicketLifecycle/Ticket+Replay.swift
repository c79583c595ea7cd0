import Foundation

extension Ticket {
    /// Folds one event into the snapshot.
    ///
    /// - Parameter event: The next event of this ticket's history.
    /// - Throws: ``LifecycleError`` with ``LifecycleError/Code/invalidHistory`` when the event belongs to
    ///   another ticket, is out of sequence, or is a second creation.
    public mutating func apply(_ event: TicketEvent) throws {
        guard event.ticketID == id else {
            throw LifecycleError(.invalidHistory, "event of ticket \(event.ticketID) cannot apply to ticket \(id)")
        }
        guard event.sequence == version + 1 else {
            throw LifecycleError(
                .invalidHistory,
                "ticket \(id) is at version \(version); event \(event.sequence) is out of sequence"
            )
        }
        switch event.change {
        case .created:
            throw LifecycleError(.invalidHistory, "ticket \(id) was already created")
        case .messageAdded(let message):
            messages.append(message)
        case .statusChanged(let from, let to):
            guard from == status else {
                throw LifecycleError(
                    .invalidHistory,
                    "event \(event.sequence) of ticket \(id) changes status from \(from), but the ticket is \(status)"
                )
            }
            status = to
            switch to {
            case .solved:
                solvedAt = event.at
            case .closed:
                closedAt = event.at
            case .new, .open, .pending, .onHold:
                solvedAt = nil
            }
        case .assigned(_, let to):
            assignee = to
        case .priorityChanged(_, let to):
            priority = to
        case .reasonChanged(_, let to):
            reason = to
        case .tagsChanged(let added, let removed):
            tags = Array(Set(tags).union(added).subtracting(removed)).sorted()
        case .mergedInto(let target):
            mergedInto = target
            status = .closed
            closedAt = event.at
        case .mergeReceived(_, let received):
            messages.append(contentsOf: received)
        case .sla(let change):
            sla.apply(change)
        case .explained(let decided):
            explanations.record(decided)
        }
        updatedAt = event.at
        version = event.sequence
    }

    /// Returns the snapshot with one more event folded in.
    ///
    /// - Parameter event: The next event of this ticket's history.
    /// - Returns: The new snapshot.
    /// - Throws: ``LifecycleError`` with ``LifecycleError/Code/invalidHistory`` as ``apply(_:)`` does.
    public func applying(_ event: TicketEvent) throws -> Ticket {
        var copy = self
        try copy.apply(event)
        return copy
    }

    /// Rebuilds a ticket from its whole history.
    ///
    /// - Parameter events: The ticket's events in order, starting with its creation.
    /// - Returns: The snapshot, equal to the one the lifecycle produced.
    /// - Throws: ``LifecycleError`` with ``LifecycleError/Code/invalidHistory`` when the history does not
    ///   start with a creation numbered 1 or has a gap.
    public static func replay(_ events: [TicketEvent]) throws -> Ticket {
        guard let first = events.first else {
            throw LifecycleError(.invalidHistory, "an empty history has no ticket to replay")
        }
        guard first.sequence == 1, case .created(let creation) = first.change else {
            throw LifecycleError(.invalidHistory, "a history must start with event 1, the ticket's creation")
        }
        var ticket = Ticket(id: first.ticketID, creation: creation, at: first.at)
        for event in events.dropFirst() { try ticket.apply(event) }
        return ticket
    }
}
