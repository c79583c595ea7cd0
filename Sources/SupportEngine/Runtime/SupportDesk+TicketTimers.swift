import Foundation

extension SupportDesk {
    /// The most ticket timers fired together: one store read and one commit serve all of them.
    static let timerBatchSize = 128

    /// Fires the timers of tickets that fell due together: their snapshots are read in one
    /// ``TicketStore/tickets(_:)`` call and every change is committed in one commit.
    ///
    /// A ticket another of this desk's writers holds, and every written ticket of a batch whose commit
    /// conflicts (another desk wrote one of them, an id the batch drew is taken) or is refused, is fired
    /// alone afterwards: read again and committed by itself, conflicts retried, so one busy ticket never
    /// holds back the others and each timer still fires once. A batch read or commit that fails
    /// otherwise fails every ticket in it, to be retried by the caller (which then fires each alone).
    ///
    /// - Parameters:
    ///   - ids: The tickets, each once.
    ///   - now: The instant the timers fire at.
    /// - Returns: For each id, in order, whether a timer fired, or the error that stopped it.
    func fireTimers(of ids: [TicketID], now: Date) async -> [Result<Bool, any Error>] {
        guard ids.count > 1 else { return ids.isEmpty ? [] : [await fireTimersAlone(ids[0], now: now)] }
        var results = [Result<Bool, any Error>?](repeating: nil, count: ids.count)
        var locked: [Int] = []
        var alone: [Int] = []
        for position in ids.indices {
            if locks.take(.ticket(ids[position])) { locked.append(position) } else { alone.append(position) }
        }
        alone += await fireLocked(ids, locked, now: now, into: &results)
        for position in locked { locks.release(.ticket(ids[position])) }
        for position in alone.sorted() { results[position] = await fireTimersAlone(ids[position], now: now) }
        return results.map { result in
            guard let result else {
                assertionFailure("a ticket of a timer batch was left without a result")
                return .failure(DeskError(.conflict, "a timer of the batch was not fired; it is retried"))
            }
            return result
        }
    }

    /// Reads, decides and commits the tickets at `positions` of `ids`, whose locks the caller holds.
    ///
    /// - Returns: The positions to fire alone: those of a commit that conflicted or was refused.
    private func fireLocked(
        _ ids: [TicketID],
        _ positions: [Int],
        now: Date,
        into results: inout [Result<Bool, any Error>?]
    ) async -> [Int] {
        guard !positions.isEmpty else { return [] }
        var stored: [StoredTicket?]
        do {
            stored = try await store.tickets(positions.map { ids[$0] })
            guard stored.count == positions.count else {
                throw StoreError(
                    .unavailable,
                    "the store's tickets(_:) answered \(stored.count) entries for \(positions.count) ids; "
                        + "it must answer one per id, in order"
                )
            }
        } catch {
            for position in positions { results[position] = .failure(error) }
            return []
        }
        // Room for every write at once: growing the array by doubling copied each write up to seven times.
        var writes: [TicketWrite] = []
        writes.reserveCapacity(positions.count)
        var written: [(position: Int, fires: Bool)] = []
        written.reserveCapacity(positions.count)
        for offset in positions.indices {
            let position = positions[offset]
            do {
                // Each snapshot is moved out of the answer, not copied: a copy retains every reference in it.
                if let fires = try timerFiring(
                    of: ids[position],
                    stored: stored[offset].take(),
                    now: now,
                    into: &writes
                ) {
                    written.append((position, fires))
                } else {
                    results[position] = .success(false)
                }
            } catch {
                results[position] = .failure(error)
            }
        }
        guard !writes.isEmpty else { return [] }
        do {
            try await commitAndSchedule(TicketCommit(writes: writes))
            for entry in written { results[entry.position] = .success(entry.fires) }
            return []
        } catch let error as StoreError where error.code == .versionConflict || error.code == .invalidCommit {
            return written.map(\.position)
        } catch let error as DeskError where error.code == .duplicateID {
            return written.map(\.position)
        } catch {
            for entry in written { results[entry.position] = .failure(error) }
            return []
        }
    }

    /// Fires one ticket's timers by itself: read, decide and commit under the ticket's lock, a conflict
    /// retried from a fresh read.
    func fireTimersAlone(_ id: TicketID, now: Date) async -> Result<Bool, any Error> {
        do {
            return .success(
                try await withTicketLock(id) {
                    try await retryingConflicts("timers of ticket \(id)") {
                        var writes: [TicketWrite] = []
                        guard
                            let fires = try timerFiring(
                                of: id,
                                stored: try await store.ticket(id),
                                now: now,
                                into: &writes
                            )
                        else { return false }
                        try await commitAndSchedule(TicketCommit(writes: writes))
                        return fires
                    }
                }
            )
        } catch {
            return .failure(error)
        }
    }

