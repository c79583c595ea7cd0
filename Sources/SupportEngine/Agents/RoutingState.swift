/// The desk's in-memory view of who holds what: the queue of unassigned tickets, each agent's load,
/// presence and absence. Rebuilt from the store when a desk starts.
struct RoutingState: Sendable {
    var queue = TicketQueue()
    var holders: [TicketID: AgentID] = [:]
    var load: [AgentID: Int] = [:]
    var presence: [AgentID: AgentPresence] = [:]
    var absent: Set<AgentID> = []
    var assigner: Assigner
    var loaded = false
    /// The tickets tracked while a refresh from the store is reading, whose state here is newer than
    /// what the refresh read; `nil` when no refresh is under way.
    var trackedDuringRefresh: Set<TicketID>?
    /// Counts the tickets tracked, so that a read can tell whether a commit was tracked while it waited.
    var trackGeneration = 0
    /// The agents a read of the store found holding their whole capacity (with tickets other desks gave
    /// them), passed over by the choices of this desk until the next scan of the store, or until one of
    /// their tickets here leaves them.
    var fullInStore: Set<AgentID> = []
    /// How many times each agent has let go of a ticket here, so that a read of the store can tell
    /// whether the agent freed capacity while it waited (what it read is then older than the release).
    var releases: [AgentID: Int] = [:]
    /// Explanation texts already written, so that the tickets routed by one rule share one string.
    private var explanationTexts: [ExplanationText: String] = [:]

    /// What an explanation text says, as a key for ``explanationText(_:_:)``.
    enum ExplanationText: Hashable {
        case explicitReason(ChannelKind)
        case reasonRule(String, String, Int)
        case priorityRule(String)
    }

    /// The text for `key`, written by `make` the first time; later calls return the same string (up to a
    /// bounded number of distinct texts), so that its storage is shared instead of repeated per ticket.
    mutating func explanationText(_ key: ExplanationText, _ make: () -> String) -> String {
        if let text = explanationTexts[key] { return text }
        let text = make()
        if explanationTexts.count < 4096 { explanationTexts[key] = text }
        return text
    }

    /// Explanation lists already recorded on a ticket, so that the tickets routed alike share one array.
    private var explanationLists: Set<[RoutingExplanation]> = []

    /// `explanations`, or an equal list returned before (up to a bounded number of distinct lists), so
    /// that the tickets routed alike share one array's storage in their snapshots and histories instead
    /// of holding one each. The texts in it are shared already (``explanationText(_:_:)``), so comparing
    /// two lists mostly compares the same strings.
    ///
    /// The lists returned most recently are compared first, without hashing: tickets routed one after
    /// another are usually routed alike, and comparing a list with an equal one made of the same strings
    /// compares their storage, not their text.
    mutating func sharedExplanations(_ explanations: [RoutingExplanation]) -> [RoutingExplanation] {
        for list in recentExplanationLists where list == explanations { return list }
        let shared: [RoutingExplanation]
        if let index = explanationLists.firstIndex(of: explanations) {
            shared = explanationLists[index]
        } else {
            if explanationLists.count < 4096 { explanationLists.insert(explanations) }
            shared = explanations
        }
        if recentExplanationLists.count < Self.recentExplanationListCount {
            recentExplanationLists.append(shared)
        } else {
            recentExplanationLists[nextRecentExplanationList] = shared
            nextRecentExplanationList = (nextRecentExplanationList + 1) % Self.recentExplanationListCount
        }
        return shared
    }

    /// How many of the latest shared lists ``sharedExplanations(_:)`` compares before hashing.
    static let recentExplanationListCount = 8
    /// The latest lists ``sharedExplanations(_:)`` returned, at most ``recentExplanationListCount``.
    private var recentExplanationLists: [[RoutingExplanation]] = []
    /// The entry of ``recentExplanationLists`` the next new list replaces, oldest first.
    private var nextRecentExplanationList = 0

    init(strategy: AssignmentStrategy) {
        assigner = Assigner(strategy: strategy)
    }

    /// What a drain or a handover promised an agent while the assignment commits: the capacity counts
    /// toward the agent's load from the decision on, so a message received meanwhile, or another drain,
    /// routes on the loads the commits will make.
    struct Reservation: Sendable {
        /// The agent the ticket is promised to.
        var agent: AgentID
        /// Who held the ticket before, to hold it again when the assignment does not happen.
        var previousHolder: AgentID?
        /// The ticket's queue entry, taken out of the queue, to put back when the assignment does not happen.
        var queued: RoutableTicket?
    }

    /// The reservations of assignments under way, by ticket.
    private(set) var reservations: [TicketID: Reservation] = [:]

    /// Promises a ticket to an agent before the assignment's commit: the agent holds it and it leaves
    /// the queue.
    mutating func reserve(_ ticket: TicketID, for agent: AgentID) {
        let queued = queue.remove(ticket)?.ticket
        reservations[ticket] = Reservation(agent: agent, previousHolder: holders[ticket], queued: queued)
        hold(ticket, by: agent)
    }

    /// Ends a reservation whose assignment did not happen (the commit failed): the previous holder holds
    /// the ticket again and it goes back to the queue it came from.
    mutating func cancelReservation(of ticket: TicketID) {
        guard let reservation = reservations.removeValue(forKey: ticket) else { return }
        hold(ticket, by: reservation.previousHolder)
        if let queued = reservation.queued, !queue.contains(ticket) { queue.insert(queued) }
    }

    /// Ends a reservation once the ticket was committed or read back; the caller then tracks the ticket.
    mutating func endReservation(of ticket: TicketID) {
        reservations[ticket] = nil
    }

    /// The agents as routing sees them: one an earlier read of the store showed full counts as holding
    /// their whole capacity (``fullInStore``), so that they are passed over as a full agent is, and an
    /// absent one's substitute is still found.
    func routable(_ agents: [AgentState]) -> [AgentState] {
        guard !fullInStore.isEmpty else { return agents }
        return agents.map { agent in
            guard fullInStore.contains(agent.id) else { return agent }
            var full = agent
            full.openTickets = max(agent.openTickets, agent.capacity)
            return full
        }
    }

    /// Moves a ticket's hold to `agent` (or to nobody); returns whether someone's load went down.
    @discardableResult
    mutating func hold(_ ticket: TicketID, by agent: AgentID?) -> Bool {
        let previous = holders[ticket]
        guard previous != agent else { return false }
        if let previous {
            load[previous, default: 1] -= 1
            releases[previous, default: 0] &+= 1
            if !fullInStore.isEmpty { fullInStore.remove(previous) }
        }
        if let agent { load[agent, default: 0] += 1 }
        holders[ticket] = agent
        return previous != nil
    }
}

extension RoutableTicketState {
    /// The routing state of a lifecycle status.
    init(_ status: TicketStatus) {
        switch status {
        case .new: self = .new
        case .open: self = .open
        case .pending: self = .pending
        case .onHold: self = .onHold
        case .solved: self = .solved
        case .closed: self = .closed
        }
    }
}

extension TicketStatus {
    /// Whether a ticket in this status counts toward its assignee's load.
    var isActive: Bool { self != .solved && self != .closed }
}
