/// A ticket's status as routing needs it: which tickets move when their agent leaves.
///
/// Mirrors the lifecycle `new → open → pending | onHold → solved → closed` without depending on the
/// lifecycle module; the desk maps its status onto this.
public enum RoutableTicketState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Created, not answered yet.
    case new
    /// Being worked on.
    case open
    /// Waiting for the member.
    case pending
    /// Waiting for a third party.
    case onHold
    /// Solved, may still reopen.
    case solved
    /// Closed for good.
    case closed

    /// Whether the ticket needs an agent now, so it moves on a handover: `new` and `open`.
    public var needsAgent: Bool { self == .new || self == .open }

    /// Whether the ticket waits on someone else and stays with its agent on a handover: `pending` and `onHold`.
    public var isWaiting: Bool { self == .pending || self == .onHold }
}

/// Why an agent hands their tickets over; named in the handover notes.
public enum HandoverCause: String, Hashable, Sendable, Codable, CaseIterable {
    /// The agent's shift ended.
    case shiftEnded
    /// The agent starts a dated absence; their substitute is tried first.
    case absence
    /// The agent went offline or away unexpectedly.
    case unavailable

    var phrase: String {
        switch self {
        case .shiftEnded: "end of shift"
        case .absence: "absence"
        case .unavailable: "agent unavailable"
        }
    }
}

/// A ticket held by the agent who hands over.
public struct HandoverTicket: Hashable, Sendable, Codable, Identifiable {
    /// The ticket's routing data.
    public var ticket: RoutableTicket
    /// The ticket's status.
    public var state: RoutableTicketState

    /// Creates a held ticket.
    ///
    /// - Parameters:
    ///   - ticket: The ticket's routing data.
    ///   - state: The ticket's status.
    public init(ticket: RoutableTicket, state: RoutableTicketState) {
        self.ticket = ticket
        self.state = state
    }

    /// The ticket's id.
    public var id: TicketID { ticket.id }
}
