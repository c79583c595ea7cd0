import Foundation
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Finds the ticket holding an inbound message and the tickets its thread keys point at in one
    /// prepared statement; see ``TicketStore/lookUpInbound(_:threads:)``.
    ///
    /// - Parameters:
    ///   - key: The message's channel and external id.
    ///   - threads: The thread keys the message could belong to.
    /// - Returns: The ticket holding the message and the tickets the keys point at.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func lookUpInbound(_ key: ExternalMessageKey, threads: [ThreadKey]) async throws -> InboundLookup {
        // Read for every message received: prepared. A row with a NULL key is the message's own.
        let rows = try await access.prepared(
            """
            SELECT NULL::text, ticket_id FROM \(unescaped: table("external_keys"))
            WHERE channel = \(key.channel.rawValue) AND external_id = \(key.externalID)
            UNION ALL
            SELECT key, ticket_id FROM \(unescaped: table("thread_keys")) WHERE key = ANY(\(threads.map(\.rawValue)))
            """,
            "looking up message \(key) and its threads"
        ) { rows in try rows.map { try $0.decode((String?, String).self) } }
        var lookup = InboundLookup(storedIn: nil, threadOwners: [:])
        for (thread, ticket) in rows {
            if let thread {
                lookup.threadOwners[ThreadKey(rawValue: thread)] = TicketID(rawValue: ticket)
            } else {
                lookup.storedIn = TicketID(rawValue: ticket)
            }
        }
        return lookup
    }
}
