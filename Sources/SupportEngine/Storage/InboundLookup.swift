import Foundation

/// What a store holds about an inbound message before the desk files it: the answer of
/// ``TicketStore/lookUpInbound(_:threads:)``.
public struct InboundLookup: Sendable, Hashable {
    /// The ticket the message was already stored in, or `nil` when it is new.
    public var storedIn: TicketID?
    /// The ticket each thread key asked about points at; a key that points nowhere is absent.
    public var threadOwners: [ThreadKey: TicketID]

    /// Creates a lookup's answer.
    ///
    /// - Parameters:
    ///   - storedIn: The ticket already holding the message, or `nil`.
    ///   - threadOwners: The tickets the thread keys point at.
    public init(storedIn: TicketID?, threadOwners: [ThreadKey: TicketID]) {
        self.storedIn = storedIn
        self.threadOwners = threadOwners
    }
}

extension TicketStore {
    /// Looks the message and each thread key up one by one, with ``ticketID(forExternalMessage:)`` and
    /// ``ticketID(forThread:)``: correct for any adapter.
    ///
    /// - Parameters:
    ///   - key: The message's channel and external id.
    ///   - threads: The thread keys the message could belong to.
    /// - Returns: The ticket holding the message and the tickets the keys point at.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func lookUpInbound(_ key: ExternalMessageKey, threads: [ThreadKey]) async throws -> InboundLookup {
        let storedIn = try await ticketID(forExternalMessage: key)
        var owners: [ThreadKey: TicketID] = [:]
        for thread in threads where owners[thread] == nil {
            if let owner = try await ticketID(forThread: thread) { owners[thread] = owner }
        }
        return InboundLookup(storedIn: storedIn, threadOwners: owners)
    }
}
