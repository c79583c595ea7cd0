import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// An in-memory ticket store that holds every commit on one ticket until the test lets it go, so a test
/// can stop a commit mid-way while other desk calls run.
private actor CommitHoldingStore: TicketStore {
    let base = InMemoryTicketStore()
    private var heldTicket: TicketID?
    private var held: [CheckedContinuation<Void, Never>] = []

    var heldCommits: Int { held.count }

    /// Holds every commit that writes `ticket`, from now until ``stopHolding()``.
    func holdCommits(of ticket: TicketID) { heldTicket = ticket }

    /// Lets the oldest held commit go on.
    func releaseOne() {
        guard !held.isEmpty else { return }
        held.removeFirst().resume()
    }

    /// Lets every held commit go on and holds no more.
    func stopHolding() {
        heldTicket = nil
        for continuation in held { continuation.resume() }
        held = []
    }

    func commit(_ commit: TicketCommit) async throws {
        if let heldTicket, commit.writes.contains(where: { $0.ticket.id == heldTicket }) {
            await withCheckedContinuation { held.append($0) }
        }
        try await base.commit(commit)
    }

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

    func updateOutbound(_ message: OutboundMessage) async throws { try await base.updateOutbound(message) }

    func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        await base.claimOutbound(id, at: instant, until: until)
    }

    func outbound(_ id: OutboundID) async throws -> OutboundMessage? { await base.outbound(id) }

    func outbound(ofTicket ticket: TicketID) async throws -> [OutboundMessage] {
        await base.outbound(ofTicket: ticket)
    }

    func deadLetteredOutbound(after: OutboundID?, limit: Int) async throws -> [OutboundMessage] {
        await base.deadLetteredOutbound(after: after, limit: limit)
    }

    func outbound(matching query: OutboxQuery) async throws -> OutboxPage {
        try await base.outbound(matching: query)
    }

    func deskEvents(after position: Int, limit: Int) async throws -> [DeskFeedEntry] {
        try await base.deskEvents(after: position, limit: limit)
    }
}

@Suite("A drain's reservation")
struct DrainReservationTests {
    /// A member's reply committed on a ticket a drain has promised to an agent, before the drain's own
    /// commit, must not hand the agent's capacity to the next message.
    @Test func aReplyOnAReservedTicketKeepsTheReservation() async throws {
        let clock = ManualClock()
        let store = CommitHoldingStore()
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 1)]),
            ids: SequentialIDGenerator()
        )
        func message(_ id: String, from member: MemberID, on ticket: TicketID? = nil) -> InboundMessage {
            InboundMessage(
                channel: .email,
                externalID: id,
                sender: member,
                threadReference: ticket.map { ThreadKey.ticket($0).rawValue },
                body: "The button does not work",
                receivedAt: clock.now
            )
        }
        let waiting = try await desk.receive(message("m1", from: "anna")).ticket.id
        #expect(try await desk.agents.queue() == [waiting], "Olga is offline")

        // Anna writes again; her message's commit is held while the desk holds the ticket's lock.
        await store.holdCommits(of: waiting)
        let reply = Task { try await desk.receive(message("m2", from: "anna", on: waiting)) }
        try await eventually("the drain's commit held") { await store.heldCommits == 1 }
        // Olga comes online: the drain promises her the ticket and waits for the ticket's lock.
        let online = Task { try await desk.agents.setPresence(.online, of: "olga") }
        try await eventually("the reservation counted") { try await desk.agents.states().first?.openTickets == 1 }
        // The reply commits first; the drain's own commit is held next.
        await store.releaseOne()
        _ = try await reply.value
        try await eventually("the drain's commit held") { await store.heldCommits == 1 }

        let olga = try #require(try await desk.agents.states().first)
        #expect(olga.openTickets == 1, "the reply kept Olga's reservation")
        #expect(try await desk.agents.queue().isEmpty, "the reply did not queue the promised ticket again")
        let next = try await desk.receive(message("m3", from: "ivan")).ticket
        #expect(next.assignee == nil, "Olga's one slot is promised")

        await store.stopHolding()
        try await online.value
        #expect(await store.base.ticket(waiting)?.ticket.assignee == "olga")
        #expect(try await desk.agents.queue() == [next.id])
        #expect(try await desk.agents.states().first?.openTickets == 1)
    }
}
