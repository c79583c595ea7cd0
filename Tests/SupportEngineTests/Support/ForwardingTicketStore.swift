import Foundation
import SupportEngine

/// A test store that passes every call on to ``base``: a careless-adapter double overrides only the
/// calls it gets wrong.
protocol ForwardingTicketStore: TicketStore {
    /// The store the calls go to.
    var base: InMemoryTicketStore { get }
}

extension ForwardingTicketStore {
    func commit(_ commit: TicketCommit) async throws { try await base.commit(commit) }
    func ticket(_ id: TicketID) async throws -> StoredTicket? { await base.ticket(id) }
    func events(of id: TicketID) async throws -> [TicketEvent] { await base.events(of: id) }
    func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        await base.ticketID(forExternalMessage: key)
    }
    func ticketID(forThread key: ThreadKey) async throws -> TicketID? { await base.ticketID(forThread: key) }
    func nextTicketNumber() async throws -> TicketNumber { try await base.nextTicketNumber() }
    func ticketID(forNumber number: TicketNumber) async throws -> TicketID? { await base.ticketID(forNumber: number) }
    func tickets(matching query: TicketQuery) async throws -> TicketPage { try await base.tickets(matching: query) }
    func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        await base.pendingOutbound(dueBy: instant, limit: limit)
    }
    func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        await base.claimOutbound(id, at: instant, until: until)
    }
    var storesClaimsOnCommit: Bool { base.storesClaimsOnCommit }
    func updateOutbound(_ message: OutboundMessage) async throws { try await base.updateOutbound(message) }
    func outbound(_ id: OutboundID) async throws -> OutboundMessage? { await base.outbound(id) }
    func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] { await base.outbound(ofTicket: ticket) }
    func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        await base.deadLetteredOutbound(after: after, limit: limit)
    }
    func outbound(matching query: OutboxQuery) async throws -> OutboxPage { try await base.outbound(matching: query) }
    func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        try await base.deskEvents(after: position, limit: limit)
    }
}
