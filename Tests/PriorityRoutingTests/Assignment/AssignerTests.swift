import Foundation
import PriorityRouting
import Testing

@Suite("Assignment")
struct AssignerTests {
    @Test("Capacity is respected and only available agents are chosen", arguments: AssignmentStrategy.allCases)
    func onlyAvailableWithinCapacity(strategy: AssignmentStrategy) {
        for seed in UInt64(1)...200 {
            var random = SplitMix64(seed: seed)
            let agents = randomAgents(8, &random)
            let queue = TicketQueue(randomTickets(Int(random.next() % 40), &random))
            var assigner = Assigner(strategy: strategy)
            let assignments = assigner.drain(queue: queue, agents: agents)
            let byID = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0) })
            var given: [AgentID: Int] = [:]
            for assignment in assignments {
                let chosen = byID[assignment.agentID]
                #expect(chosen?.canTakeTicket == true, "seed \(seed): \(assignment.agentID) is not available")
                given[assignment.agentID, default: 0] += 1
            }
            for (id, count) in given {
                let state = byID[id]!
                #expect(state.openTickets + count <= state.capacity, "seed \(seed): \(id) over capacity")
            }
            let free = agents.filter(\.canTakeTicket).reduce(0) { $0 + $1.freeCapacity }
            #expect(assignments.count == min(free, queue.count), "seed \(seed)")
            #expect(Set(assignments.map(\.ticketID)).count == assignments.count, "seed \(seed): a ticket given twice")
        }
    }

    @Test("Offline, away, off-shift and absent agents are never chosen; the ticket waits")
    func nobodyThere() {
        let agents = [
            agent("off", presence: .offline),
            agent("away", presence: .away),
            agent("home", onShift: false),
            agent("holiday", absent: true),
            agent("full", capacity: 2, open: 2),
        ]
        for strategy in AssignmentStrategy.allCases {
            var assigner = Assigner(strategy: strategy)
            #expect(assigner.choose(for: ticket("T1", .urgent), among: agents) == nil)
            let queue = TicketQueue([ticket("T1"), ticket("T2", .urgent)])
            #expect(assigner.drain(queue: queue, agents: agents).isEmpty)
            #expect(assigner.lastAssigned == nil)
        }
    }

    @Test("The backlog drains highest priority first, then oldest")
    func drainOrder() {
        let queue = TicketQueue([
            ticket("normal-new", .normal, age: 1),
            ticket("urgent-new", .urgent, age: 1),
            ticket("normal-old", .normal, age: 90),
            ticket("low-ancient", .low, age: 9_000),
            ticket("urgent-old", .urgent, age: 30),
            ticket("high", .high, age: 5),
        ])
        var assigner = Assigner(strategy: .leastLoaded)
        let all = assigner.drain(queue: queue, agents: [agent("a", capacity: 10)])
        #expect(
            all.map(\.ticketID.rawValue) == [
                "urgent-old", "urgent-new", "high", "normal-old", "normal-new", "low-ancient",
            ]
        )
        let some = assigner.drain(
            queue: queue,
            agents: [agent("a", capacity: 2, open: 0), agent("b", capacity: 3, open: 2)]
        )
        #expect(some.map(\.ticketID.rawValue) == ["urgent-old", "urgent-new", "high"])
    }

    @Test("The drained tickets are exactly the first ones in queue order", arguments: [7 as UInt64, 8, 9])
    func drainTakesTheTop(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let queue = TicketQueue(randomTickets(300, &random))
        let agents = (0..<5).map { agent("a\($0)", capacity: 10, open: $0) }
        var assigner = Assigner(strategy: .roundRobin)
        let assignments = assigner.drain(queue: queue, agents: agents)
        #expect(assignments.count == 40, "seed \(seed)")
        #expect(assignments.map(\.ticketID) == queue.ordered.prefix(40).map(\.id), "seed \(seed)")
    }

    @Test("Round robin is fair over 1,000 tickets, across calls")
    func roundRobinFairness() {
        let agents = (0..<7).map { agent("a\($0)", capacity: 1_000) }
        var assigner = Assigner(strategy: .roundRobin)
        var counts: [AgentID: Int] = [:]
        var order: [AgentID] = []
        for index in 0..<500 {
            guard let assignment = assigner.choose(for: ticket("T\(index)"), among: agents) else {
                Issue.record("no agent for T\(index)")
                return
            }
            counts[assignment.agentID, default: 0] += 1
            order.append(assignment.agentID)
        }
        let queue = TicketQueue((500..<1_000).map { ticket("T\($0)") })
        for assignment in assigner.drain(queue: queue, agents: agents) {
            counts[assignment.agentID, default: 0] += 1
            order.append(assignment.agentID)
        }
        #expect(order.count == 1_000)
        #expect(counts.count == 7)
        #expect(counts.values.max()! - counts.values.min()! <= 1)
        for index in 7..<order.count { #expect(order[index] == order[index - 7]) }
    }

    @Test("Round robin skips agents who cannot take a ticket and resumes after the last one")
    func roundRobinSkips() {
        var assigner = Assigner(strategy: .roundRobin, lastAssigned: "b")
        let agents = [agent("a"), agent("b"), agent("c", presence: .away), agent("d")]
        let picks = (0..<4).compactMap { assigner.choose(for: ticket("T\($0)"), among: agents)?.agentID.rawValue }
        #expect(picks == ["d", "a", "b", "d"])
    }

    @Test("Least-loaded picks the lightest agent and evens loads out")
    func leastLoaded() {
        let agents = [
            agent("a", capacity: 10, open: 4), agent("b", capacity: 10, open: 1), agent("c", capacity: 3, open: 1),
        ]
        var assigner = Assigner(strategy: .leastLoaded)
        let first = assigner.choose(for: ticket("T0"), among: agents)
        #expect(first?.agentID == "b")
        #expect(first?.basis == .strategy(.leastLoaded))
        let queue = TicketQueue((0..<6).map { ticket("T\($0)") })
        var given: [AgentID: Int] = [:]
        for assignment in assigner.drain(queue: queue, agents: agents) { given[assignment.agentID, default: 0] += 1 }
        #expect(given == ["a": 1, "b": 3, "c": 2])
    }

    @Test("Skills and language: skilled speakers first, then speakers, then the skilled, then anyone")
    func skillsAndLanguage() {
        let agents = [
            agent("en-billing", open: 0, languages: [.en], skills: [.billing]),
            agent("es-general", open: 3, languages: [.es]),
            agent("es-billing", open: 4, languages: [.es], skills: [.billing, .refund]),
            agent("ru-access", open: 0, languages: [.ru], skills: [.access]),
        ]
        var assigner = Assigner(strategy: .skillsAndLanguage)
        func pick(_ reason: ContactReason, _ language: LocaleTag?) -> String? {
            assigner.choose(for: ticket("T", reason: reason, language: language), among: agents)?.agentID.rawValue
        }
        #expect(pick(.billing, LocaleTag(rawValue: "es-MX")) == "es-billing")
        #expect(pick(.access, .es) == "es-general")
        #expect(pick(.access, LocaleTag(rawValue: "de")) == "ru-access")
        #expect(pick(.feedback, LocaleTag(rawValue: "de")) == "en-billing")
        #expect(pick(.access, nil) == "ru-access")
    }

    @Test("A preferred agent gets the ticket when they can; an absent one's substitute otherwise")
    func preferredAndSubstitute() {
        let agents = [
            agent("anna", absent: true, substitute: "boris"),
            agent("boris", absent: true, substitute: "clara"),
            agent("clara", capacity: 1),
            agent("dmitri"),
            agent("eva", presence: .offline, substitute: "clara"),
        ]
        var assigner = Assigner(strategy: .roundRobin)
        let direct = assigner.choose(for: ticket("T1", preferred: "dmitri"), among: agents)
        #expect(direct == Assignment(ticketID: "T1", agentID: "dmitri", basis: .preferred))
        let chained = assigner.choose(for: ticket("T2", preferred: "anna"), among: agents)
        #expect(chained == Assignment(ticketID: "T2", agentID: "clara", basis: .substitute(for: "anna")))
        let offline = assigner.choose(for: ticket("T3", preferred: "eva"), among: agents)
        #expect(offline?.basis == .strategy(.roundRobin), "an offline agent who is not absent has no substitute")

        let queue = TicketQueue([ticket("T4", .urgent, preferred: "anna"), ticket("T5", preferred: "anna")])
        let drained = assigner.drain(queue: queue, agents: agents)
        #expect(drained.first == Assignment(ticketID: "T4", agentID: "clara", basis: .substitute(for: "anna")))
        #expect(drained.last?.agentID == "dmitri", "the substitute is full, so the strategy places the next one")
    }

    @Test("The assigner's state is a Codable value")
    func codable() throws {
        var assigner = Assigner(strategy: .roundRobin)
        _ = assigner.choose(for: ticket("T1"), among: [agent("a"), agent("b")])
        let decoded = try JSONDecoder().decode(Assigner.self, from: try JSONEncoder().encode(assigner))
        #expect(decoded == assigner)
        #expect(decoded.lastAssigned == "a")
    }

    @Test(
        "Malformed agent states are refused with their path",
        arguments: [
            ([agent("a"), agent("a")], "agents[1].id"),
            ([agent("a", capacity: -1)], "agents[0].capacity"),
            ([agent("a", open: -2)], "agents[0].openTickets"),
            ([agent("a", substitute: "a")], "agents[0].substitute"),
            ([agent(" a")], "agents[0].id"),
        ]
    )
    func validation(_ agents: [AgentState], _ path: String) {
        let error = #expect(throws: RoutingError.self) { try Assigner.validate(agents) }
        #expect(error?.code == .invalidAgent)
        #expect(error?.message.hasPrefix(path) == true, "\(error?.message ?? "")")
    }
}
