import Foundation
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

/// Agents on two servers of one club sharing one database: presence and absence set through one desk
/// reach the other at its next store scan, loads are read from the database before an assignment, and a
/// desk started later reads who is online and absent back.
@Suite("Agents shared on one database")
struct SharedAgentStatusTests {
    /// Monday 2026-01-05, 09:00 UTC.
    static let monday = Date(timeIntervalSince1970: 1_767_603_600)

    /// A desk on `stores`, routing to `agents` by load and reading the store every `scan` seconds.
    static func desk(
        _ stores: PostgresDeskStores,
        clock: ManualClock,
        agents: [AgentProfile],
        scan: TimeInterval = 30
    ) throws -> SupportDesk {
        try SupportDesk(
            store: stores.tickets,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(
                storeScanInterval: scan,
                agents: agents,
                routing: RoutingSettings(strategy: .leastLoaded)
            ),
            ledgers: stores.policyLedgers,
            journeys: stores.journeys,
            ratings: stores.ratings,
            agentStatuses: stores.agentStatuses
        )
    }

    /// Runs `body` with two desks on one fresh schema, each on a client of its own, as two servers.
    static func withTwoDesks(
        schema: String,
        agents: [AgentProfile],
        _ body: (SupportDesk, SupportDesk, ManualClock, PostgresDeskStores) async throws -> Void
    ) async throws {
        try await TestDatabase.withStores(schema: schema) { storesA in
            try await TestDatabase.withClient { clientB in
                let storesB = try PostgresDeskStores(client: clientB, schema: schema, logger: TestDatabase.logger)
                #expect(try await storesB.migrate().isEmpty)
                let clock = ManualClock(now: monday)
                try await body(
                    try desk(storesA, clock: clock, agents: agents),
                    try desk(storesB, clock: clock, agents: agents),
                    clock,
                    storesB
                )
            }
        }
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

    @Test("an agent set away or absent on one desk is seen by the other after its store scan")
    func awayAndAbsentReachTheOtherDesk() async throws {
        let agents = [AgentProfile(id: "olga", displayName: "Olga"), AgentProfile(id: "ivan", displayName: "Ivan")]
        try await Self.withTwoDesks(schema: "shared_agents_away", agents: agents) { a, b, clock, storesB in
            try await b.processDueWork()
            try await a.agents.setPresence(.online, of: "olga")
            try await a.agents.setPresence(.online, of: "ivan")
            clock.advance(by: 30)
            try await b.processDueWork()
            #expect(try await b.agents.states().map(\.presence) == [.online, .online], "ivan, olga")

            try await a.agents.setPresence(.away, of: "olga")
            _ = try await a.agents.setAbsent(true, agent: "ivan")
            let stored = try await storesB.agentStatuses.agentStatuses()
            #expect(stored.map(\.agent) == ["ivan", "olga"])
            #expect(stored.map(\.presence) == [.online, .away])
            #expect(stored.map(\.isAbsent) == [true, false])
            #expect(stored.map(\.version) == [2, 2])
            let before = try await b.agents.states()
            #expect(before.map(\.presence) == [.online, .online], "b has not looked yet")
            #expect(before.map(\.isAbsent) == [false, false], "b has not looked yet")

            clock.advance(by: 30)
            try await b.processDueWork()
            let after = try await b.agents.states()
            #expect(after.map(\.presence) == [.online, .away], "ivan, olga")
            #expect(after.map(\.isAbsent) == [true, false], "ivan, olga")
            let queued = try await Self.write("m-1", from: "anna", to: b, at: clock.now)
            #expect(queued.assignee == nil, "olga is away and ivan absent: b queues the ticket")
            #expect(try await b.agents.queue() == [queued.id])

            // Olga comes back on a; b drains its queue to her at its next scan, not to absent ivan.
            try await a.agents.setPresence(.online, of: "olga")
            clock.advance(by: 30)
            try await b.processDueWork()
            #expect(try await b.agentView(of: queued.id).ticket.assignee == "olga")
            #expect(try await a.agentView(of: queued.id).ticket.assignee == "olga")
        }
    }

    @Test("a desk that learned from the database that an agent is online keeps within her capacity")
    func capacityFromTheDatabase() async throws {
        let agents = [AgentProfile(id: "olga", displayName: "Olga", capacity: 2)]
        try await Self.withTwoDesks(schema: "shared_agents_capacity", agents: agents) { a, b, clock, _ in
            try await a.agents.setPresence(.online, of: "olga")
            // b never sets olga's presence itself: it reads it from the database when it starts.
            try await b.processDueWork()
            #expect(try await b.agents.states().first?.presence == .online)
            #expect(try await Self.write("m-1", from: "m1", to: a, at: clock.now).assignee == "olga")
            #expect(try await Self.write("m-2", from: "m2", to: a, at: clock.now).assignee == "olga")

            // No scan yet: b reads olga's two tickets from the database before it assigns.
            let third = try await Self.write("m-3", from: "m3", to: b, at: clock.now)
            #expect(third.assignee == nil, "olga is full with a's tickets: b queues the third")
            #expect(try await b.agents.states().first?.openTickets == 2)
            #expect(try await b.agents.queue() == [third.id])

            // Olga solves one on a; b sees the freed capacity at its next scan and assigns the queued one.
            let first = try await a.tickets(matching: TicketQuery(assignee: "olga", limit: 10)).tickets[0].ticket.id
            try await a.reply(to: first, body: "Fixed: refresh the page.", by: .agent("olga"))
            try await a.solve(first, by: .agent("olga"))
            clock.advance(by: 30)
            try await b.processDueWork()
            #expect(try await b.agentView(of: third.id).ticket.assignee == "olga")
            let held = try await a.tickets(
                matching: TicketQuery(statuses: [.new, .open, .pending, .onHold], assignee: "olga", limit: 10)
            )
            #expect(held.tickets.count == 2, "never more than her capacity of 2 in the database")
        }
    }

    @Test("changes of one agent made on two desks at once both stand, and a desk started later reads them")
    func concurrentChangesAndALaterDesk() async throws {
        let names = (0..<6).map { AgentID("agent-\($0)") }
        let agents = names.map { AgentProfile(id: $0, displayName: $0.rawValue) }
        try await Self.withTwoDesks(schema: "shared_agents_concurrent", agents: agents) { a, b, clock, storesB in
            // For every agent, a sets the presence while b marks them absent: one of each pair of first
            // saves conflicts, reads again and saves over the other's change.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in names {
                    group.addTask { try await a.agents.setPresence(.online, of: name) }
                    group.addTask { _ = try await b.agents.setAbsent(true, agent: name) }
                }
                try await group.waitForAll()
            }
            let stored = try await storesB.agentStatuses.agentStatuses()
            #expect(stored.map(\.agent) == names)
            #expect(stored.allSatisfy { $0.presence == .online && $0.isAbsent }, "\(stored)")
            #expect(stored.map(\.version) == Array(repeating: 2, count: names.count))

            // A third server starts on the database later and knows who is online and absent.
            try await TestDatabase.withClient { clientC in
                let storesC = try PostgresDeskStores(
                    client: clientC,
                    schema: storesB.schema,
                    logger: TestDatabase.logger
                )
                let c = try Self.desk(storesC, clock: clock, agents: agents)
                let states = try await c.agents.states()
                #expect(states.map(\.id) == names)
                #expect(states.allSatisfy { $0.presence == .online && $0.isAbsent })
                let ticket = try await Self.write("m-1", from: "anna", to: c, at: clock.now)
                #expect(ticket.assignee == nil, "every agent is absent")
            }
        }
    }

    @Test("an expected version no row has, however large or negative, is a conflict that stores nothing")
    func outOfRangeVersionsConflict() async throws {
        try await TestDatabase.withStores(schema: "agent_versions") { stores in
            let olga = AgentStatus(agent: "olga", presence: .online, updatedAt: Self.monday)
            for expected in [Int.max, Int(Int32.max) + 1, -1] {
                let error = await #expect(throws: StoreError.self, "expected version \(expected)") {
                    try await stores.agentStatuses.saveAgentStatus(olga, expectedVersion: expected)
                }
                #expect(error?.code == .versionConflict)
                #expect(error?.message.contains("version 0") == true, "\(String(describing: error))")
            }
            #expect(try await stores.agentStatuses.agentStatuses().isEmpty)
            let saved = try await stores.agentStatuses.saveAgentStatus(olga, expectedVersion: 0)
            let stale = await #expect(throws: StoreError.self) {
                try await stores.agentStatuses.saveAgentStatus(olga, expectedVersion: Int.max)
            }
            #expect(stale?.code == .versionConflict)
            #expect(try await stores.agentStatuses.agentStatus(of: "olga") == saved)
        }
    }
}
