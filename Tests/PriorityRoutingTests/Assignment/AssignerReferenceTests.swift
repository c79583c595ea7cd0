import Foundation
import PriorityRouting
import Testing

/// The assigner's fast pass against a plain reference: the first occurrence of each id, sorted by
/// id with `<`, every rule written out the long way.
@Suite("Assignment against a reference")
struct AssignerReferenceTests {
    @Test("Every strategy chooses exactly what the reference chooses", arguments: AssignmentStrategy.allCases)
    func sameChoice(strategy: AssignmentStrategy) {
        let seed = UInt64(strategy.rawValue.utf8.count) &* 7_919 &+ 21
        print("AssignerReferenceTests.sameChoice seed \(seed)")
        var random = SplitMix64(seed: seed)
        for round in 0..<300 {
            let agents = population(&random)
            var assigner = Assigner(strategy: strategy)
            var reference = ReferenceAssigner(strategy: strategy)
            for ticket in randomTickets(12, &random, prefix: "R\(round)-") {
                let chosen = assigner.choose(for: ticket, among: agents)
                let expected = reference.choose(ticket, agents)
                #expect(chosen?.agentID == expected, "seed \(seed) round \(round) ticket \(ticket.id)")
                #expect(assigner.lastAssigned == reference.lastAssigned, "seed \(seed) round \(round)")
            }
            let queue = TicketQueue(randomTickets(Int(random.next() % 30), &random, prefix: "Q\(round)-"))
            var drainer = Assigner(strategy: strategy)
            var referenceDrainer = ReferenceAssigner(strategy: strategy)
            #expect(
                drainer.drain(queue: queue, agents: agents).map(\.agentID)
                    == referenceDrainer.drain(queue, agents),
                "seed \(seed) round \(round): drain"
            )
        }
    }

    /// 0 to 40 agents with ids from a small set (so some repeat), in id order or shuffled, with
    /// every presence, shift, absence, capacity and load.
    private func population(_ random: inout SplitMix64) -> [AgentState] {
        let count = Int(random.next() % 41)
        var agents = (0..<count).map { _ in
            agent(
                random.next() % 9 == 0 ? "é\(random.next() % 5)" : "a\(random.next() % 60)",
                capacity: Int(random.next() % 5),
                open: Int(random.next() % 4),
                presence: AgentPresence.allCases[Int(random.next() % 3)],
                onShift: random.next() % 5 != 0,
                absent: random.next() % 6 == 0,
                languages: [[LocaleTag.en], [.ru], [.es], [.en, .ru], []][Int(random.next() % 5)],
                skills: random.next() % 4 == 0 ? [] : [ContactReason.builtIn[Int(random.next() % 12)]],
                substitute: random.next() % 3 == 0 ? AgentID("a\(random.next() % 60)") : nil
            )
        }
        if random.next() % 2 == 0 {
            var seen: Set<AgentID> = []
            agents = agents.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        }
        return agents
    }
}

/// The assignment rules written out plainly, as the documentation of ``Assigner`` states them.
private struct ReferenceAssigner {
    let strategy: AssignmentStrategy
    var lastAssigned: AgentID?

    init(strategy: AssignmentStrategy) { self.strategy = strategy }

    mutating func choose(_ ticket: RoutableTicket, _ agents: [AgentState]) -> AgentID? {
        var seen: Set<AgentID> = []
        let unique = agents.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        return choose(ticket, sorted: unique)
    }

    mutating func drain(_ queue: TicketQueue, _ agents: [AgentState]) -> [AgentID] {
        var seen: Set<AgentID> = []
        var unique = agents.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        let free = unique.filter(\.canTakeTicket).reduce(0) { $0 + $1.freeCapacity }
        var chosen: [AgentID] = []
        for entry in queue.ordered where chosen.count < free {
            guard let id = choose(entry.ticket, sorted: unique) else { continue }
            chosen.append(id)
            if let index = unique.firstIndex(where: { $0.id == id }) { unique[index].openTickets += 1 }
        }
        return chosen
    }

    private mutating func choose(_ ticket: RoutableTicket, sorted agents: [AgentState]) -> AgentID? {
        let byID = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var chosen: AgentID?
        if let preferred = ticket.preferredAgent, let state = byID[preferred] {
            if state.canTakeTicket {
                chosen = preferred
            } else if state.isAbsent {
                var visited: Set<AgentID> = [preferred]
                var current = state
                while chosen == nil, current.isAbsent, let next = current.substitute {
                    guard visited.insert(next).inserted, let substitute = byID[next] else { break }
                    if substitute.canTakeTicket { chosen = next } else { current = substitute }
                }
            }
        }
        if chosen == nil { chosen = pick(ticket, agents) }
        if let chosen { lastAssigned = chosen }
        return chosen
    }

    private func pick(_ ticket: RoutableTicket, _ agents: [AgentState]) -> AgentID? {
        let loadAware = strategy != .roundRobin
        func key(_ agent: AgentState) -> [Int] {
            var group = 0
            if strategy == .skillsAndLanguage {
                let speaks = agent.speaks(ticket.language)
                let handles = agent.handles(ticket.reason)
                group = speaks && handles ? 0 : speaks ? 1 : handles ? 2 : 3
            }
            return [group, loadAware ? agent.openTickets : 0, loadAware ? -(agent.capacity - agent.openTickets) : 0]
        }
        let eligible = agents.filter(\.canTakeTicket)
        guard let best = eligible.map(key).min(by: { $0.lexicographicallyPrecedes($1) }) else { return nil }
        let level = eligible.filter { key($0) == best }
        if let last = lastAssigned, let next = level.first(where: { last < $0.id }) { return next.id }
        return level.first?.id
    }
}