    /// Decides what firing a ticket's timers writes, when its stored due instant has come; a timer that
    /// woke early (the due instant moved later since it was scheduled) is put back at the stored instant.
    ///
    /// - Parameters:
    ///   - id: The ticket's id.
    ///   - stored: The ticket as the store holds it now, if it does.
    ///   - now: The instant the timers fire at.
    ///   - writes: Where the write goes, if there is one.
    /// - Returns: `nil` when there is nothing to write (the ticket is gone, has no timer, or woke early and
    ///   was put back); otherwise whether the write records a fired timer (events), not only a moved due
    ///   instant.
    private func timerFiring(
        of id: TicketID,
        stored: consuming StoredTicket?,
        now: Date,
        into writes: inout [TicketWrite]
    ) throws -> Bool? {
        guard let storedDue = stored?.dueAt else { return nil }
        guard storedDue <= now else {
            schedule(.ticket(id), at: storedDue)
            return nil
        }
        // The snapshot is taken over, not copied: the stored answer is not used again.
        guard var ticket = (consume stored)?.ticket else { return nil }
        let version = ticket.version
        var events: [TicketEvent] = []
        func run(_ command: TicketCommand) throws {
            let (next, produced) = try executeWithSLA(command, on: ticket, by: .system, at: now)
            ticket = next
            events += produced
        }
        if let slaPlanner {
            let dueSteps = slaPlanner.dueSteps(of: ticket, at: now)
            if !dueSteps.isEmpty {
                let firings = dueSteps.map { due in
                    SLAChange.fired(
                        SLAFiring(
                            metric: due.clock.metric,
                            step: due.step,
                            clockStartedAt: due.clock.startedAt,
                            dueAt: due.at,
                            firedAt: now
                        )
                    )
                }
                try run(.recordSLA(firings))
                for due in dueSteps {
                    guard case .escalation(let level) = due.step,
                        let escalation = configuration.sla?.escalations[level - 1]
                    else { continue }
                    try escalate(level: level, escalation.action, clock: due.clock, ticket: ticket, run: run)
                }
            }
        }
        if ticket.status != .closed,
            let closeAt = TicketRules.autoCloseDue(for: ticket, after: configuration.autoCloseAfter),
            closeAt <= now
        {
            try run(.setStatus(.closed))
        }
        let nextDue = dueAt(for: ticket)
        guard !events.isEmpty || nextDue != storedDue else { return nil }
        let fires = !events.isEmpty
        writes.append(TicketWrite(ticket: ticket, expectedVersion: version, events: events, dueAt: nextDue))
        return fires
    }

    /// Applies one escalation level; a level that would change nothing (already urgent, already
    /// assigned) is skipped.
    private func escalate(
        level: Int,
        _ action: SLAEscalationAction,
        clock: SLAClock,
        ticket: Ticket,
        run: (TicketCommand) throws -> Void
    ) throws {
        let command: TicketCommand
        switch action {
        case .notify(let agent):
            let due = timeFormatter.format(clock.dueAt, locale: .en, timeZone: teamTimeZone(of: agent))
            let note = "SLA escalation level \(level): \(clock.metric) target was due \(due); notifying \(agent)."
            command = .internalNote(MessageDraft(id: newMessageID(), body: note))
        case .raisePriority:
            guard let higher = Priority.allCases.first(where: { $0 > ticket.priority }) else { return }
            command = .setPriority(higher)
        case .reassign(let agent):
            guard ticket.assignee != agent else { return }
            command = .assign(agent)
        }
        try run(command)
    }

    /// The time zone staff notes to an agent give times in: the agent's shift's zone, else the support
    /// line's (its hours, the SLA calendar, the published hours), else UTC.
    func teamTimeZone(of agent: AgentID? = nil) -> String {
        if let agent, let shift = configuration.agents.first(where: { $0.id == agent })?.shift {
            return shift.configuration.timeZone
        }
        return configuration.hours?.configuration.timeZone ?? configuration.sla?.calendar.configuration.timeZone
            ?? configuration.boundaries?.hours.configuration.timeZone ?? "UTC"
    }
}
