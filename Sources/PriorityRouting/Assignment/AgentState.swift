/// Whether an agent is at their desk, as the host's presence system reports it.
public enum AgentPresence: String, Hashable, Sendable, Codable, CaseIterable {
    /// Working and reachable: can be given tickets.
    case online
    /// Stepped away: keeps their tickets, gets no new ones.
    case away
    /// Not connected: gets no new tickets.
    case offline
}

/// One agent as routing sees them at one moment: who they are, what they handle, whether they are
/// really there and how much they already carry.
///
/// Routing never reads a clock or a roster: the desk computes ``presence``, ``isOnShift`` and
/// ``isAbsent`` (from its shift calendar and absences) and ``openTickets`` (from its store) and
/// passes them in. An agent gets new tickets only when ``canTakeTicket`` holds.
public struct AgentState: Hashable, Sendable, Codable, Identifiable {
    /// The agent.
    public var id: AgentID
    /// The name shown in handover notes.
    public var displayName: String
    /// The languages the agent answers in; a ticket in `es-mx` matches an agent with `es`.
    public var languages: [LocaleTag]
    /// The reasons the agent is skilled at; empty for a generalist.
    public var skills: [ContactReason]
    /// The most open tickets the agent should carry at once.
    public var capacity: Int
    /// Whether the agent is online, away or offline.
    public var presence: AgentPresence
    /// Whether the agent's shift is running, computed by the caller.
    public var isOnShift: Bool
    /// Whether the agent is on a dated absence (holiday, sick leave), computed by the caller.
    public var isAbsent: Bool
    /// Who takes the agent's tickets while they are absent.
    public var substitute: AgentID?
    /// How many open tickets the agent carries now.
    public var openTickets: Int

    /// Creates an agent state.
    ///
    /// - Parameters:
    ///   - id: The agent.
    ///   - displayName: The name shown in handover notes.
    ///   - languages: The languages the agent answers in.
    ///   - skills: The reasons the agent is skilled at; empty for a generalist.
    ///   - capacity: The most open tickets the agent should carry.
    ///   - presence: Whether the agent is online, away or offline.
    ///   - isOnShift: Whether the agent's shift is running.
    ///   - isAbsent: Whether the agent is on a dated absence.
    ///   - substitute: Who takes the agent's tickets while they are absent.
    ///   - openTickets: How many open tickets the agent carries now.
    public init(
        id: AgentID,
        displayName: String,
        languages: [LocaleTag] = [],
        skills: [ContactReason] = [],
        capacity: Int,
        presence: AgentPresence = .online,
        isOnShift: Bool = true,
        isAbsent: Bool = false,
        substitute: AgentID? = nil,
        openTickets: Int = 0
    ) {
        self.id = id
        self.displayName = displayName
        self.languages = languages
        self.skills = skills
        self.capacity = capacity
        self.presence = presence
        self.isOnShift = isOnShift
        self.isAbsent = isAbsent
        self.substitute = substitute
        self.openTickets = openTickets
    }

    /// Whether the agent is really there: online, on shift and not absent.
    public var isAvailable: Bool { presence == .online && isOnShift && !isAbsent }

    /// How many more tickets the agent can take, zero when full or over capacity.
    public var freeCapacity: Int { max(0, capacity - openTickets) }

    /// Whether the agent may be given a ticket now: available and below capacity.
    public var canTakeTicket: Bool { isAvailable && openTickets < capacity }

    /// Whether the agent answers in a language; every agent matches a ticket of unknown language.
    ///
    /// - Parameter language: The ticket's language, if known.
    /// - Returns: `true` when the agent lists the language or its base language.
    public func speaks(_ language: LocaleTag?) -> Bool {
        LanguageMatcher(language).spoken(by: languages)
    }

    /// Whether the agent is skilled at a reason.
    ///
    /// - Parameter reason: The ticket's contact reason.
    /// - Returns: `true` when ``skills`` lists the reason.
    public func handles(_ reason: ContactReason) -> Bool { skills.contains(reason) }
}
