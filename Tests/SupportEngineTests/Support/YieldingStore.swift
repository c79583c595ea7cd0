import Foundation
import SupportEngine
import SupportEngineTesting

/// An in-memory store that gives up its thread before every call, as a store doing I/O would, so that
/// concurrent desk operations interleave between their reads and their commits.
struct YieldingStore: TicketStore {
    let base: InMemoryTicketStore

    func commit(_ commit: TicketCommit) async throws {
        await Task.yield()
        try await base.commit(commit)
    }

    func ticket(_ id: TicketID) async throws -> StoredTicket? {
        await Task.yield()
        return await base.ticket(id)
    }

    func events(of id: TicketID) async throws -> [TicketEvent] {
        await Task.yield()
        return await base.events(of: id)
    }

    func ticketID(forExternalMessage key: ExternalMessageKey) async throws -> TicketID? {
        await Task.yield()
        return await base.ticketID(forExternalMessage: key)
    }

    func ticketID(forThread key: ThreadKey) async throws -> TicketID? {
        await Task.yield()
        return await base.ticketID(forThread: key)
    }

    func nextTicketNumber() async throws -> TicketNumber {
        await Task.yield()
        return try await base.nextTicketNumber()
    }

    func ticketID(forNumber number: TicketNumber) async throws -> TicketID? {
        await Task.yield()
        return await base.ticketID(forNumber: number)
    }

    func tickets(matching query: TicketQuery) async throws -> TicketPage {
        await Task.yield()
        return try await base.tickets(matching: query)
    }

    func pendingOutbound(dueBy instant: Date, limit: Int) async throws -> [OutboundMessage] {
        await Task.yield()
        return await base.pendingOutbound(dueBy: instant, limit: limit)
    }

    func updateOutbound(_ message: OutboundMessage) async throws {
        await Task.yield()
        try await base.updateOutbound(message)
    }

    var storesClaimsOnCommit: Bool { base.storesClaimsOnCommit }

    func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        await Task.yield()
        return await base.claimOutbound(id, at: instant, until: until)
    }

    func outbound(_ id: OutboundID) async throws -> OutboundMessage? {
        await Task.yield()
        return await base.outbound(id)
    }

    func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] {
        await Task.yield()
        return await base.outbound(ofTicket: ticket)
    }

    func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        await Task.yield()
        return await base.deadLetteredOutbound(after: after, limit: limit)
    }

    func outbound(matching query: OutboxQuery) async throws -> OutboxPage {
        await Task.yield()
        return try await base.outbound(matching: query)
    }

    func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        await Task.yield()
        return try await base.deskEvents(after: position, limit: limit)
    }
}
