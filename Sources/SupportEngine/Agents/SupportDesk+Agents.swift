import Foundation

extension SupportDesk {
    // MARK: - Agents

    /// The work behind ``AgentDesk/setPresence(_:of:)``, which documents it.
    func setPresence(_ presence: AgentPresence, of agent: AgentID) async throws {
        try requireAgent(agent)
        try await loadRoutingIfNeeded()
        // Coming online is a look at the shift: its next change is measured from the state it is in now.
        let shiftOpen = configuration.agents.first { $0.id == agent }?.shift?.isOpen(at: clock.now)
        try await updateAgentStatus(agent, "setting the presence") { status in
            status.presence = presence
            if presence == .online, let shiftOpen { status.shiftWasOpen = shiftOpen }
        }
        if presence == .online { scheduleShiftCheck(of: agent) }
        await drainQueueAfterCommit()
    }

    /// The work behind ``AgentDesk/setAbsent(_:agent:)``, which documents it.
    @discardableResult
    func setAbsent(_ absent: Bool, agent: AgentID) async throws -> HandoverPlan? {
        try requireAgent(agent)
        try await loadRoutingIfNeeded()
        try await updateAgentStatus(agent, absent ? "marking absent" : "marking back") { $0.isAbsent = absent }
        if absent {
            return try await handOver(from: agent, cause: .absence)
        }
        await drainQueueAfterCommit()
        return nil
    }

    /// The work behind ``AgentDesk/states()``, which documents it.
    func agentStates() async throws -> [AgentState] {
        try await loadRoutingIfNeeded()
        return currentAgentStates(at: clock.now)
    }

    /// The work behind ``AgentDesk/queue()``, which documents it.
    func queuedTickets() async throws -> [TicketID] {
        try await loadRoutingIfNeeded()
        return routing.queue.ordered.map(\.ticket.id)
    }

    /// The work behind ``AgentDesk/handOver(from:cause:)``, which documents it.
    @discardableResult
    func handOver(from agent: AgentID, cause: HandoverCause = .unavailable) async throws -> HandoverPlan {
        try requireAgent(agent)
        try await loadRoutingIfNeeded()
        var held: [HandoverTicket] = []
        for (id, holder) in routing.holders where holder == agent {
            guard let stored = try await store.ticket(id) else { continue }
            held.append(
                HandoverTicket(ticket: routable(stored.ticket), state: RoutableTicketState(stored.ticket.status))
            )
        }
        held.sort { $0.ticket.id < $1.ticket.id }
        let now = clock.now
        let plan = routing.assigner.planHandover(
            from: agent,
            tickets: held,
            agents: currentAgentStates(at: now),
            cause: cause
        )
        // The capacity is reserved before the first commit is awaited: see `drainQueue`.
        var moves: [(move: HandoverMove, target: AgentID?)] = []
        for move in plan.moves {
            switch move.destination {
            case .agent(let next):
                routing.reserve(move.ticketID, for: next)
                moves.append((move, next))
            case .queue:
                moves.append((move, nil))
            }
        }
        for (index, (move, target)) in moves.enumerated() {
            do {
                try await reassign(
                    move.ticketID,
                    to: target,
                    from: agent,
                    note: move.note,
                    because: move.assignment.map { describe($0.basis) } ?? "handover (\(cause)): no agent available",
                    reserved: target != nil
                )
            } catch {
                for (rest, _) in moves[(index + 1)...] { routing.cancelReservation(of: rest.ticketID) }
                throw error
            }
        }
        await drainQueueAfterCommit()
        return plan
    }

    // MARK: - Bookkeeping

    /// Updates the queue and loads after a ticket was committed; returns whether capacity was freed.
    ///
    /// A ticket reserved for an agent (its assignment is committing) that has not changed hands and still
    /// needs attention keeps its reservation: another commit on it meanwhile, such as a member's reply,
    /// neither frees the agent's capacity nor queues the ticket again.
    @discardableResult
    func track(_ ticket: Ticket) -> Bool {
        routing.trackedDuringRefresh?.insert(ticket.id)
        routing.trackGeneration &+= 1
        if !routing.reservations.isEmpty, let reservation = routing.reservations[ticket.id],
            ticket.assignee == reservation.previousHolder,
            ticket.status.needsAttention
        {
            return false
        }
        let freed = routing.hold(ticket.id, by: ticket.status.isActive ? ticket.assignee : nil)
        if ticket.assignee == nil && ticket.status.needsAttention {
            let entry = routable(ticket)
            routing.queue.insertOrUpdate(entry)
        } else {
            routing.queue.remove(ticket.id)
        }
        return freed
    }

