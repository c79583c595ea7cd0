import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Reads several tickets in one statement; see ``TicketStore/tickets(_:)``.
    ///
    /// - Parameter ids: The tickets' ids, at most `TicketQuery.maximumLimit` of them.
    /// - Returns: One entry per id, in the order of `ids`, `nil` where there is no such ticket.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for more ids than that, or with
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func tickets(_ ids: [TicketID]) async throws -> [StoredTicket?] {
        try TicketQuery.validateBatch(ids)
        guard !ids.isEmpty else { return [] }
        let rows = try await access.prepared(
            """
            SELECT id, snapshot::text, due_at FROM \(unescaped: table("tickets"))
            WHERE id = ANY(\(ids.map(\.rawValue)))
            """,
            "reading \(ids.count) tickets"
        ) { rows in try rows.map { try $0.decode((String, String, Double?).self) } }
        var found: [String: StoredTicket] = [:]
        for (id, text, due) in rows {
            found[id] = StoredTicket(
                ticket: try decode(Ticket.self, from: text),
                dueAt: due.map(Date.init(storedValue:))
            )
        }
        return ids.map { found[$0.rawValue] }
    }
}
