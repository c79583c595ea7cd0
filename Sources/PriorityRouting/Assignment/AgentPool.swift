/// The agents of one routing decision, sorted by id, with loads that grow as tickets are given out.
///
/// The agents' states are read, never written or copied: every read goes through a buffer pointer
/// (reading a field through the array's subscript copies the whole state first, retaining each of its
/// strings and arrays). The growing loads live in a separate array of integers, made only once a
/// ticket is given out, so one decision allocates nothing per agent. A pool made with
/// ``init(unverified:)`` reads each agent once: its ``pick(for:strategy:after:)`` checks the id order
/// in the same pass as the strategy.
struct AgentPool {
    /// The agents, sorted by id, each id once (unless the pool is not ``verified`` yet).
    let agents: [AgentState]
    /// Each agent's open tickets as they grow; empty until the first ticket is given out, when the
    /// agents' own ``AgentState/openTickets`` still hold.
    private var loads: [Int] = []
    /// Agents who may not be chosen, whatever their state (the one handing over).
    private let excluded: Set<AgentID>
    /// Whether ``agents`` is known to be sorted by id with each id once. When not, only
    /// ``pick(for:strategy:after:)`` may be called, and it answers ``Pick/unsorted`` when they are not.
    private let verified: Bool

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
        verified = true
    }

    /// A pool for one ``pick(for:strategy:after:)`` that checks the id order itself, in its one pass.
    ///
    /// - Parameter agents: The agents as the caller passes them, in any order.
    init(unverified agents: [AgentState]) {
        self.agents = agents
        excluded = []
        verified = false
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

    /// What ``pick(for:strategy:after:)`` found.
    enum Pick {
        /// The agent the strategy picks.
        case agent(AgentState)
        /// Nobody can take the ticket.
        case nobody
        /// The pool was made with ``init(unverified:)`` and its agents are not strictly sorted by id:
        /// make a sorted pool and pick again.
        case unsorted
    }

    /// The agent the strategy picks among the eligible ones, given the last agent assigned.
    ///
    /// One pass keeps the best candidate by (group, load, free capacity): the group is 0 for an agent
    /// who speaks the language and handles the reason, 1 for one who only speaks it, 2 for one who
    /// only handles it, 3 for the rest (always 0 except for ``AssignmentStrategy/skillsAndLanguage``,
    /// and the load only counts for the load-aware strategies). Among level candidates the turn
    /// rotates: the first whose id follows `cursor`, else the first. An unverified pool also compares
    /// each id with the one before it in the same pass.
    func pick(for ticket: RoutableTicket, strategy: AssignmentStrategy, after cursor: AgentID?) -> Pick {
        // A verified pool finds where the turn starts by binary search; an unverified one compares ids
        // with the cursor as it goes, only for candidates, until one follows it (ids only grow from there).
        let turn: Int
        if verified {
            turn =
                cursor.map { id in
                    let index = firstIndex(notBefore: id)
                    return index < agents.count && agents[index].id == id ? index + 1 : index
                } ?? Int.max
        } else {
            turn = cursor == nil ? Int.max : -1
        }
        let matcher = strategy == .skillsAndLanguage ? LanguageMatcher(ticket.language) : nil
        let loadAware = strategy != .roundRobin
        // The best candidate so far as three plain integers (`bestGroup` 4 while there is none), so
        // the loop keeps them in registers.
        var bestGroup = 4
        var bestLoad = 0
        var bestFree = 0
        var firstLevel = -1
        var firstAfterTurn = -1
        var passedTurn = false
        var sorted = true
        let checksOrder = !verified
        let reason = ticket.reason
        let hasLoads = !loads.isEmpty
        let hasExcluded = !excluded.isEmpty
        agents.withUnsafeBufferPointer { agents in
            loads.withUnsafeBufferPointer { loads in
                /// Whether the agent at `index` comes after the turn's start (`cursor` in id order).
                func afterTurn(_ index: Int) -> Bool {
                    if turn >= 0 { return index >= turn }
                    if passedTurn { return true }
                    if let cursor, cursor < agents[index].id {
                        passedTurn = true
                        return true
                    }
                    return false
                }
                var index = 0
                while index < agents.count {
                    defer { index += 1 }
                    if checksOrder && index > 0 && !(agents[index - 1].id < agents[index].id) {
                        sorted = false
                        return
                    }
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
                    if bestGroup < 4 {
                        if load != bestLoad {
                            order = load < bestLoad ? -1 : 1
                        } else if free != bestFree {
                            order = free > bestFree ? -1 : 1
                        }
                        // The best is in the first group: a worse load loses whatever this agent's group,
                        // so the agent's languages and skills are not even read.
                        if bestGroup == 0 && order > 0 { continue }
                    }
                    var group = 0
                    if let matcher {
                        // Reads the two arrays in place: copying the agent's state would retain all its fields.
                        let speaks = matcher.spoken(by: agents[index].languages)
                        let handles = agents[index].skills.withUnsafeBufferPointer { skills in
                            // A plain counter: iterating `indices` went through generic `Int` comparisons.
                            var skill = 0
                            while skill < skills.count {
                                if skills[skill] == reason { return true }
                                skill += 1
                            }
                            return false
                        }
                        group = speaks ? (handles ? 0 : 1) : (handles ? 2 : 3)
                    }
                    if bestGroup < 4 {
                        if group > bestGroup { continue }
                        if group == bestGroup {
                            if order > 0 { continue }
                            if order == 0 {
                                if firstAfterTurn < 0, afterTurn(index) { firstAfterTurn = index }
                                continue
                            }
                        }
                    }
                    bestGroup = group
                    bestLoad = load
                    bestFree = free
                    firstLevel = index
                    firstAfterTurn = afterTurn(index) ? index : -1
                }
            }
        }
        guard sorted else { return .unsorted }
        guard bestGroup < 4 else { return .nobody }
        return .agent(state(at: firstAfterTurn >= 0 ? firstAfterTurn : firstLevel))
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
            var index = 0
            while index < languages.count {
                if languages[index].primaryCode == code { return true }
                index += 1
            }
            return false
        }
    }
}
