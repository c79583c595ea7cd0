/// The agents of one routing decision, sorted by id, with loads that grow as tickets are given out.
struct AgentPool {
    private(set) var agents: [AgentState]
    private var indexByID: [AgentID: Int]
    /// The agents who are gone for this decision (the one handing over), never chosen.
    private var excluded: Set<AgentID>

    init(_ agents: [AgentState], excluding excluded: Set<AgentID> = []) {
        var unique: [AgentState] = []
        var seen: Set<AgentID> = []
        for agent in agents where seen.insert(agent.id).inserted { unique.append(agent) }
        unique.sort { $0.id < $1.id }
        self.agents = unique
        self.excluded = excluded
        indexByID = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1.id, $0) })
    }

    /// The number of tickets the eligible agents can still take.
    var freeSlots: Int {
        agents.reduce(0) { $0 + (isEligible($1) ? $1.freeCapacity : 0) }
    }

    func agent(_ id: AgentID) -> AgentState? { indexByID[id].map { agents[$0] } }

    func isEligible(_ agent: AgentState) -> Bool { agent.canTakeTicket && !excluded.contains(agent.id) }

    mutating func recordAssignment(to id: AgentID) {
        if let index = indexByID[id] { agents[index].openTickets += 1 }
    }

    /// The first eligible agent along `start`'s substitute chain, skipping absent agents; `nil` if
    /// the chain ends, loops or reaches an agent who is there but cannot take the ticket.
    func substitute(of start: AgentState) -> AgentState? {
        var visited: Set<AgentID> = [start.id]
        var current = start
        while current.isAbsent, let next = current.substitute {
            guard visited.insert(next).inserted, let agent = agent(next) else { return nil }
            if isEligible(agent) { return agent }
            current = agent
        }
        return nil
    }

    /// The agent the strategy picks among the eligible ones, given the last agent assigned.
    func pick(for ticket: RoutableTicket, strategy: AssignmentStrategy, after cursor: AgentID?) -> AgentState? {
        let eligible = agents.filter(isEligible)
        guard !eligible.isEmpty else { return nil }
        switch strategy {
        case .roundRobin:
            return Self.nextInTurn(eligible, after: cursor)
        case .leastLoaded:
            return Self.leastLoaded(eligible, after: cursor)
        case .skillsAndLanguage:
            let groups: [(AgentState) -> Bool] = [
                { $0.handles(ticket.reason) && $0.speaks(ticket.language) },
                { $0.speaks(ticket.language) },
                { $0.handles(ticket.reason) },
            ]
            for group in groups {
                let members = eligible.filter(group)
                if !members.isEmpty { return Self.leastLoaded(members, after: cursor) }
            }
            return Self.leastLoaded(eligible, after: cursor)
        }
    }

    private static func nextInTurn(_ sorted: [AgentState], after cursor: AgentID?) -> AgentState? {
        guard let cursor else { return sorted.first }
        return sorted.first { $0.id > cursor } ?? sorted.first
    }

    private static func leastLoaded(_ sorted: [AgentState], after cursor: AgentID?) -> AgentState? {
        guard let fewest = sorted.map(\.openTickets).min() else { return nil }
        let lightest = sorted.filter { $0.openTickets == fewest }
        guard let roomiest = lightest.map(\.freeCapacity).max() else { return nil }
        return nextInTurn(lightest.filter { $0.freeCapacity == roomiest }, after: cursor)
    }
}
