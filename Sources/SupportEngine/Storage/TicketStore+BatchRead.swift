import Foundation

extension TicketStore {
    /// Reads several tickets with one ``ticket(_:)`` call per id: correct for any adapter; one that can
    /// answer in one round trip overrides it.
    ///
    /// - Parameter ids: The tickets' ids, at most ``TicketQuery/maximumLimit`` of them.
    /// - Returns: One entry per id, in the order of `ids`, `nil` where there is no such ticket.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for more ids than that, or what
    ///   ``ticket(_:)`` throws.
    public func tickets(_ ids: [TicketID]) async throws -> [StoredTicket?] {
        try TicketQuery.validateBatch(ids)
        var found: [StoredTicket?] = []
        found.reserveCapacity(ids.count)
        for id in ids { found.append(try await ticket(id)) }
        return found
    }
}

extension TicketQuery {
    /// Checks the size of a batch read by id (``TicketStore/tickets(_:)``).
    ///
    /// - Parameter ids: The ids asked for.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for more than ``maximumLimit`` ids.
    public static func validateBatch(_ ids: [TicketID]) throws {
        guard ids.count <= maximumLimit else {
            throw StoreError(
                .invalidQuery,
                "a batch read takes at most \(maximumLimit) ticket ids, not \(ids.count); read them in pages"
            )
        }
    }
}
