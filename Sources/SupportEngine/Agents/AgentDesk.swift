import Foundation

/// The agents' side of a desk: presence, absence, shift handover and the queue.
///
/// Reach it through ``SupportDesk/agents``; it is a small value that forwards to the desk, so it can be
/// kept and passed around freely.
public struct AgentDesk: Sendable {
    /// The desk this façade works on.
    let desk: SupportDesk

    /// Sets an agent's presence. Coming online drains the queue into their free capacity.
    ///
    /// - Parameters:
    ///   - presence: Online, away or offline.
    ///   - agent: The agent; must be in ``DeskConfiguration/agents``.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` for an unknown agent; ``StoreError``.
    public func setPresence(
        _ presence: AgentPresence,
        of agent: AgentID
    ) async throws {
        try await desk.setPresence(presence, of: agent)
    }

    /// Marks an agent absent (on leave) or back. Going absent hands their new and open tickets over.
    ///
    /// - Parameters:
    ///   - absent: Whether the agent is absent.
    ///   - agent: The agent.
    /// - Returns: The handover plan when the agent went absent, else `nil`.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` for an unknown agent; ``StoreError``.
    @discardableResult
    public func setAbsent(
        _ absent: Bool,
        agent: AgentID
    ) async throws -> HandoverPlan? {
        try await desk.setAbsent(absent, agent: agent)
    }

    /// The agents as routing sees them now: presence, shift, absence and load.
    ///
    /// - Returns: One state per configured agent.
    /// - Throws: ``StoreError`` when the routing state cannot be rebuilt from the store.
    public func states() async throws -> [AgentState] {
        try await desk.agentStates()
    }

    /// The unassigned tickets waiting for an agent, in serving order: priority, SLA due, age.
    ///
    /// - Returns: The queue's ticket ids.
    /// - Throws: ``StoreError`` when the routing state cannot be rebuilt from the store.
    public func queue() async throws -> [TicketID] {
        try await desk.queuedTickets()
    }

    /// Moves every new and open ticket of an agent to an available agent or back to the queue, each
    /// with an internal handover note; pending and on-hold tickets stay with them.
    ///
    /// Called by the desk at the end of an agent's shift and when they go absent; hosts call it on
    /// demand (an agent leaving early).
    ///
    /// - Parameters:
    ///   - agent: The leaving agent.
    ///   - cause: Why they leave.
    /// - Returns: The plan that was carried out.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notFound`` for an unknown agent; ``StoreError``.
    @discardableResult
    public func handOver(
        from agent: AgentID,
        cause: HandoverCause = .unavailable
    ) async throws -> HandoverPlan {
        try await desk.handOver(from: agent, cause: cause)
    }
}

extension SupportDesk {
    /// The agents' side of a desk: presence, absence, shift handover and the queue.
    public nonisolated var agents: AgentDesk { AgentDesk(desk: self) }
}
