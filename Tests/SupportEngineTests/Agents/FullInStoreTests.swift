import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// An agent another desk filled is passed over once a read of the store shows it, even when the desk
/// could not count the tickets it read (a commit came while it read: the read is older than that
/// commit). Before, the desk read, found the agent full, could not count the tickets, chose the same agent
/// again and assigned past their capacity; under steady traffic a commit always comes, so `pg-bench`
/// found agents with 44 tickets at a capacity of 25, and every message read the store again (#16).
@Suite("An agent the store shows full is passed over")
struct FullInStoreTests {
    @Test("a commit during the read does not let the desk give a full agent one more ticket")
    func commitDuringTheRead() async throws {
        let scene = try await Scene()
        // The other desk fills Olga (capacity 1) and solves a second ticket, which this desk will tag.
        let held = try await scene.write("m1", from: "pavel", to: scene.other)
        let solved = try await scene.write("m2", from: "rosa", to: scene.other)
        try await scene.other.solve(solved.id, by: .agent("olga"))
        #expect(held.assignee == "olga")

        // This desk takes a new message; its read of Olga's tickets waits at the gate.
        await scene.store.holdReads()
        let desk = scene.desk
        let now = scene.clock.now
        let receiving = Task { try await AgentStatusAcrossDesksTests.write("m3", from: "sergei", to: desk, at: now) }
        try await eventually("the read reaching the gate") { await scene.store.parked == 1 }
        // Meanwhile the desk commits something else: the read is now older than a commit.
        _ = try await scene.desk.execute(.addTags(["billing"]), on: solved.id, by: .agent("olga"))
        await scene.store.open()
        let ticket = try await receiving.value

        #expect(ticket.assignee == nil, "Olga holds her capacity: the new ticket waits in the queue")
        let olgas = try await scene.store.base.ticketIDs(assignedTo: "olga", statuses: [.new, .open], limit: 10)
        #expect(olgas == [held.id])
    }

    @Test("an agent who lets go of a ticket here during the read is not remembered full")
    func releaseDuringTheRead() async throws {
        let scene = try await Scene(capacity: 2)
        // This desk gives Olga a ticket, then the other desk gives her one (this desk knows only its own).
        let ours = try await scene.write("m2", from: "rosa", to: scene.desk)
        let theirs = try await scene.write("m1", from: "pavel", to: scene.other)
        #expect(theirs.assignee == "olga" && ours.assignee == "olga")

        await scene.store.holdReads()
        let desk = scene.desk
        let now = scene.clock.now
        let receiving = Task { try await AgentStatusAcrossDesksTests.write("m3", from: "sergei", to: desk, at: now) }
        try await eventually("the read reaching the gate") { await scene.store.parked == 1 }
        // Olga solves this desk's ticket while the read is on its way: the read still lists it.
        _ = try await scene.desk.solve(ours.id, by: .agent("olga"))
        await scene.store.open()
        let ticket = try await receiving.value

        #expect(ticket.assignee == "olga", "Olga had room for one more: the stale read did not mark her full")
        let olgas = try await scene.store.base.ticketIDs(assignedTo: "olga", statuses: [.new, .open], limit: 10)
        #expect(Set(olgas) == [theirs.id, ticket.id])
    }

    @Test("an agent found full is not read again for every message until the next scan")
    func noReadPerMessageWhileFull() async throws {
        let scene = try await Scene()
        _ = try await scene.write("m1", from: "pavel", to: scene.other)
        _ = try await scene.write("m2", from: "sergei", to: scene.desk)
        let reads = await scene.store.reads

        for number in 3...12 {
            _ = try await scene.write("m\(number)", from: MemberID("member-\(number)"), to: scene.desk)
        }

        #expect(await scene.store.reads == reads, "Olga was found full once; ten more messages read nothing")
        let olgas = try await scene.store.base.ticketIDs(assignedTo: "olga", statuses: [.new, .open], limit: 20)
        #expect(olgas.count == 1)

        // Olga solves her ticket on the other desk; at this desk's next scan she is chosen again.
        try await scene.other.solve(olgas[0], by: .agent("olga"))
        scene.clock.advance(by: 31)
        _ = try await scene.desk.processDueWork()
        let now = try await scene.store.base.ticketIDs(assignedTo: "olga", statuses: [.new, .open], limit: 20)
        #expect(now.count == 1 && now != olgas, "the scan found her room and a waiting ticket went to her")
    }

    /// Two desks on one store, with one agent of capacity 1 online on both; this desk's reads of an
    /// agent's tickets can be held.
    private struct Scene {
        let clock = ManualClock(now: AgentStatusAcrossDesksTests.monday)
        let store = GatedAssignedStore()
        let statuses = InMemoryAgentStatusStore()
        let desk: SupportDesk
        let other: SupportDesk

        init(capacity: Int = 1) async throws {
            let agents = [AgentProfile(id: "olga", displayName: "Olga", capacity: capacity)]
            desk = try Self.desk(store, statuses, clock, agents)
            other = try Self.desk(store.base, statuses, clock, agents)
            // Both desks load their routing before any ticket exists; this one then learns of the other's
            // tickets only by reading the store.
            try await desk.agents.setPresence(.online, of: "olga")
            try await other.agents.setPresence(.online, of: "olga")
            // The first pass of due work loads the timers and sets the next scan of the store.
            _ = try await desk.processDueWork()
        }

        static func desk(
            _ store: some TicketStore,
            _ statuses: InMemoryAgentStatusStore,
            _ clock: ManualClock,
            _ agents: [AgentProfile]
        ) throws -> SupportDesk {
            try SupportDesk(
                store: store,
                clock: clock,
                channels: [InMemoryChannel(kind: .email)],
                configuration: DeskConfiguration(
                    storeScanInterval: 30,
                    agents: agents,
                    routing: RoutingSettings(strategy: .leastLoaded)
                ),
                ids: UUIDGenerator(),
                agentStatuses: statuses
            )
        }

        func write(_ id: String, from member: MemberID, to desk: SupportDesk) async throws -> Ticket {
            try await AgentStatusAcrossDesksTests.write(id, from: member, to: desk, at: clock.now)
        }
    }
}

/// A ticket store that counts the reads of an agent's tickets and can hold their answers until it is
/// opened.
private actor GatedAssignedStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()
    private(set) var reads = 0
    private let gate = TestGate()

    /// How many reads wait.
    var parked: Int { get async { await gate.parked } }

    func holdReads() async { await gate.close() }

    func open() async { await gate.open() }

    func ticketIDs(assignedTo agent: AgentID, statuses: Set<TicketStatus>, limit: Int) async throws -> [TicketID] {
        reads += 1
        // The answer is read first and held on its way back, as a database's answer is older than what
        // the desk does while it travels.
        let ids = try await base.ticketIDs(assignedTo: agent, statuses: statuses, limit: limit)
        await gate.pass()
        return ids
    }
}
