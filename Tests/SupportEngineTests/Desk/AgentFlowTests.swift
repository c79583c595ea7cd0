import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Agent replies, notes and ticket views")
struct AgentFlowTests {
    static let anna = AgentProfile(id: "agent-anna", displayName: "Anna Petrova")

    @Test("a reply is committed to the outbox and delivered once on the ticket's channel")
    func replyIsDelivered() async throws {
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(channels: [email])
        let id = try await harness.receive("mail-1", from: "alice", subject: "Login").ticket.id

        let ticket = try await harness.desk.reply(to: id, body: "Try resetting your password", by: DeskHarness.agent)

        #expect(ticket.status == .open)
        let reply = try #require(ticket.messages.last)
        #expect(reply.kind == .publicReply)
        #expect(reply.author == DeskHarness.agent)
        let outbox = await harness.storedOutbound()
        #expect(outbox.count == 1)
        let stored = try #require(outbox.first)
        #expect(stored.ticketID == id)
        #expect(stored.messageID == reply.id)
        #expect(stored.recipient == "alice")
        #expect(stored.channel == .email)
        #expect(stored.subject == "Re: Login [#1]", "the subject carries the ticket's number as a tag")
        #expect(stored.body == "Try resetting your password")
        #expect(stored.state == .delivered)
        #expect(stored.attempts == 1)
        #expect(stored.receipt?.externalID == "email-1")
        #expect(stored.lastError == nil)
        #expect(email.sentMessages.map(\.id) == [stored.id])
        #expect(email.sentMessages.first?.body == "Try resetting your password")
        #expect(await harness.store.pendingOutbound(dueBy: .distantFuture, limit: 10).isEmpty)

        #expect(try await harness.desk.deliverPendingMessages() == 0)
        #expect(try await harness.desk.processDueWork() == 0)
        #expect(email.sentMessages.count == 1)
    }

    struct ChannelCase: Sendable, CustomStringConvertible {
        var ticketChannel: ChannelKind
        var deskChannels: [ChannelKind]
        var expected: ChannelKind
        var description: String { "\(ticketChannel) with \(deskChannels) -> \(expected)" }
    }

    @Test(
        "replies go out on the ticket's channel kind, else by email",
        arguments: [
            ChannelCase(ticketChannel: .telegram, deskChannels: [.email, .telegram], expected: .telegram),
            ChannelCase(ticketChannel: .email, deskChannels: [.email, .telegram], expected: .email),
            ChannelCase(ticketChannel: .webForm, deskChannels: [.email, .telegram], expected: .email),
            ChannelCase(ticketChannel: .liveChat, deskChannels: [.telegram, .email], expected: .email),
        ]
    )
    func replyChannel(_ example: ChannelCase) async throws {
        let channels = example.deskChannels.map { InMemoryChannel(kind: $0) }
        let harness = DeskHarness(channels: channels)
        let id = try await harness.receive("m-1", channel: example.ticketChannel).ticket.id
        try await harness.desk.reply(to: id, body: "Answer", by: DeskHarness.agent)

        for channel in channels {
            let expectedCount = channel.kind == example.expected ? 1 : 0
            #expect(channel.sentMessages.count == expectedCount, "channel \(channel.kind)")
        }
        #expect(await harness.storedOutbound().map(\.channel) == [example.expected])
    }

    @Test("an internal note is stored but sends nothing")
    func internalNoteSendsNothing() async throws {
        let email = InMemoryChannel(kind: .email)
        let harness = DeskHarness(channels: [email])
        let id = try await harness.receive("mail-1").ticket.id

        let ticket = try await harness.desk.addInternalNote(to: id, body: "VIP, refund approved", by: DeskHarness.agent)

        #expect(ticket.messages.last?.kind == .internalNote)
        #expect(ticket.messages.last?.body == "VIP, refund approved")
        #expect(ticket.status == .new)
        #expect(email.sentMessages.isEmpty)
        #expect(await harness.storedOutbound().isEmpty)
        #expect(await harness.store.pendingOutbound(dueBy: .distantFuture, limit: 10).isEmpty)
        #expect(try await harness.desk.processDueWork() == 0)
        #expect(email.sentMessages.isEmpty)
    }

