import Foundation

/// What routing needs to know about a ticket: its priority, deadlines, reason and language.
///
/// The desk builds one from its ticket snapshot; routing never sees message texts or members' data.
public struct RoutableTicket: Hashable, Sendable, Codable, Identifiable {
    // The one-byte priority follows the optional due date, in its padding, and the 20-byte language comes
    // last: 92 bytes (a 96-byte stride) instead of 104, which a queue of a million tickets keeps per slot.
    /// The ticket.
    public var id: TicketID
    /// When the ticket was created: older tickets go first among equals.
    public var createdAt: Date
    /// When the ticket's next SLA target falls due, if it has one: earlier goes first among equal priorities.
    public var slaDue: Date?
    /// The ticket's priority, usually from ``PriorityPolicy``.
    public var priority: Priority
    /// The contact reason, matched against agents' skills.
    public var reason: ContactReason
    /// An agent who should get the ticket when they can take it, such as the member's previous agent.
    public var preferredAgent: AgentID?
    /// The member's language, matched against agents' languages.
    public var language: LocaleTag?

    /// Creates a routable ticket.
    ///
    /// - Parameters:
    ///   - id: The ticket.
    ///   - priority: The ticket's priority.
    ///   - createdAt: When the ticket was created.
    ///   - slaDue: When the next SLA target falls due, if any.
    ///   - reason: The contact reason.
    ///   - language: The member's language, if known.
    ///   - preferredAgent: An agent who should get the ticket when they can, if any.
    public init(
        id: TicketID,
        priority: Priority,
        createdAt: Date,
        slaDue: Date? = nil,
        reason: ContactReason = .other,
        language: LocaleTag? = nil,
        preferredAgent: AgentID? = nil
    ) {
        self.id = id
        self.priority = priority
        self.createdAt = createdAt
        self.slaDue = slaDue
        self.reason = reason
        self.language = language
        self.preferredAgent = preferredAgent
    }

    /// Whether this ticket goes before another one, ignoring insertion order: higher priority first,
    /// then the earlier SLA due date (a ticket without one after those with one), then the older ticket.
    ///
    /// - Parameter other: The ticket to compare with.
    /// - Returns: `true` when this ticket goes first; `false` when the other does or they are level.
    public func goesBefore(_ other: RoutableTicket) -> Bool {
        if priority != other.priority { return priority > other.priority }
        switch (slaDue, other.slaDue) {
        case (let lhs?, let rhs?) where lhs != rhs: return lhs < rhs
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        return createdAt < other.createdAt
    }
}
