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

    init(strategy: AssignmentStrategy) {
        assigner = Assigner(strategy: strategy)
    }

    /// Moves a ticket's hold to `agent` (or to nobody); returns whether someone's load went down.
    @discardableResult
    mutating func hold(_ ticket: TicketID, by agent: AgentID?) -> Bool {
        let previous = holders[ticket]
        guard previous != agent else { return false }
        if let previous { load[previous, default: 1] -= 1 }
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
