/// The agents of one routing decision, sorted by id, with loads that grow as tickets are given out.
///
/// The agents' states are read, never written: the growing loads live in a separate array of
/// integers, so a decision neither copies the agents' states nor allocates per agent, and the
/// strategy's choice is one pass over the eligible agents.
struct AgentPool {
    /// The agents, sorted by id, each id once.
    let agents: [AgentState]
    /// Each agent's open tickets, growing as tickets are given out.
    private var loads: [Int]
    /// Whether each agent may be chosen at all: available and not the one handing over.
    private let present: [Bool]

    init(_ agents: [AgentState], excluding excluded: Set<AgentID> = []) {
        // Hosts usually pass agents already sorted by id (the desk does): then the ids are unique and
        // nothing needs sorting or hashing, which keeps a single decision cheap.
        var strictlySorted = true
        var index = 1
        while index < agents.count {
            if !(agents[index - 1].id < agents[index].id) {
                strictlySorted = false
                break
            }
            index += 1
        }
        if strictlySorted {
            self.agents = agents
        } else {
            var unique: [AgentState] = []
            var seen: Set<AgentID> = []
            for agent in agents where seen.insert(agent.id).inserted { unique.append(agent) }
            unique.sort { $0.id < $1.id }
            self.agents = unique
        }
        var loads: [Int] = []
        var present: [Bool] = []
        loads.reserveCapacity(self.agents.count)
        present.reserveCapacity(self.agents.count)
        self.agents.withUnsafeBufferPointer { agents in
            for index in agents.indices {
                loads.append(agents[index].openTickets)
                present.append(
                    agents[index].isAvailable && (excluded.isEmpty || !excluded.contains(agents[index].id))
                )
            }
        }
        self.loads = loads
        self.present = present
    }

    /// The index of an agent, by binary search over the sorted ids.
    private func index(of id: AgentID) -> Int? {
        let low = firstIndex(notBefore: id)
        return low < agents.count && agents[low].id == id ? low : nil
    }

    /// The index of the first agent whose id is not below `id` (the count when there is none).
    private func firstIndex(notBefore id: AgentID) -> Int {
        var low = 0
        var high = agents.count
        while low < high {
            let middle = (low + high) / 2
            if agents[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The number of tickets the eligible agents can still take.
    var freeSlots: Int {
        var total = 0
        for index in agents.indices where present[index] { total += free(at: index) }
        return total
    }

    /// An agent's state with the load given out so far.
    func agent(_ id: AgentID) -> AgentState? { index(of: id).map(state(at:)) }

    func isEligible(_ id: AgentID) -> Bool { index(of: id).map(isEligible(at:)) ?? false }

    private func state(at index: Int) -> AgentState {
        var state = agents[index]
        state.openTickets = loads[index]
        return state
    }

    private func free(at index: Int) -> Int { max(0, agents[index].capacity - loads[index]) }

    private func isEligible(at index: Int) -> Bool {
        present[index] && loads[index] < agents[index].capacity
    }

    mutating func recordAssignment(to id: AgentID) {
        if let index = index(of: id) { loads[index] += 1 }
    }

    /// The first eligible agent along `start`'s substitute chain, skipping absent agents; `nil` if
    /// the chain ends, loops or reaches an agent who is there but cannot take the ticket.
    func substitute(of start: AgentState) -> AgentState? {
        var visited: Set<AgentID> = [start.id]
        var current = start
        while current.isAbsent, let next = current.substitute {
            guard visited.insert(next).inserted, let index = index(of: next) else { return nil }
            if isEligible(at: index) { return state(at: index) }
            current = agents[index]
        }
        return nil
    }

    /// The agent the strategy picks among the eligible ones, given the last agent assigned.
    ///
    /// One pass keeps the best candidate by (group, load, free capacity): the group is 0 for an agent
    /// who speaks the language and handles the reason, 1 for one who only speaks it, 2 for one who
    /// only handles it, 3 for the rest (always 0 except for ``AssignmentStrategy/skillsAndLanguage``,
    /// and the load only counts for the load-aware strategies). Among level candidates the turn
    /// rotates: the first after `cursor` in id order, else the first.
    func pick(for ticket: RoutableTicket, strategy: AssignmentStrategy, after cursor: AgentID?) -> AgentState? {
        let turnStart = cursor.map { id in
            let index = firstIndex(notBefore: id)
            return index < agents.count && agents[index].id == id ? index + 1 : index
        }
        let matcher = strategy == .skillsAndLanguage ? LanguageMatcher(ticket.language) : nil
        let loadAware = strategy != .roundRobin
        var best: (group: Int, load: Int, free: Int)?
        var firstLevel = -1
        var firstAfterTurn = -1
        agents.withUnsafeBufferPointer { agents in
            for index in agents.indices where present[index] && loads[index] < agents[index].capacity {
                var group = 0
                if let matcher {
                    // Reads the two arrays in place: copying the agent's state would retain all its fields.
                    let speaks = matcher.spoken(by: agents[index].languages)
                    let handles = agents[index].skills.contains(ticket.reason)
                    group = speaks ? (handles ? 0 : 1) : (handles ? 2 : 3)
                }
                let load = loadAware ? loads[index] : 0
                let free = loadAware ? max(0, agents[index].capacity - loads[index]) : 0
                let candidate = (group: group, load: load, free: free)
                if let current = best {
                    if candidate.group > current.group { continue }
                    if candidate.group == current.group {
                        if candidate.load > current.load { continue }
                        if candidate.load == current.load {
                            if candidate.free < current.free { continue }
                            if candidate.free == current.free {
                                if firstAfterTurn < 0, let turnStart, index >= turnStart { firstAfterTurn = index }
                                continue
                            }
                        }
                    }
                }
                best = candidate
                firstLevel = index
                firstAfterTurn = turnStart.map { index >= $0 ? index : -1 } ?? -1
            }
        }
        guard best != nil else { return nil }
        return state(at: firstAfterTurn >= 0 ? firstAfterTurn : firstLevel)
    }
}

/// Whether an agent speaks a ticket's language: the same tag, or the same primary language subtag
/// (`en-GB` speaks to `en-US`), compared on UTF-8 bytes without building strings.
struct LanguageMatcher {
    private let tag: LocaleTag?

    init(_ tag: LocaleTag?) { self.tag = tag }

    func spoken(by languages: [LocaleTag]) -> Bool {
        guard let tag else { return true }
        for language in languages where Self.samePrimary(language, tag) { return true }
        return false
    }

    /// Whether two tags have the same primary language subtag (the part before the first `-`).
    static func samePrimary(_ lhs: LocaleTag, _ rhs: LocaleTag) -> Bool {
        let dash = UInt8(ascii: "-")
        var left = lhs.rawValue.utf8.makeIterator()
        var right = rhs.rawValue.utf8.makeIterator()
        while true {
            let l = left.next().flatMap { $0 == dash ? nil : $0 }
            let r = right.next().flatMap { $0 == dash ? nil : $0 }
            if l != r { return false }
            if l == nil { return true }
        }
    }
}
