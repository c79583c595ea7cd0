import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Agents' presence, absence and shift state live in an `AgentStatusStore`, and loads are read back from
/// the ticket store every `storeScanInterval`: a restarted desk keeps who is online, a second desk on the
/// same stores assigns within the capacity the first one used, and a shift that ends is handed over
/// once, even when no desk was running at 18:00. Before, all of it was one process's memory.
@Suite("Agent status across desks")
struct AgentStatusAcrossDesksTests {
    /// Monday 2026-01-05, 09:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_767_603_600)

    static let dayShift: BusinessCalendar = {
        // The calendar's compile is checked elsewhere; this one is a constant.
        try! BusinessCalendar(
            .init(
                timeZone: "UTC",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
    }()

    /// The stores two desks share.
    struct Shared {
        let tickets = InMemoryTicketStore()
        let statuses: any AgentStatusStore

        init(statuses: any AgentStatusStore = InMemoryAgentStatusStore()) {
            self.statuses = statuses
        }
    }

    static func desk(
        _ shared: Shared,
        clock: any SupportClock,
        agents: [AgentProfile],
        scan: TimeInterval? = 30
    ) throws -> SupportDesk {
        try SupportDesk(
            store: shared.tickets,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: scan,
                agents: agents,
                routing: RoutingSettings(strategy: .leastLoaded)
            ),
            ids: UUIDGenerator(),
            agentStatuses: shared.statuses
        )
    }

    static func write(
        _ externalID: String,
        from member: MemberID,
        to desk: SupportDesk,
        at instant: Date
    )
        async throws -> Ticket
    {
        try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: externalID,
                sender: member,
                body: "The video lesson does not play",
                receivedAt: instant
            )
        ).ticket
    }

    @Test("a restarted desk keeps who is online and who is absent")
    func restartKeepsPresence() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday)
        let agents = [AgentProfile(id: "olga", displayName: "Olga"), AgentProfile(id: "ivan", displayName: "Ivan")]
        let first = try Self.desk(shared, clock: clock, agents: agents)
        try await first.agents.setPresence(.online, of: "olga")
        try await first.agents.setPresence(.online, of: "ivan")
        try await first.agents.setAbsent(true, agent: "ivan")

        let restarted = try Self.desk(shared, clock: clock, agents: agents)
        let states = try await restarted.agents.states()
        #expect(states.map(\.presence) == [.online, .online], "ivan, olga")
        #expect(states.first { $0.id == "ivan" }?.isAbsent == true)
        let ticket = try await Self.write("m-1", from: "anna", to: restarted, at: clock.now)
        #expect(ticket.assignee == "olga", "the restarted desk assigns to the agent who was online")
    }

    @Test("presence set on one desk reaches the other at its next store scan")
    func presenceReachesTheOtherDesk() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday)
        let agents = [AgentProfile(id: "olga", displayName: "Olga")]
        let a = try Self.desk(shared, clock: clock, agents: agents)
        let b = try Self.desk(shared, clock: clock, agents: agents)
        try await b.processDueWork()
        let queued = try await Self.write("m-1", from: "anna", to: b, at: clock.now)
        #expect(queued.assignee == nil, "nobody is online yet")

        try await a.agents.setPresence(.online, of: "olga")
        #expect(try await b.agents.states().first?.presence == .offline, "b has not looked yet")
        clock.advance(by: 30)
        try await b.processDueWork()
        #expect(try await b.agents.states().first?.presence == .online)
        #expect(
            try await b.agentView(of: queued.id).ticket.assignee == "olga",
            "b drained its queue to the agent who came online on a"
        )
    }

    @Test("two desks together stay within an agent's capacity once they have scanned")
    func capacityAcrossDesks() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday)
        let agents = [AgentProfile(id: "olga", displayName: "Olga", capacity: 2)]
        let a = try Self.desk(shared, clock: clock, agents: agents)
        let b = try Self.desk(shared, clock: clock, agents: agents)
        try await a.agents.setPresence(.online, of: "olga")
        try await b.processDueWork()
        #expect(try await Self.write("m-1", from: "m1", to: a, at: clock.now).assignee == "olga")
        #expect(try await Self.write("m-2", from: "m2", to: a, at: clock.now).assignee == "olga")

        clock.advance(by: 30)
        try await b.processDueWork()
        #expect(try await b.agents.states().first?.openTickets == 2, "b counts the tickets a gave olga")
        let third = try await Self.write("m-3", from: "m3", to: b, at: clock.now)
        #expect(third.assignee == nil, "olga is full: b queues the ticket instead of a third one")
        #expect(try await b.agents.queue() == [third.id])

        // Olga solves one on desk a; b sees the freed capacity at its next scan and assigns the queued one.
        let firstID = try await a.tickets(matching: TicketQuery(assignee: "olga", limit: 10)).tickets[0].ticket.id
        try await a.reply(to: firstID, body: "Fixed: refresh the page.", by: .agent("olga"))
        try await a.solve(firstID, by: .agent("olga"))
        clock.advance(by: 30)
        try await b.processDueWork()
        #expect(try await b.agentView(of: third.id).ticket.assignee == "olga")
        let held = try await a.tickets(
            matching: TicketQuery(statuses: [.new, .open, .pending, .onHold], assignee: "olga", limit: 10)
        )
        #expect(held.tickets.count == 2, "never more than her capacity of 2 in the store")
    }

    @Test("between scans, a desk reads the agent's load from the store before it assigns")
    func capacityBetweenScans() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday)
        let agents = [AgentProfile(id: "olga", displayName: "Olga", capacity: 2)]
        let a = try Self.desk(shared, clock: clock, agents: agents, scan: 3_600)
        let b = try Self.desk(shared, clock: clock, agents: agents, scan: 3_600)
        try await a.agents.setPresence(.online, of: "olga")
        try await b.agents.setPresence(.online, of: "olga")
        #expect(try await Self.write("m-1", from: "m1", to: a, at: clock.now).assignee == "olga")
        #expect(try await Self.write("m-2", from: "m2", to: a, at: clock.now).assignee == "olga")
        #expect(try await b.agents.states().first?.openTickets == 0, "b has not scanned: it knows no load")
        let third = try await Self.write("m-3", from: "m3", to: b, at: clock.now)
        #expect(third.assignee == nil, "b read olga's two tickets from the store and queued the third")
        #expect(try await b.agents.states().first?.openTickets == 2, "and now counts them")
        let held = try await b.tickets(
            matching: TicketQuery(statuses: [.new, .open, .pending, .onHold], assignee: "olga", limit: 10)
        )
        #expect(held.tickets.count == 2)
    }

    @Test("a handover to an agent other desks filled sends the ticket to the queue, saying why")
    func handoverToAFullAgent() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday)
        let agents = [
            AgentProfile(id: "olga", displayName: "Olga", capacity: 5),
            AgentProfile(id: "ivan", displayName: "Ivan", capacity: 1),
        ]
        let a = try Self.desk(shared, clock: clock, agents: agents, scan: 3_600)
        let b = try Self.desk(shared, clock: clock, agents: agents, scan: 3_600)
        try await b.agents.setPresence(.online, of: "olga")
        let olgas = try await Self.write("m-1", from: "m1", to: b, at: clock.now)
        #expect(olgas.assignee == "olga")
        // Ivan comes online on a, which gives him one ticket: he is full. b has not scanned.
        try await b.agents.setPresence(.away, of: "olga")
        try await a.agents.setPresence(.online, of: "ivan")
        let ivans = try await Self.write("m-2", from: "m2", to: a, at: clock.now)
        #expect(ivans.assignee == "ivan")
        try await b.agents.setPresence(.online, of: "ivan")
        let plan = try await b.agents.handOver(from: "olga")
        #expect(plan.moves.first?.assignment?.agentID == "ivan", "b's plan, on the loads it knew, was ivan")
        let moved = try await b.agentView(of: olgas.id).ticket
        #expect(moved.assignee == nil, "not to ivan, who holds his capacity of 1")
        #expect(moved.explanations[.assignee]?.because.contains("at capacity") == true)
    }

    @Test("a shift that ended while no desk ran is handed over when a desk starts, once")
    func missedShiftEndIsHandedOver() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday.addingTimeInterval(3600))  // 10:00
        let agents = [AgentProfile(id: "olga", displayName: "Olga", shift: Self.dayShift)]
        let first = try Self.desk(shared, clock: clock, agents: agents)
        try await first.agents.setPresence(.online, of: "olga")
        let ticket = try await Self.write("m-1", from: "anna", to: first, at: clock.now)
        #expect(ticket.assignee == "olga")
        #expect(try await shared.statuses.agentStatus(of: "olga")?.shiftWasOpen == true)

        // The desk stops at 10:00; two desks start at 19:00.
        clock.advance(to: Self.monday.addingTimeInterval(10 * 3600))
        let b = try Self.desk(shared, clock: clock, agents: agents)
        let c = try Self.desk(shared, clock: clock, agents: agents)
        try await b.processDueWork()
        try await c.processDueWork()
        let after = try await b.agentView(of: ticket.id).ticket
        #expect(after.assignee == nil, "handed back to the queue: nobody else is on shift")
        let notes = after.messages.filter { $0.kind == .internalNote }
        #expect(notes.count == 1, "one handover note though two desks started: \(notes.map(\.body))")
        #expect(try await shared.statuses.agentStatus(of: "olga")?.shiftWasOpen == false)
        try await first.processDueWork()
        #expect(try await b.agentView(of: ticket.id).ticket.messages.filter { $0.kind == .internalNote }.count == 1)
    }

    @Test("two live desks at the end of a shift hand each ticket over once")
    func liveShiftEndOnTwoDesks() async throws {
        let shared = Shared()
        let clock = ManualClock(now: Self.monday.addingTimeInterval(3600))
        let agents = [
            AgentProfile(id: "olga", displayName: "Olga", shift: Self.dayShift),
            AgentProfile(id: "ivan", displayName: "Ivan"),
        ]
        let a = try Self.desk(shared, clock: clock, agents: agents)
        let b = try Self.desk(shared, clock: clock, agents: agents)
        try await a.agents.setPresence(.online, of: "olga")
        try await b.processDueWork()
        var tickets: [TicketID] = []
        for index in 0..<3 {
            tickets.append(try await Self.write("m-\(index)", from: MemberID("m\(index)"), to: a, at: clock.now).id)
        }
        clock.advance(to: Self.monday.addingTimeInterval(9 * 3600 + 1))  // 18:00:01
        try await b.processDueWork()
        try await a.processDueWork()
        try await b.processDueWork()
        for id in tickets {
            let ticket = try await a.agentView(of: id).ticket
            #expect(ticket.assignee == nil)
            #expect(ticket.messages.filter { $0.kind == .internalNote }.count == 1, "ticket \(id)")
        }
        try await b.agents.setPresence(.online, of: "ivan")
        for id in tickets { #expect(try await a.agentView(of: id).ticket.assignee == "ivan") }
    }

    @Test("a status store that fails before or after its write: the presence holds once the call succeeds")
    func failingStatusStore() async throws {
        let seed = UInt64.random(in: 1...UInt64.max)
        print("failingStatusStore seed \(seed)")
        let statuses = FailingAgentStatusStore(seed: seed)
        let shared = Shared(statuses: statuses)
        let clock = MovingClock(start: Self.monday, step: 0.25)
        let agents = [AgentProfile(id: "olga", displayName: "Olga"), AgentProfile(id: "ivan", displayName: "Ivan")]
        let desk = try Self.desk(shared, clock: clock, agents: agents)
        var failures = 0
        for agent: AgentID in ["olga", "ivan"] {
            while true {
                do {
                    try await desk.agents.setPresence(.online, of: agent)
                    break
                } catch let error as StoreError where error.code == .unavailable {
                    failures += 1
                    #expect(failures < 200, "seed \(seed): the store kept failing")
                    if failures >= 200 { return }
                }
            }
        }
        let stored = await statuses.inner.agentStatuses()
        #expect(stored.map(\.presence) == [.online, .online], "seed \(seed)")
        let restarted = try Self.desk(Shared(statuses: statuses.inner), clock: clock, agents: agents)
        #expect(try await restarted.agents.states().map(\.presence) == [.online, .online], "seed \(seed)")
    }
}

/// An `AgentStatusStore` that fails about a third of its calls, before or after the write, seeded.
private actor FailingAgentStatusStore: AgentStatusStore {
    let inner = InMemoryAgentStatusStore()
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private func roll() -> UInt64 { random.next() % 6 }

    func agentStatus(of agent: AgentID) async throws -> AgentStatus? {
        if roll() == 0 { throw StoreError(.unavailable, "the status store is down (read)") }
        return await inner.agentStatus(of: agent)
    }

    func agentStatuses() async throws -> [AgentStatus] {
        if roll() == 0 { throw StoreError(.unavailable, "the status store is down (list)") }
        return await inner.agentStatuses()
    }

    func saveAgentStatus(_ status: AgentStatus, expectedVersion: Int) async throws -> AgentStatus {
        switch roll() {
        case 0: throw StoreError(.unavailable, "the status store is down (before the write)")
        case 1:
            _ = try await inner.saveAgentStatus(status, expectedVersion: expectedVersion)
            throw StoreError(.unavailable, "the answer was lost (after the write)")
        default: return try await inner.saveAgentStatus(status, expectedVersion: expectedVersion)
        }
    }
}
