/// How an assignment was decided, for the audit.
public enum AssignmentBasis: Hashable, Sendable, Codable {
    /// The ticket's preferred agent (``RoutableTicket/preferredAgent``) could take it.
    case preferred
    /// The given agent is absent and the ticket went to their substitute.
    case substitute(for: AgentID)
    /// The strategy chose among the available agents.
    case strategy(AssignmentStrategy)
}

/// A decision to give one ticket to one agent, to be applied by the desk.
public struct Assignment: Hashable, Sendable, Codable {
    /// The ticket.
    public var ticketID: TicketID
    /// The agent who gets it.
    public var agentID: AgentID
    /// How the agent was chosen.
    public var basis: AssignmentBasis

    /// Creates an assignment.
    ///
    /// - Parameters:
    ///   - ticketID: The ticket.
    ///   - agentID: The agent who gets it.
    ///   - basis: How the agent was chosen.
    public init(ticketID: TicketID, agentID: AgentID, basis: AssignmentBasis) {
        self.ticketID = ticketID
        self.agentID = agentID
        self.basis = basis
    }
}

/// How the ``Assigner`` picks among the agents who can take a ticket.
///
/// Whatever the strategy, an agent who is offline, away, off shift, absent or at capacity is never
/// picked; when nobody can take a ticket, it waits in the queue.
public enum AssignmentStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    /// Take turns in agent-id order, starting after the agent assigned last.
    case roundRobin
    /// The agent with the fewest open tickets; ties go to more free capacity, then to the next in turn.
    case leastLoaded
    /// Agents skilled at the reason who speak the member's language first, then those who speak the
    /// language, then those skilled at the reason, then anyone; least-loaded within the best group.
    case skillsAndLanguage
}
