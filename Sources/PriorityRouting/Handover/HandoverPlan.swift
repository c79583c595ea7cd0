/// Where one ticket goes on a handover, with the note to record on it.
public struct HandoverMove: Hashable, Sendable, Codable {
    /// Where a moved ticket ends up.
    public enum Destination: Hashable, Sendable, Codable {
        /// Another agent takes it.
        case agent(AgentID)
        /// Nobody can take it now: it goes back to the queue.
        case queue
    }

    /// The ticket.
    public var ticketID: TicketID
    /// The ticket's status (`new` or `open`).
    public var state: RoutableTicketState
    /// Where the ticket goes.
    public var destination: Destination
    /// The assignment to apply, when the ticket goes to an agent.
    public var assignment: Assignment?
    /// The internal note to record on the ticket, for the next agent.
    public var note: String

    /// Creates a move.
    ///
    /// - Parameters:
    ///   - ticketID: The ticket.
    ///   - state: The ticket's status.
    ///   - destination: Where the ticket goes.
    ///   - assignment: The assignment, when it goes to an agent.
    ///   - note: The internal note.
    public init(
        ticketID: TicketID,
        state: RoutableTicketState,
        destination: Destination,
        assignment: Assignment?,
        note: String
    ) {
        self.ticketID = ticketID
        self.state = state
        self.destination = destination
        self.assignment = assignment
        self.note = note
    }
}

/// What happens to a leaving agent's tickets: every `new` and `open` ticket moves to another agent
/// or back to the queue; `pending` and `onHold` tickets stay, and are reported; `solved` and
/// `closed` ones are left alone.
public struct HandoverPlan: Hashable, Sendable, Codable {
    /// The agent who hands over.
    public var leavingAgent: AgentID
    /// Why they hand over.
    public var cause: HandoverCause
    /// One move per `new` or `open` ticket, most urgent first.
    public var moves: [HandoverMove]
    /// The `pending` and `onHold` tickets, which stay with the leaving agent.
    public var staying: [HandoverTicket]
    /// The `solved` and `closed` tickets, left alone.
    public var finished: [HandoverTicket]

    /// Creates a plan.
    ///
    /// - Parameters:
    ///   - leavingAgent: The agent who hands over.
    ///   - cause: Why they hand over.
    ///   - moves: The moves.
    ///   - staying: The tickets that stay.
    ///   - finished: The finished tickets.
    public init(
        leavingAgent: AgentID,
        cause: HandoverCause,
        moves: [HandoverMove],
        staying: [HandoverTicket],
        finished: [HandoverTicket]
    ) {
        self.leavingAgent = leavingAgent
        self.cause = cause
        self.moves = moves
        self.staying = staying
        self.finished = finished
    }

    /// The assignments to apply.
    public var assignments: [Assignment] { moves.compactMap(\.assignment) }

    /// The tickets that go back to the queue.
    public var requeued: [TicketID] { moves.filter { $0.destination == .queue }.map(\.ticketID) }
}
