/// Something someone wants to do to an existing ticket.
///
/// ``TicketRules/handle(_:on:by:at:)`` checks the command against the rules and returns the events
/// it produces, or throws a ``LifecycleError`` that says which rule refused it.
public enum TicketCommand: Sendable, Hashable, Codable {
    /// The member writes. Reopens a ``TicketStatus/pending`` or ``TicketStatus/solved`` ticket.
    case memberMessage(MessageDraft)
    /// An agent answers publicly, optionally setting the status at the same time (for example
    /// ``TicketStatus/pending`` to wait for the member). Without a status a ``TicketStatus/new`` ticket
    /// becomes ``TicketStatus/open``.
    case reply(MessageDraft, status: TicketStatus?)
    /// An agent adds a note that the member never sees.
    case internalNote(MessageDraft)
    /// The engine adds a message the member sees that is not a reply (an acknowledgement, a notice).
    case automaticMessage(MessageDraft)
    /// Change the status.
    case setStatus(TicketStatus)
    /// Assign to an agent, or unassign with `nil`.
    case assign(AgentID?)
    /// Change the priority.
    case setPriority(Priority)
    /// Change the contact reason.
    case setReason(ContactReason)
    /// Add tags.
    case addTags([String])
    /// Remove tags.
    case removeTags([String])
    /// Merge this ticket into another: this one closes as merged.
    case merge(into: TicketID)
    /// Receive the messages of a ticket merged into this one.
    case receiveMerge(from: TicketID, messages: [TicketMessage])
    /// Record changes to the service-level clocks (the system only).
    case recordSLA([SLAChange])
    /// Record why routing decided what it did (the system only).
    case explain([RoutingExplanation])

    /// A short name for the command, for error messages: `reply`, `set_status`, ….
    public var name: String {
        switch self {
        case .memberMessage: "member_message"
        case .reply: "reply"
        case .internalNote: "internal_note"
        case .automaticMessage: "automatic_message"
        case .setStatus: "set_status"
        case .assign: "assign"
        case .setPriority: "set_priority"
        case .setReason: "set_reason"
        case .addTags: "add_tags"
        case .removeTags: "remove_tags"
        case .merge: "merge"
        case .receiveMerge: "receive_merge"
        case .recordSLA: "record_sla"
        case .explain: "explain"
        }
    }
}
