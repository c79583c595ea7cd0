import Foundation

extension TicketStore {
    /// Lists the due instants of the tickets due before `horizon` by reading the tickets themselves
    /// with ``tickets(matching:)``: correct for any adapter; one with an index on the due instant reads
    /// only the ids and instants instead.
    ///
    /// - Parameters:
    ///   - horizon: Only tickets whose stored due instant is before this instant.
    ///   - cursor: The last id of the previous page, or `nil` for the first.
    ///   - limit: The most entries to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The entries, in id order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range.
    public func ticketTimers(dueBefore horizon: Date, after cursor: TicketID?, limit: Int) async throws -> [TicketTimer]
    {
        let page = try await tickets(matching: TicketQuery(dueBefore: horizon, after: cursor, limit: limit))
        return page.tickets.compactMap { stored in
            stored.dueAt.map { TicketTimer(ticketID: stored.ticket.id, dueAt: $0) }
        }
    }
}
