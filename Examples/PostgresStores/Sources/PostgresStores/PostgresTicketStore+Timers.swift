import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Lists the id and due instant of the tickets due before `horizon`, in id order, from the due
    /// index without reading the snapshots; see ``TicketStore/ticketTimers(dueBefore:after:limit:)``.
    ///
    /// - Parameters:
    ///   - horizon: Only tickets whose stored due instant is before this instant.
    ///   - cursor: The last id of the previous page, or `nil` for the first.
    ///   - limit: The most entries to return, 1 to ``TicketQuery/maximumLimit``.
    /// - Returns: The entries, in id order.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func ticketTimers(dueBefore horizon: Date, after cursor: TicketID?, limit: Int) async throws -> [TicketTimer]
    {
        try TicketQuery(dueBefore: horizon, after: cursor, limit: limit).validate()
        // One text for the first page and the next ones: an empty cursor sorts before every id.
        return try await access.prepared(
            """
            SELECT id, due_at FROM \(unescaped: table("tickets"))
            WHERE due_at IS NOT NULL AND due_at < \(horizon.storedValue) AND id > \(cursor?.rawValue ?? "")
            ORDER BY id LIMIT \(limit)
            """,
            "listing the timers due before \(horizon)"
        ) { rows in
            try rows.map { row in
                let (id, due) = try row.decode((String, Double).self)
                return TicketTimer(ticketID: TicketID(rawValue: id), dueAt: Date(storedValue: due))
            }
        }
    }
}