    /// Counts a ticket the store shows assigned to `agent` and still active, known only by its id (from
    /// a capacity check): the agent holds it and it leaves the queue, as ``track(_:)`` does for such a
    /// ticket read whole.
    func trackHeld(_ ticket: TicketID, by agent: AgentID) {
        routing.trackedDuringRefresh?.insert(ticket)
        routing.trackGeneration &+= 1
        routing.hold(ticket, by: agent)
        routing.queue.remove(ticket)
    }

    /// Assigns queued tickets to agents with free capacity, highest priority and oldest first.
    ///
    /// The assignments are decided on the loads, then each is committed in turn. Every one of them is
    /// reserved before the first commit is awaited — the ticket leaves the queue and counts toward its
    /// agent's load — so a message received meanwhile, or another drain, routes on the loads these
    /// commits will make and no agent is given more than their capacity. A reservation whose commit does
    /// not happen is released.
    func drainQueue() async throws {
        guard configuration.routing.autoAssign, !routing.queue.isEmpty else { return }
        let agents = routing.routable(currentAgentStates(at: clock.now))
        guard agents.contains(where: \.canTakeTicket) else { return }
        let assignments = routing.assigner.drain(queue: routing.queue, agents: agents)
        for assignment in assignments { routing.reserve(assignment.ticketID, for: assignment.agentID) }
        for (index, assignment) in assignments.enumerated() {
            do {
                try await reassign(
                    assignment.ticketID,
                    to: assignment.agentID,
                    from: nil,
                    note: nil,
                    because: describe(assignment.basis),
                    reserved: true
                )
            } catch {
                for rest in assignments[(index + 1)...] { routing.cancelReservation(of: rest.ticketID) }
                throw error
            }
        }
    }

    /// What ``reassign(_:to:from:note:because:reserved:)`` did.
    private enum ReassignOutcome: Sendable {
        /// The assignment was committed.
        case committed
        /// Nothing was written: the ticket (as read, if it exists) no longer needs this assignment.
        case skipped(Ticket?)
    }

    /// Assigns a ticket (or unassigns it) with an explanation and an optional internal note, if it is
    /// still held by `from` and still needs an agent.
    ///
    /// With `reserved`, the routing state holds a reservation of the ticket for `agent`: it ends here,
    /// with the ticket tracked as committed or as read, or is cancelled when the commit fails.
    private func reassign(
        _ id: TicketID,
        to agent: AgentID?,
        from previous: AgentID?,
        note: String?,
        because: String,
        reserved: Bool = false
    ) async throws {
        let outcome: ReassignOutcome
        do {
            outcome = try await assignOnce(id, to: agent, from: previous, note: note, because: because)
        } catch {
            if reserved { routing.cancelReservation(of: id) }
            throw error
        }
        guard reserved else { return }
        routing.endReservation(of: id)
        switch outcome {
        case .committed: break
        case .skipped(let stored?): track(stored)
        case .skipped(nil): routing.hold(id, by: nil)
        }
    }

