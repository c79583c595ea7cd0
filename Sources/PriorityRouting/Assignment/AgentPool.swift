/// The agents of one routing decision, sorted by id, with loads that grow as tickets are given out.
///
/// The agents' states are read, never written or copied: every read goes through a buffer pointer
/// (reading a field through the array's subscript copies the whole state first, retaining each of its
/// strings and arrays). The growing loads live in a separate array of integers, made only once a
/// ticket is given out, so one decision reads each agent twice (the order check and the strategy's
/// pass) and allocates nothing per agent.
struct AgentPool {
    /// The agents, sorted by id, each id once.
    let agents: [AgentState]
    /// Each agent's open tickets as they grow; empty until the first ticket is given out, when the
    /// agents' own ``AgentState/openTickets`` still hold.
    private var loads: [Int] = []
    /// Agents who may not be chosen, whatever their state (the one handing over).
    private let excluded: Set<AgentID>

    init(_ agents: [AgentState], excluding excluded: Set<AgentID> = []) {
        // Hosts usually pass agents already sorted by id (the desk does): then the ids are unique and
        // nothing needs sorting or hashing, which keeps a single decision cheap.
        let strictlySorted = agents.withUnsafeBufferPointer { agents in
            var index = 1
            while index < agents.count {
                guard agents[index - 1].id < agents[index].id else { return false }
                index += 1
            }
            return true
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
        self.excluded = excluded
    }

    /// An agent's open tickets, counting those given out so far.
    @inline(__always)
    private static func load(_ agents: UnsafeBufferPointer<AgentState>, _ loads: [Int], _ index: Int) -> Int {
        loads.isEmpty ? agents[index].openTickets : loads[index]
    }

    /// Whether an agent may be given a ticket now: available, below capacity, not excluded.
    @inline(__always)
    private static func isEligible(
        _ agents: UnsafeBufferPointer<AgentState>,
        _ loads: [Int],
        _ excluded: Set<AgentID>,
        _ index: Int
    ) -> Bool {
        agents[index].presence == .online && agents[index].isOnShift && !agents[index].isAbsent
            && load(agents, loads, index) < agents[index].capacity
            && (excluded.isEmpty || !excluded.contains(agents[index].id))
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
        agents.withUnsafeBufferPointer { agents in
            var total = 0
            for index in agents.indices where Self.isEligible(agents, loads, excluded, index) {
                total += agents[index].capacity - Self.load(agents, loads, index)
            }
            return total
        }
    }

    /// An agent's state with the load given out so far.
    func agent(_ id: AgentID) -> AgentState? { index(of: id).map(state(at:)) }

    func isEligible(_ id: AgentID) -> Bool { index(of: id).map(isEligible(at:)) ?? false }

    private func state(at index: Int) -> AgentState {
        var state = agents[index]
        if !loads.isEmpty { state.openTickets = loads[index] }
        return state
    }

    private func isEligible(at index: Int) -> Bool {
        agents.withUnsafeBufferPointer { Self.isEligible($0, loads, excluded, index) }
    }

    mutating func recordAssignment(to id: AgentID) {
        guard let index = index(of: id) else { return }
        if loads.isEmpty {
            loads = agents.withUnsafeBufferPointer { agents in agents.indices.map { agents[$0].openTickets } }
        }
        loads[index] += 1
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
        let reason = ticket.reason
        let hasLoads = !loads.isEmpty
        let hasExcluded = !excluded.isEmpty
        agents.withUnsafeBufferPointer { agents in
            loads.withUnsafeBufferPointer { loads in
                for index in agents.indices {
                    guard agents[index].presence == .online, agents[index].isOnShift, !agents[index].isAbsent else {
                        continue
                    }
                    let capacity = agents[index].capacity
                    let carried = hasLoads ? loads[index] : agents[index].openTickets
                    guard carried < capacity else { continue }
                    if hasExcluded && excluded.contains(agents[index].id) { continue }
                    let load = loadAware ? carried : 0
                    let free = loadAware ? capacity - carried : 0
                    // How the load and free capacity compare with the best so far: -1 better, 1 worse.
                    var order = 0
                    if let best {
                        if load != best.load {
                            order = load < best.load ? -1 : 1
                        } else if free != best.free {
                            order = free > best.free ? -1 : 1
                        }
                        // The best is in the first group: a worse load loses whatever this agent's group,
                        // so the agent's languages and skills are not even read.
                        if best.group == 0 && order > 0 { continue }
                    }
                    var group = 0
                    if let matcher {
                        // Reads the two arrays in place: copying the agent's state would retain all its fields.
                        let speaks = matcher.spoken(by: agents[index].languages)
                        let handles = agents[index].skills.withUnsafeBufferPointer { skills in
                            for skill in skills.indices where skills[skill] == reason { return true }
                            return false
                        }
                        group = speaks ? (handles ? 0 : 1) : (handles ? 2 : 3)
                    }
                    if let current = best {
                        if group > current.group { continue }
                        if group == current.group {
                            if order > 0 { continue }
                            if order == 0 {
                                if firstAfterTurn < 0, let turnStart, index >= turnStart { firstAfterTurn = index }
                                continue
                            }
                        }
                    }
                    best = (group: group, load: load, free: free)
                    firstLevel = index
                    firstAfterTurn = turnStart.map { index >= $0 ? index : -1 } ?? -1
                }
            }
        }
        guard best != nil else { return nil }
        return state(at: firstAfterTurn >= 0 ? firstAfterTurn : firstLevel)
    }
}

/// Whether an agent speaks a ticket's language: the same tag, or the same primary language subtag
/// (`en-GB` speaks to `en-US`), compared as the tags' packed primary subtags without reading strings.
struct LanguageMatcher {
    /// The ticket's primary subtag code, `nil` when the ticket's language is unknown.
    private let code: UInt32?

    init(_ tag: LocaleTag?) { code = tag?.primaryCode }

    func spoken(by languages: [LocaleTag]) -> Bool {
        guard let code else { return true }
        return languages.withUnsafeBufferPointer { languages in
            for index in languages.indices where languages[index].primaryCode == code { return true }
            return false
        }
    }
}
