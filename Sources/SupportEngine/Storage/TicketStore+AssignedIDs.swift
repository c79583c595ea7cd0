import Foundation

extension TicketStore {
    /// Lists the ids of an agent's tickets by reading the tickets themselves with
    /// ``tickets(matching:)``: correct for any adapter; one with an index on the assignee reads only the
    /// ids instead.
    ///
    /// - Parameters:
    ///   - agent: The assignee.
    ///   - statuses: The statuses to count.
    ///   - limit: The most ids to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The ids, in id order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    public func ticketIDs(
        assignedTo agent: AgentID,
        statuses: Set<TicketStatus>,
        limit: Int
    ) async throws -> [TicketID] {
        let page = try await tickets(matching: TicketQuery(statuses: statuses, assignee: agent, limit: limit))
        return page.tickets.map(\.ticket.id)
    }
}
