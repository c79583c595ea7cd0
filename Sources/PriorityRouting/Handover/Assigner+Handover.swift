extension Assigner {
    /// Plans a handover: every `new` or `open` ticket of the leaving agent gets another agent or
    /// goes back to the queue, with a note; nothing that needs an agent stays with one who is gone.
    ///
    /// Tickets are placed most urgent first (the queue's order), so the best-placed agents go to them.
    /// Each ticket goes, in order, to its preferred agent (if not the leaving one and able to take
    /// it); on an absence, to the leaving agent's ``AgentState/substitute`` (or theirs, if absent
    /// too); else to the agent the ``strategy`` picks; else back to the queue. The leaving agent is
    /// never chosen, whatever their state says. Loads grow as tickets are placed.
    ///
    /// - Parameters:
    ///   - leaving: The agent who hands over.
    ///   - tickets: The tickets the agent holds, with their statuses.
    ///   - agents: The agents' current state; may include the leaving agent (their substitute is read there).
    ///   - cause: Why the agent hands over.
    /// - Returns: The plan for the desk to apply.
    public mutating func planHandover(
        from leaving: AgentID,
        tickets: [HandoverTicket],
        agents: [AgentState],
        cause: HandoverCause
    ) -> HandoverPlan {
        var pool = AgentPool(agents, excluding: [leaving])
        let leavingState = pool.agent(leaving)
        let leavingName = leavingState.map { "\($0.displayName) (\(leaving))" } ?? "\(leaving)"
        var movable = tickets.enumerated().filter { $0.element.state.needsAgent }
        movable.sort { lhs, rhs in
            if lhs.element.ticket.goesBefore(rhs.element.ticket) { return true }
            if rhs.element.ticket.goesBefore(lhs.element.ticket) { return false }
            return lhs.offset < rhs.offset
        }
        var moves: [HandoverMove] = []
        for (_, held) in movable {
            var ticket = held.ticket
            if ticket.preferredAgent == leaving { ticket.preferredAgent = nil }
            var assignment: Assignment?
            if cause == .absence || leavingState?.isAbsent == true, var absent = leavingState {
                absent.isAbsent = true
                if let substitute = pool.substitute(of: absent) {
                    pool.recordAssignment(to: substitute.id)
                    lastAssigned = substitute.id
                    assignment = Assignment(
                        ticketID: ticket.id,
                        agentID: substitute.id,
                        basis: .substitute(for: leaving)
                    )
                }
            }
            if assignment == nil { assignment = choose(for: ticket, in: &pool) }
            let summary = "\(ticket.id) (\(held.state), \(ticket.priority), \(ticket.reason))"
            let header = "Handover from \(leavingName), \(cause.phrase): \(summary)"
            if let assignment, let agent = pool.agent(assignment.agentID) {
                let role = assignment.basis == .substitute(for: leaving) ? " as substitute" : ""
                moves.append(
                    HandoverMove(
                        ticketID: ticket.id,
                        state: held.state,
                        destination: .agent(agent.id),
                        assignment: assignment,
                        note: "\(header) reassigned to \(agent.displayName) (\(agent.id))\(role)."
                    )
                )
            } else {
                moves.append(
                    HandoverMove(
                        ticketID: ticket.id,
                        state: held.state,
                        destination: .queue,
                        assignment: nil,
                        note: "\(header) returned to the queue: no agent on shift with free capacity."
                    )
                )
            }
        }
        return HandoverPlan(
            leavingAgent: leaving,
            cause: cause,
            moves: moves,
            staying: tickets.filter { $0.state.isWaiting },
            finished: tickets.filter { $0.state == .solved || $0.state == .closed }
        )
    }
}
