import Foundation

extension SupportDesk {
    /// Throws unless the ticket is as the actor's screen showed it at `expectedVersion`.
    ///
    /// Changes the desk records for itself — SLA clock records, routing explanations — do not count: an
    /// SLA warning firing while an agent types does not refuse the reply. Everything else does: a
    /// message from anyone, a status, an assignment, a priority, a reason, tags, a merge.
    func requireUnchanged(_ ticket: Ticket, since expectedVersion: Int?) async throws {
        guard let expectedVersion, expectedVersion != ticket.version else { return }
        guard expectedVersion >= 1, expectedVersion < ticket.version else {
            throw DeskError(
                .invalidInput,
                "ticket \(ticket.id) is at version \(ticket.version); it never had version \(expectedVersion): "
                    + "pass the version of the ticket the screen shows"
            )
        }
        let since = try await store.events(of: ticket.id).filter { $0.sequence > expectedVersion }
        let changes = since.compactMap(Self.summary)
        guard !changes.isEmpty else { return }
        throw StaleTicketError(
            ticketID: ticket.id,
            expectedVersion: expectedVersion,
            currentVersion: ticket.version,
            changes: changes
        )
    }

    /// One line on a change an agent needs to know about, or `nil` for the desk's own records.
    static func summary(of event: TicketEvent) -> String? {
        let who = name(of: event.actor)
        switch event.change {
        case .messageAdded(let message):
            switch message.kind {
            case .memberMessage: return "\(who) wrote a message"
            case .publicReply: return "\(who) replied"
            case .internalNote: return "\(who) added an internal note"
            case .automatic: return "an automatic message went to the member"
            }
        case .statusChanged(let from, let to): return "\(who) changed the status from \(from) to \(to)"
        case .assigned(_, let to): return to.map { "\(who) assigned it to \($0)" } ?? "\(who) unassigned it"
        case .priorityChanged(let from, let to): return "\(who) changed the priority from \(from) to \(to)"
        case .reasonChanged(let from, let to): return "\(who) changed the reason from \(from) to \(to)"
        case .tagsChanged: return "\(who) changed the tags"
        case .mergedInto(let target): return "\(who) merged it into \(target)"
        case .mergeReceived(let source, _): return "\(who) merged \(source) into it"
        case .created, .sla, .explained: return nil
        }
    }

    private static func name(of actor: SupportActor) -> String {
        switch actor {
        case .member(let id): "the member (\(id))"
        case .agent(let id), .owner(let id): id.rawValue
        case .system: "the desk"
        }
    }
}
