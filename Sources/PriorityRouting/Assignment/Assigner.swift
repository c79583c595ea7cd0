/// Decides which agent gets a ticket, and which waiting tickets to hand out when capacity frees.
///
/// A value: it carries the round-robin turn (``lastAssigned``) as state, so the desk keeps it with
/// its other state and every decision is reproducible. It never reads a clock or a roster; agents'
/// presence, shifts, absences and loads come in as ``AgentState`` values.
///
/// For every ticket, in order:
/// 1. its ``RoutableTicket/preferredAgent``, if that agent can take a ticket now;
/// 2. if the preferred agent is absent, their ``AgentState/substitute`` (following substitutes of
///    absent substitutes);
/// 3. the agent the ``strategy`` picks among those who can take a ticket now;
/// 4. nobody: the ticket waits in the queue.
///
/// An agent can take a ticket when online, on shift, not absent and below capacity
/// (``AgentState/canTakeTicket``); no other agent is ever chosen.
public struct Assigner: Hashable, Sendable, Codable {
    /// How the assigner picks among the agents who can take a ticket.
    public var strategy: AssignmentStrategy
    /// The agent given the last ticket; round robin continues after them, and ties rotate from them.
    public var lastAssigned: AgentID?

    /// Creates an assigner.
    ///
    /// - Parameters:
    ///   - strategy: How to pick among the agents who can take a ticket.
    ///   - lastAssigned: The agent given the last ticket, to continue a saved rotation.
    public init(strategy: AssignmentStrategy, lastAssigned: AgentID? = nil) {
        self.strategy = strategy
        self.lastAssigned = lastAssigned
    }

    /// Chooses the agent for one ticket and advances the rotation.
    ///
    /// - Parameters:
    ///   - ticket: The ticket to place.
    ///   - agents: The agents' current state (a repeated id counts once, the first time).
    /// - Returns: The assignment, or `nil` when nobody can take the ticket now (it should wait in the queue).
    public mutating func choose(for ticket: RoutableTicket, among agents: [AgentState]) -> Assignment? {
        // Without a preferred agent, one pass both checks that the agents come sorted by id (as the
        // desk passes them) and picks; only agents in another order take the sorting path.
        if ticket.preferredAgent == nil {
            switch AgentPool(unverified: agents).pick(for: ticket, strategy: strategy, after: lastAssigned) {
            case .agent(let agent):
                lastAssigned = agent.id
                return Assignment(ticketID: ticket.id, agentID: agent.id, basis: .strategy(strategy))
            case .nobody:
                return nil
            case .unsorted:
                break
            }
        }
        var pool = AgentPool(agents)
        return choose(for: ticket, in: &pool, recordingLoad: false)
    }

    /// Hands out waiting tickets: highest priority first, then the earliest SLA due date, then the oldest.
    ///
    /// Call it whenever capacity frees: a ticket is solved, an agent comes online, starts a shift or
    /// returns from an absence. Loads grow as tickets are given out, so no agent goes over capacity.
    /// The queue is not changed: the desk applies the assignments and removes those tickets.
    ///
    /// - Parameters:
    ///   - queue: The waiting tickets.
    ///   - agents: The agents' current state.
    /// - Returns: The assignments to make, in serving order; empty when nobody can take a ticket.
    public mutating func drain(queue: TicketQueue, agents: [AgentState]) -> [Assignment] {
        var pool = AgentPool(agents)
        var slots = pool.freeSlots
        var assignments: [Assignment] = []
        guard slots > 0 else { return assignments }
        for entry in queue.ordered {
            guard let assignment = choose(for: entry.ticket, in: &pool) else { continue }
            assignments.append(assignment)
            slots -= 1
            if slots == 0 { break }
        }
        return assignments
    }

    /// Chooses the agent for one ticket from a pool and advances the rotation; with `recordingLoad`
    /// the pool counts the ticket in the agent's load, for the next decision from the same pool.
    mutating func choose(
        for ticket: RoutableTicket,
        in pool: inout AgentPool,
        recordingLoad: Bool = true
    ) -> Assignment? {
        var chosen: (agent: AgentState, basis: AssignmentBasis)?
        if let preferredID = ticket.preferredAgent, let preferred = pool.agent(preferredID) {
            if pool.isEligible(preferredID) {
                chosen = (preferred, .preferred)
            } else if preferred.isAbsent, let substitute = pool.substitute(of: preferred) {
                chosen = (substitute, .substitute(for: preferredID))
            }
        }
        if chosen == nil, case .agent(let picked) = pool.pick(for: ticket, strategy: strategy, after: lastAssigned) {
            chosen = (picked, .strategy(strategy))
        }
        guard let chosen else { return nil }
        if recordingLoad { pool.recordAssignment(to: chosen.agent.id) }
        lastAssigned = chosen.agent.id
        return Assignment(ticketID: ticket.id, agentID: chosen.agent.id, basis: chosen.basis)
    }

    /// Checks agents' states from outside before routing with them.
    ///
    /// - Parameter agents: The agents' states.
    /// - Throws: ``RoutingError`` with ``RoutingError/Code/invalidAgent`` naming the path
    ///   (`agents[2].capacity`) of a malformed or repeated id, a negative capacity or load, or an
    ///   agent who is their own substitute.
    public static func validate(_ agents: [AgentState]) throws {
        var seen: Set<AgentID> = []
        for (index, agent) in agents.enumerated() {
            let path = "agents[\(index)]"
            guard agent.id.isWellFormed else {
                throw RoutingError(
                    .invalidAgent,
                    "\(path).id '\(agent.id)' is not a usable id: 1 to 200 printable characters"
                )
            }
            guard seen.insert(agent.id).inserted else {
                throw RoutingError(.invalidAgent, "\(path).id '\(agent.id)' is listed twice: list each agent once")
            }
            guard agent.capacity >= 0 else {
                throw RoutingError(.invalidAgent, "\(path).capacity is \(agent.capacity): use 0 or more")
            }
            guard agent.openTickets >= 0 else {
                throw RoutingError(.invalidAgent, "\(path).openTickets is \(agent.openTickets): use 0 or more")
            }
            guard agent.substitute != agent.id else {
                throw RoutingError(
                    .invalidAgent,
                    "\(path).substitute is the agent themself: name another agent or none"
                )
            }
        }
    }
}
