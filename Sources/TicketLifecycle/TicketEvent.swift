import Foundation

/// One change in a ticket's history, with who made it and when.
///
/// Events are numbered from 1 per ticket; a snapshot's ``Ticket/version`` is the sequence number of
/// the last event folded into it.
public struct TicketEvent: Sendable, Hashable, Codable {
    /// The ticket the event belongs to.
    public let ticketID: TicketID
    /// The event's position in the ticket's history, from 1.
    public let sequence: Int
    /// When it happened.
    public let at: Date
    /// Who did it.
    public let actor: SupportActor
    /// What changed.
    public let change: TicketChange

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - ticketID: The ticket the event belongs to.
    ///   - sequence: The event's position in the ticket's history, from 1.
    ///   - at: When it happened.
    ///   - actor: Who did it.
    ///   - change: What changed.
    public init(ticketID: TicketID, sequence: Int, at: Date, actor: SupportActor, change: TicketChange) {
        self.ticketID = ticketID
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.change = change
    }
}

/// What an event changed.
public enum TicketChange: Sendable, Hashable, Codable {
    /// The ticket was created.
    indirect case created(TicketCreation)
    /// A message was added: a member message, a public reply, an internal note or an automatic message.
    indirect case messageAdded(TicketMessage)
    /// The status changed.
    case statusChanged(from: TicketStatus, to: TicketStatus)
    /// The assignee changed; `nil` means unassigned.
    case assigned(from: AgentID?, to: AgentID?)
    /// The priority changed.
    case priorityChanged(from: Priority, to: Priority)
    /// The contact reason changed.
    case reasonChanged(from: ContactReason, to: ContactReason)
    /// Tags were added or removed.
    case tagsChanged(added: [String], removed: [String])
    /// This ticket was merged into another and is now closed.
    case mergedInto(TicketID)
    /// Another ticket was merged into this one; its messages were copied here.
    case mergeReceived(from: TicketID, messages: [TicketMessage])
    /// A service-level clock started, paused, resumed, was met, or fired an alarm step.
    indirect case sla(SLAChange)
    /// Routing explained its decisions: why this reason, priority or assignee.
    indirect case explained([RoutingExplanation])

    /// A short name for the change, for logs and audits: `created`, `message_added`, ….
    public var name: String {
        switch self {
        case .created: "created"
        case .messageAdded: "message_added"
        case .statusChanged: "status_changed"
        case .assigned: "assigned"
        case .priorityChanged: "priority_changed"
        case .reasonChanged: "reason_changed"
        case .tagsChanged: "tags_changed"
        case .mergedInto: "merged_into"
        case .mergeReceived: "merge_received"
        case .explained: "explained"
        case .sla(let change):
            switch change {
            case .started: "sla_started"
            case .paused: "sla_paused"
            case .resumed: "sla_resumed"
            case .met: "sla_met"
            case .fired: "sla_fired"
            case .cancelled: "sla_cancelled"
            }
        }
    }
}
