import Foundation

@testable import SupportEngine

/// Sits between a desk and the shared store and remembers which outbound messages a desk failed to
/// update: the only ones a channel may legitimately see twice (delivery is at-least-once).
final class ModelWitnessStore: TicketStore {
    let base: any TicketStore
    private let failedUpdates = LockedBox(Set<OutboundID>())

    init(base: any TicketStore) { self.base = base }

    /// The messages whose update after an attempt threw.
    var messagesWithFailedUpdates: Set<OutboundID> { failedUpdates.withLock { $0 } }

    func commit(_ commit: TicketCommit) async throws {
        await Task.yield()
        try await base.commit(commit)
    }

    func ticket(_ id: TicketID) async throws -> StoredTicket? {
        await Task.yield()
        return try await base.ticket(id)
    }

    func events(of id: TicketID) async throws -> [TicketEvent] { try await base.events(of: id) }

    func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        await Task.yield()
        return try await base.ticketID(forExternalMessage: key)
    }

    func ticketID(forThread key: ThreadKey) async throws -> TicketID? { try await base.ticketID(forThread: key) }

    func nextTicketNumber() async throws -> TicketNumber { try await base.nextTicketNumber() }

    func ticketID(forNumber number: TicketNumber) async throws -> TicketID? {
        try await base.ticketID(forNumber: number)
    }

    func tickets(matching query: TicketQuery) async throws -> TicketPage { try await base.tickets(matching: query) }

    func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        try await base.pendingOutbound(dueBy: instant, limit: limit)
    }

    var storesClaimsOnCommit: Bool { base.storesClaimsOnCommit }

    func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        await Task.yield()
        return try await base.claimOutbound(id, at: instant, until: until)
    }

    func updateOutbound(_ message: OutboundMessage) async throws {
        do {
            try await base.updateOutbound(message)
        } catch {
            failedUpdates.withLock { _ = $0.insert(message.id) }
            throw error
        }
    }

    func outbound(_ id: OutboundID) async throws -> OutboundMessage? { try await base.outbound(id) }

    func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] {
        try await base.outbound(ofTicket: ticket)
    }

    func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        try await base.deadLetteredOutbound(after: after, limit: limit)
    }

    func outbound(matching query: OutboxQuery) async throws -> OutboxPage {
        try await base.outbound(matching: query)
    }

    func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        try await base.deskEvents(after: position, limit: limit)
    }
}
