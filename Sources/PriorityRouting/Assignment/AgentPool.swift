/// The agents of one routing decision, sorted by id, with loads that grow as tickets are given out.
///
/// Works on indices into the sorted agents so that choosing among dozens of agents for hundreds of
/// tickets copies no agent state.
struct AgentPool {
    private(set) var agents: [AgentState]
    /// Whether each agent may be chosen at all: available and not the one handing over.
    private let present: [Bool]

    init(_ agents: [AgentState], excluding excluded: Set<AgentID> = []) {
        // Hosts usually pass agents already sorted by id (the desk does): then the ids are unique and
        // nothing needs sorting or hashing, which keeps a single decision cheap.
        let strictlySorted = zip(agents, agents.dropFirst()).allSatisfy { $0.id < $1.id }
        if strictlySorted {
            self.agents = agents
        } else {
            var unique: [AgentState] = []
            var seen: Set<AgentID> = []
            for agent in agents where seen.insert(agent.id).inserted { unique.append(agent) }
            unique.sort { $0.id < $1.id }
            self.agents = unique
        }
        present = self.agents.map { $0.isAvailable && (excluded.isEmpty || !excluded.contains($0.id)) }
    }

    /// The index of an agent, by binary search over the sorted ids.
    private func index(of id: AgentID) -> Int? {
        var low = 0
        var high = agents.count
        while low < high {
            let middle = (low + high) / 2
            if agents[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < agents.count && agents[low].id == id ? low : nil
    }

    /// The number of tickets the eligible agents can still take.
    var freeSlots: Int {
        agents.indices.reduce(0) { $0 + (present[$1] ? agents[$1].freeCapacity : 0) }
    }

    func agent(_ id: AgentID) -> AgentState? { index(of: id).map { agents[$0] } }

    func isEligible(_ id: AgentID) -> Bool { index(of: id).map(isEligible(at:)) ?? false }

    private func isEligible(at index: Int) -> Bool {
        present[index] && agents[index].openTickets < agents[index].capacity
    }

    mutating func recordAssignment(to id: AgentID) {
        if let index = index(of: id) { agents[index].openTickets += 1 }
    }

    /// The first eligible agent along `start`'s substitute chain, skipping absent agents; `nil` if
    /// the chain ends, loops or reaches an agent who is there but cannot take the ticket.
    func substitute(of start: AgentState) -> AgentState? {
        var visited: Set<AgentID> = [start.id]
        var current = start
        while current.isAbsent, let next = current.substitute {
            guard visited.insert(next).inserted, let index = index(of: next) else { return nil }
            if isEligible(at: index) { return agents[index] }
            current = agents[index]
        }
        return nil
    }

    /// The agent the strategy picks among the eligible ones, given the last agent assigned.
    func pick(for ticket: RoutableTicket, strategy: AssignmentStrategy, after cursor: AgentID?) -> AgentState? {
        let eligible = agents.indices.filter(isEligible(at:))
        guard !eligible.isEmpty else { return nil }
        let chosen: Int?
        switch strategy {
        case .roundRobin:
            chosen = nextInTurn(eligible, after: cursor)
        case .leastLoaded:
            chosen = leastLoaded(eligible, after: cursor)
        case .skillsAndLanguage:
            var speakers: [Int] = []
            var skilled: [Int] = []
            var both: [Int] = []
            for index in eligible {
                let speaks = agents[index].speaks(ticket.language)
                let handles = agents[index].handles(ticket.reason)
                if speaks && handles { both.append(index) }
                if speaks { speakers.append(index) }
                if handles { skilled.append(index) }
            }
            let group = [both, speakers, skilled].first { !$0.isEmpty } ?? eligible
            chosen = leastLoaded(group, after: cursor)
        }
        return chosen.map { agents[$0] }
    }

    private func nextInTurn(_ sorted: [Int], after cursor: AgentID?) -> Int? {
        guard let cursor else { return sorted.first }
        return sorted.first { agents[$0].id > cursor } ?? sorted.first
    }

    private func leastLoaded(_ sorted: [Int], after cursor: AgentID?) -> Int? {
        guard let fewest = sorted.lazy.map({ self.agents[$0].openTickets }).min() else { return nil }
        let lightest = sorted.filter { agents[$0].openTickets == fewest }
        guard let roomiest = lightest.lazy.map({ self.agents[$0].freeCapacity }).max() else { return nil }
        return nextInTurn(lightest.filter { agents[$0].freeCapacity == roomiest }, after: cursor)
    }
}
