import Foundation

/// Agents' presence, absence and shift state kept in the ``AgentStatusStore``, and the routing loads
/// read back from the ``TicketStore``, so that a restarted desk and every other desk on the store see
/// the same agents.
extension SupportDesk {
    /// Changes an agent's stored status over the version read, reading again on a conflict, and applies
    /// the stored result to routing. A change that leaves the stored status as it is writes nothing.
    @discardableResult
    func updateAgentStatus(
        _ agent: AgentID,
        _ what: String,
        _ change: @Sendable (inout AgentStatus) -> Void
    ) async throws -> AgentStatus {
        let saved = try await retryingConflicts("\(what) of agent \(agent)") {
            let stored = try await agentStatusStore.agentStatus(of: agent)
            var status = stored ?? AgentStatus(agent: agent, updatedAt: clock.now)
            change(&status)
            if let stored, status == stored { return stored }
            status.updatedAt = clock.now
            return try await agentStatusStore.saveAgentStatus(status, expectedVersion: stored?.version ?? 0)
        }
        apply(saved)
        return saved
    }

    /// Routing's view of an agent from their stored status.
    func apply(_ status: AgentStatus) {
        routing.presence[status.agent] = status.presence
        if status.isAbsent {
            routing.absent.insert(status.agent)
        } else {
            routing.absent.remove(status.agent)
        }
    }

    /// Reads every configured agent's stored status into routing when the desk starts, and puts their
    /// shift changes on the timers: a shift that closed while no desk was running (the stored status
    /// says it was open) is handed over at once.
    func loadAgentStatuses() async throws {
        let statuses = try await agentStatusStore.agentStatuses()
        let now = clock.now
        for status in statuses {
            guard let profile = configuration.agents.first(where: { $0.id == status.agent }) else { continue }
            apply(status)
            guard status.presence == .online, let shift = profile.shift else { continue }
            if status.shiftWasOpen == true && !shift.isOpen(at: now) {
                schedule(.shiftChange(status.agent), at: now)
            } else {
                scheduleShiftCheck(of: status.agent)
            }
        }
    }

    /// Reads what other desks changed since the last look: agents' presence and absence, and who holds
    /// which active ticket, so that assignment here counts the tickets other desks gave each agent.
    ///
    /// A ticket this desk committed or reserved while the reads were under way keeps what this desk
    /// knows of it, which is newer than what was read.
    func refreshRoutingFromStore() async throws {
        guard routing.loaded, routing.trackedDuringRefresh == nil else { return }
        routing.trackedDuringRefresh = []
        defer { routing.trackedDuringRefresh = nil }
        let statuses = try await agentStatusStore.agentStatuses()
        var held: [TicketID: Ticket] = [:]
        for profile in sortedAgents {
            var cursor: TicketID?
            repeat {
                let page = try await store.tickets(
                    matching: TicketQuery(
                        statuses: [.new, .open, .pending, .onHold],
                        assignee: profile.id,
                        after: cursor,
                        limit: TicketQuery.maximumLimit
                    )
                )
                for stored in page.tickets { held[stored.ticket.id] = stored.ticket }
                cursor = page.nextCursor
            } while cursor != nil
        }
        for status in statuses where configuration.agents.contains(where: { $0.id == status.agent }) {
            let cameOnline = status.presence == .online && routing.presence[status.agent] != .online
            apply(status)
            if cameOnline { scheduleShiftCheck(of: status.agent) }
        }
        // The loads are read afresh: an agent another desk filled is chosen again only if they have room.
        routing.fullInStore = []
        let newer = routing.trackedDuringRefresh ?? []
        for (id, ticket) in held where !newer.contains(id) && routing.reservations[id] == nil {
            track(ticket)
        }
        // Tickets this desk thinks an agent holds that the store no longer lists as theirs: read each.
        let gone = routing.holders.keys.filter { held[$0] == nil && !newer.contains($0) }
        for id in gone {
            let stored = try await store.ticket(id)
            guard routing.holders[id] != nil, routing.reservations[id] == nil,
                routing.trackedDuringRefresh?.contains(id) != true
            else { continue }
            if let stored { track(stored.ticket) } else { routing.hold(id, by: nil) }
        }
    }

    /// Whether `agent` holds their whole capacity without `ticket`, counting what the store shows (the
    /// tickets other desks gave them) together with what this desk holds for them or is committing: read
    /// just before an assignment commits, so that desks on one store do not give one agent more than
    /// their capacity between two scans. Only ids are read (``TicketStore/ticketIDs(assignedTo:statuses:limit:)``),
    /// and the agent holds each of them here from then on, so routing counts them. An agent found full is
    /// passed over by this desk's choices until the next scan of the store, or until a ticket of theirs
    /// leaves them here (``RoutingState/fullInStore``), so the desk does not read again for every message
    /// while the agent stays full. A desk alone on its store (``DeskConfiguration/storeScanInterval``
    /// `nil`) knows every load and does not read.
    func isAtCapacityInStore(_ agent: AgentID, assigning ticket: TicketID) async throws -> Bool {
        guard configuration.storeScanInterval != nil,
            let capacity = sortedAgents.first(where: { $0.id == agent })?.capacity
        else { return false }
        let generation = routing.trackGeneration
        let releases = routing.releases[agent]
        let stored = try await store.ticketIDs(
            assignedTo: agent,
            statuses: [.new, .open, .pending, .onHold],
            limit: min(capacity + 1, TicketQuery.maximumLimit)
        )
        // What the agent holds here (their load) and what the store shows on top of it, without `ticket`.
        var held = routing.load[agent] ?? 0
        for id in stored where routing.holders[id] != agent { held += 1 }
        if routing.holders[ticket] == agent || stored.contains(ticket) { held -= 1 }
        // What was read is older than a commit this desk made meanwhile: count it only when none came.
        if routing.trackGeneration == generation {
            for id in stored where routing.reservations[id] == nil { trackHeld(id, by: agent) }
        }
        // Remembered only when the agent freed nothing here during the read: a ticket they let go of
        // meanwhile may still be in what was read, and counted again.
        if held >= capacity, routing.releases[agent] == releases { routing.fullInStore.insert(agent) }
        return held >= capacity
    }

    /// Chooses an agent as ``chooseAgent(for:excluding:)`` does, passing over one the store shows at
    /// capacity with tickets other desks gave them. The choice returned is made after the last read, so
    /// the caller can hold the agent's capacity before anything else runs.
    func chooseAgentCheckingStore(for ticket: Ticket, excluding: AgentID? = nil) async throws -> Assignment? {
        var checked: Set<AgentID> = []
        while true {
            guard let assignment = chooseAgent(for: ticket, excluding: excluding) else { return nil }
            if configuration.storeScanInterval == nil || checked.contains(assignment.agentID) { return assignment }
            checked.insert(assignment.agentID)
            // Full or not, the read let other work in: choose again on the loads as they are now, passing
            // over an agent the store shows full (``RoutingState/fullInStore``). The tickets read are counted
            // in the agent's load only when no commit came meanwhile, so the load alone cannot be relied on
            // to pass them over: under steady traffic a commit always comes.
            _ = try await isAtCapacityInStore(assignment.agentID, assigning: ticket.id)
        }
    }

    /// Records in the agent's stored status whether their shift is open, after a desk did the shift
    /// change's work; a status that already says so is left as it is.
    func recordShift(of agent: AgentID, open: Bool) async throws {
        try await updateAgentStatus(agent, "recording the shift") { $0.shiftWasOpen = open }
    }
}
