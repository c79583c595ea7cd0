import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Routing at the desk")
struct RoutingTests {
    let clock = ManualClock()

    private func desk(
        agents: [AgentProfile],
        strategy: AssignmentStrategy = .leastLoaded,
        store: InMemoryTicketStore = InMemoryTicketStore()
    ) throws -> SupportDesk {
        try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(agents: agents, routing: RoutingSettings(strategy: strategy)),
            ids: SequentialIDGenerator()
        )
    }

    private func write(
        _ body: String,
        from member: String = "anna",
        id: String,
        to desk: SupportDesk,
        subject: String? = nil
    ) async throws -> Ticket {
        try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: id,
                sender: MemberID(member),
                subject: subject,
                body: body,
                receivedAt: clock.now
            )
        ).ticket
    }

    @Test func classifiesPrioritizesAndExplains() async throws {
        let desk = try desk(agents: [])
        let ticket = try await write("Здравствуйте! Не могу войти в клуб, пароль не подходит", id: "m1", to: desk)
        #expect(ticket.reason == .access)
        #expect(ticket.priority == .urgent)
        #expect(ticket.explanations[.reason]?.because.contains("ru.access") == true)
        #expect(ticket.explanations[.priority]?.value == "urgent")
        #expect(ticket.explanations[.assignee]?.value == "queue")
        let feedback = try await write("Some feedback and a suggestion for the club", id: "m2", to: desk)
        #expect(feedback.reason == .feedback)
        #expect(feedback.priority < ticket.priority)
        #expect(try await desk.agents.queue() == [ticket.id, feedback.id], "urgent first")
    }

    @Test func nobodyOnlineMeansQueuedUntilSomeoneComesOnline() async throws {
        let desk = try desk(agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 5)])
        let first = try await write("The video does not play", id: "m1", to: desk)
        #expect(first.assignee == nil)
        try await desk.agents.setPresence(.away, of: "olga")
        #expect(try await desk.agentView(of: first.id).ticket.assignee == nil, "away agents get nothing")
        try await desk.agents.setPresence(.online, of: "olga")
        let assigned = try await desk.agentView(of: first.id).ticket
        #expect(assigned.assignee == "olga")
        #expect(assigned.explanations[.assignee]?.because.contains("leastLoaded") == true)
        #expect(try await desk.agents.queue().isEmpty)
        await #expect(throws: DeskError.self) { try await desk.agents.setPresence(.online, of: "nobody") }
    }

    @Test func capacityIsRespectedAndFreedCapacityDrainsByPriorityThenAge() async throws {
        let desk = try desk(agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 2)])
        try await desk.agents.setPresence(.online, of: "olga")
        var tickets: [Ticket] = []
        let bodies = [
            "The button does not work", "Feedback: nice lessons", "The link is broken",
            "I was charged twice, payment problem", "The page is broken",
        ]
        for (index, body) in bodies.enumerated() {
            clock.advance(by: 60)
            tickets.append(try await write(body, from: "m\(index)", id: "m\(index)", to: desk))
        }
        let olga = try await desk.agents.states().first { $0.id == "olga" }
        #expect(olga?.openTickets == 2)
        #expect(tickets[0].assignee == "olga" && tickets[1].assignee == "olga", "the first two fill her capacity")
        let queued = try await desk.agents.queue()
        #expect(queued == [tickets[3].id, tickets[2].id, tickets[4].id], "billing is urgent, then oldest first")
        try await desk.solve(tickets[0].id, by: .agent("olga"))
        #expect(try await desk.agentView(of: tickets[3].id).ticket.assignee == "olga")
        #expect(try await desk.agents.queue() == [tickets[2].id, tickets[4].id])
        #expect(try await desk.agents.states().first?.openTickets == 2)
    }

    @Test func roundRobinIsFairThroughTheDesk() async throws {
        let desk = try desk(
            agents: [AgentProfile(id: "a", displayName: "A"), AgentProfile(id: "b", displayName: "B")],
            strategy: .roundRobin
        )
        try await desk.agents.setPresence(.online, of: "a")
        try await desk.agents.setPresence(.online, of: "b")
        var counts: [AgentID: Int] = [:]
        for index in 0..<40 {
            let ticket = try await write("Question about lesson \(index)", from: "m\(index)", id: "m\(index)", to: desk)
            counts[ticket.assignee ?? "none", default: 0] += 1
        }
        #expect(counts == ["a": 20, "b": 20])
    }

    @Test func handoverMovesNewAndOpenTicketsAndKeepsPendingOnes() async throws {
        let desk = try desk(agents: [
            AgentProfile(id: "olga", displayName: "Olga", capacity: 10),
            AgentProfile(id: "ivan", displayName: "Ivan", capacity: 1),
        ])
        try await desk.agents.setPresence(.online, of: "olga")
        var ids: [TicketID] = []
        for index in 0..<4 {
            ids.append(
                try await write("The lesson \(index) will not load", from: "m\(index)", id: "m\(index)", to: desk).id
            )
        }
        try await desk.reply(to: ids[0], body: "Which browser?", by: .agent("olga"), status: .pending)
        try await desk.agents.setPresence(.online, of: "ivan")
        try await desk.agents.setPresence(.offline, of: "olga")
        let plan = try await desk.agents.handOver(from: "olga")
        #expect(plan.staying.map(\.id) == [ids[0]])
        #expect(plan.moves.count == 3)
        var onIvan = 0
        for id in ids.dropFirst() {
            let ticket = try await desk.agentView(of: id).ticket
            #expect(ticket.assignee != "olga")
            if ticket.assignee == "ivan" { onIvan += 1 }
            #expect(ticket.messages.contains { $0.kind == .internalNote })
        }
        #expect(onIvan == 1, "Ivan has room for one")
        #expect(try await desk.agents.queue().count == 2)
        #expect(try await desk.agentView(of: ids[0]).ticket.assignee == "olga", "pending stays")

        // The member answers the pending ticket while Olga is off: it goes to someone who is there.
        _ = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "m0-reply",
                sender: "m0",
                threadReference: "ticket:\(ids[0])",
                body: "Firefox",
                receivedAt: clock.now
            )
        )
        let reopened = try await desk.agentView(of: ids[0]).ticket
        #expect(reopened.status == .open)
        #expect(reopened.assignee != "olga")
        #expect(reopened.explanations[.assignee]?.because.contains("olga is not available") == true)
    }

    @Test func shiftEndHandsTicketsOver() async throws {
        let shift = try BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let desk = try desk(agents: [
            AgentProfile(id: "olga", displayName: "Olga", shift: shift), AgentProfile(id: "ivan", displayName: "Ivan"),
        ])
        try await desk.agents.setPresence(.online, of: "olga")
        let ticket = try await write("The certificate link is broken", id: "m1", to: desk)
        #expect(ticket.assignee == "olga")
        clock.advance(by: 9 * 3600)  // 18:00 UTC: Olga's shift ends
        try await desk.processDueWork()
        let after = try await desk.agentView(of: ticket.id).ticket
        #expect(after.assignee == nil, "nobody else is online, so back to the queue")
        #expect(after.messages.last?.kind == .internalNote)
        try await desk.agents.setPresence(.online, of: "ivan")
        #expect(try await desk.agentView(of: ticket.id).ticket.assignee == "ivan")
    }

    @Test func routingStateIsRebuiltAfterARestart() async throws {
        let store = InMemoryTicketStore()
        let first = try desk(agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 1)], store: store)
        try await first.agents.setPresence(.online, of: "olga")
        let assigned = try await write("Broken button", from: "m1", id: "m1", to: first)
        let queued = try await write("Broken link", from: "m2", id: "m2", to: first)
        #expect(assigned.assignee == "olga" && queued.assignee == nil)
        let second = try desk(agents: [AgentProfile(id: "olga", displayName: "Olga", capacity: 1)], store: store)
        #expect(try await second.agents.queue() == [queued.id])
        #expect(try await second.agents.states().first?.openTickets == 1)
    }
}