    private func assignOnce(
        _ id: TicketID,
        to agent: AgentID?,
        from previous: AgentID?,
        note: String?,
        because: String
    ) async throws -> ReassignOutcome {
        try await withTicketLock(id) {
            try await retryingConflicts("assigning ticket \(id)") {
                guard let stored = try await store.ticket(id) else { return .skipped(nil) }
                guard stored.ticket.assignee == previous, stored.ticket.status.needsAttention, agent != previous
                else { return .skipped(stored.ticket) }
                // Another desk on the store may have filled the agent since this desk last read the loads.
                var target = agent
                var why = because
                if let agent, try await isAtCapacityInStore(agent, assigning: id) {
                    guard previous != nil else { return .skipped(stored.ticket) }
                    target = nil
                    why = "\(because); \(agent) is at capacity with tickets from other desks, so back to the queue"
                }
                let now = clock.now
                var result = try executeWithSLA(.assign(target), on: stored.ticket, by: .system, at: now)
                var commands: [TicketCommand] = [
                    .explain([
                        RoutingExplanation(aspect: .assignee, value: target?.rawValue ?? "queue", because: why)
                    ])
                ]
                if let note { commands.append(.internalNote(MessageDraft(id: newMessageID(), body: note))) }
                for command in commands {
                    let next = try executeWithSLA(command, on: result.ticket, by: .system, at: now)
                    result = (next.ticket, result.events + next.events)
                }
                let write = TicketWrite(
                    ticket: result.ticket,
                    expectedVersion: stored.ticket.version,
                    events: result.events,
                    dueAt: dueAt(for: result.ticket)
                )
                try await commitAndSchedule(TicketCommit(writes: [write]))
                return .committed
            }
        }
    }

    func routable(_ ticket: Ticket) -> RoutableTicket {
        RoutableTicket(
            id: ticket.id,
            priority: ticket.priority,
            createdAt: ticket.createdAt,
            slaDue: ticket.sla.running.earliestDue,
            reason: ticket.reason,
            language: ticket.locale
        )
    }

    func currentAgentStates(at now: Date) -> [AgentState] {
        sortedAgents.map { profile in
            let away = configuration.boundaries?.absence(of: profile.id, at: now)
            return AgentState(
                id: profile.id,
                displayName: profile.displayName,
                languages: profile.languages,
                skills: profile.skills,
                capacity: profile.capacity,
                presence: routing.presence[profile.id] ?? .offline,
                isOnShift: profile.shift?.isOpen(at: now) ?? true,
                isAbsent: routing.absent.contains(profile.id) || away != nil,
                substitute: away?.absence.substitute ?? profile.substitute,
                openTickets: routing.load[profile.id] ?? 0
            )
        }
    }

    /// Rebuilds the queue and the loads from the store once. Calls that arrive while the store is being
    /// read wait for that one read: a desk starting under load reads the store once, not once per call.
    func loadRoutingIfNeeded() async throws {
        guard !routing.loaded else { return }
        if let loading = routingLoad { return try await loading.value }
        let loading = Task { try await loadRouting() }
        routingLoad = loading
        defer { routingLoad = nil }
        try await loading.value
    }

    /// Reads the active tickets and the agents' statuses into routing.
    private func loadRouting() async throws {
        guard !routing.loaded else { return }
        var cursor: TicketID?
        repeat {
            let page = try await store.tickets(
                matching: TicketQuery(
                    statuses: [.new, .open, .pending, .onHold],
                    after: cursor,
                    limit: TicketQuery.maximumLimit
                )
            )
            for stored in page.tickets { track(stored.ticket) }
            cursor = page.nextCursor
        } while cursor != nil
        try await loadAgentStatuses()
        routing.loaded = true
    }

    /// Schedules the next shift change of an agent with a shift calendar.
    func scheduleShiftCheck(of agent: AgentID) {
        guard let shift = configuration.agents.first(where: { $0.id == agent })?.shift else { return }
        let now = clock.now
        let next = shift.isOpen(at: now) ? shift.nextClosing(after: now) : try? shift.nextOpening(after: now)
        if let next { schedule(.shiftChange(agent), at: next) }
    }

    /// At a shift change: hand over when the shift ended, drain when it started; then schedule the next.
    func shiftChanged(_ agent: AgentID) async throws {
        guard let profile = configuration.agents.first(where: { $0.id == agent }), let shift = profile.shift else {
            return
        }
        // Another desk may do the same work at the same change: a handover moves only the tickets the
        // agent still holds, so the second finds nothing left to move.
        let open = shift.isOpen(at: clock.now)
        if !open {
            try await handOver(from: agent, cause: .shiftEnded)
        } else {
            try await drainQueue()
        }
        try await recordShift(of: agent, open: open)
        if routing.presence[agent] == .online { scheduleShiftCheck(of: agent) }
    }

    private func requireAgent(_ agent: AgentID) throws {
        guard configuration.agents.contains(where: { $0.id == agent }) else {
            throw DeskError(.notFound, "agent \(agent) is not configured on this desk (DeskConfiguration.agents)")
        }
    }
}