    @Test("the member view hides notes, shows on-hold as open and the assignee's display name")
    func memberView() async throws {
        let harness = DeskHarness(configuration: DeskConfiguration(agents: [Self.anna]))
        let created = try await harness.receive("mail-1", from: "alice", body: "Where is my invoice?")
        let id = created.ticket.id
        try await harness.desk.addInternalNote(to: id, body: "SECRET: card flagged by bank", by: DeskHarness.agent)
        try await harness.desk.assign(id, to: Self.anna.id, by: DeskHarness.agent)
        harness.clock.advance(by: 60)
        try await harness.desk.reply(to: id, body: "Sent it again", by: .agent(Self.anna.id))
        try await harness.desk.setStatus(.onHold, of: id, by: DeskHarness.agent)
        #expect(try await harness.ticket(id).status == .onHold)

        let view = try await harness.desk.memberView(of: id, for: "alice")

        #expect(view.id == id)
        #expect(view.status == .open)
        #expect(view.assigneeName == "Anna Petrova")
        #expect(view.subject == "Where is my invoice?")
        #expect(view.messages.map(\.body) == ["Where is my invoice?", "Sent it again"])
        #expect(view.messages.map(\.author) == [.you, .support])
        #expect(view.messages.map(\.authorName) == [nil, "Anna Petrova"])
        #expect(view.messages.last?.at == harness.clock.now)
        #expect(view.followUpOf == nil)
        let json = String(decoding: try JSONEncoder().encode(view), as: UTF8.self)
        #expect(!json.contains("SECRET"))
        #expect(!json.contains("card flagged"))
        #expect(!json.contains("agent-anna"), "the member view leaks an agent id: \(json)")

        let listed = try await harness.desk.memberTickets(of: "alice")
        #expect(listed == [view])
    }

    @Test("an assignee without a profile shows no name rather than an internal id")
    func unknownAssigneeName() async throws {
        let harness = DeskHarness(configuration: DeskConfiguration(agents: [Self.anna]))
        let id = try await harness.receive("mail-1").ticket.id
        try await harness.desk.assign(id, to: "agent-without-profile", by: DeskHarness.agent)
        try await harness.desk.reply(to: id, body: "Looking into it", by: .agent("agent-without-profile"))

        let view = try await harness.desk.memberView(of: id, for: "alice")
        #expect(view.assigneeName == nil)
        #expect(view.messages.last?.authorName == nil)
        #expect(view.messages.last?.author == .support)
    }

    @Test("each member view status is the member-facing status", arguments: TicketStatus.allCases.filter { $0 != .new })
    func memberFacingStatus(_ status: TicketStatus) async throws {
        let harness = DeskHarness()
        let id = try await harness.receive("mail-1").ticket.id
        if status == .closed { try await harness.desk.solve(id, by: DeskHarness.agent) }
        try await harness.desk.setStatus(status, of: id, by: DeskHarness.agent)
        let view = try await harness.desk.memberView(of: id, for: "alice")
        #expect(view.status == (status == .onHold ? .open : status))
    }

    @Test("the agent view has every event, and replaying them gives the snapshot")
    func agentView() async throws {
        let configuration = DeskConfiguration(autoCloseAfter: 3600, agents: [Self.anna])
        let harness = DeskHarness(configuration: configuration, channels: [InMemoryChannel(kind: .email)])
        let id = try await harness.receive("mail-1", thread: "conv-1").ticket.id
        try await harness.desk.addInternalNote(to: id, body: "internal", by: DeskHarness.agent)
        try await harness.desk.assign(id, to: Self.anna.id, by: DeskHarness.agent)
        try await harness.desk.setPriority(.high, of: id, by: DeskHarness.agent)
        try await harness.desk.reply(to: id, body: "Fixed?", by: DeskHarness.agent, status: .pending)
        harness.clock.advance(by: 300)
        try await harness.receive("mail-2", body: "Not yet", thread: "conv-1")
        try await harness.desk.solve(id, by: DeskHarness.agent)

        let view = try await harness.desk.agentView(of: id)

        #expect(view.ticket == (try await harness.ticket(id)))
        #expect(view.events == (await harness.store.events(of: id)))
        #expect(view.events.map(\.sequence) == Array(1...view.ticket.version))
        #expect(try Ticket.replay(view.events) == view.ticket)
        #expect(view.ticket.messages.map(\.kind) == [.memberMessage, .internalNote, .publicReply, .memberMessage])
        let solvedAt = try #require(view.ticket.solvedAt)
        #expect(view.dueAt == solvedAt.addingTimeInterval(3600))
        #expect(
            view.events.map(\.change.name) == [
                "created", "explained", "message_added", "assigned", "priority_changed",
                "message_added", "status_changed", "message_added", "status_changed",
                // Anna is not online when the member answers, so the ticket goes back to the queue.
                "assigned", "explained", "status_changed",
            ]
        )
    }
}
