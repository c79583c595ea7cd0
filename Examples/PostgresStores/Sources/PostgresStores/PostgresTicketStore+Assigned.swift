import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Lists the ids of an agent's tickets in some statuses from the assignee index, without reading the
    /// tickets; see ``TicketStore/ticketIDs(assignedTo:statuses:limit:)``.
    ///
    /// - Parameters:
    ///   - agent: The assignee.
    ///   - statuses: The statuses to count.
    ///   - limit: The most ids to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The ids, in id order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func ticketIDs(
        assignedTo agent: AgentID,
        statuses: Set<TicketStatus>,
        limit: Int
    ) async throws -> [TicketID] {
        try TicketQuery(statuses: statuses, assignee: agent, limit: limit).validate()
        // Read for every assignment: prepared.
        return try await access.prepared(
            """
            SELECT id FROM \(unescaped: table("tickets"))
            WHERE assignee = \(agent.rawValue) AND status = ANY(\(statuses.map(\.rawValue).sorted()))
            ORDER BY id LIMIT \(limit)
            """,
            "listing the tickets of \(agent)"
        ) { rows in try rows.map { TicketID(rawValue: try $0.decode(String.self)) } }
    }
}
