/// What a ``DeskEvent`` reports.
///
/// The raw values are the names the feed stores and a webhook sends (`ticket_created`, `sla_breach`, …);
/// they never change meaning once shipped.
public enum DeskEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A ticket was opened.
    case ticketCreated = "ticket_created"
    /// A message was added to a ticket: the member's, a public reply, an internal note or an automatic
    /// message (``DeskEvent/details`` `message_kind` says which).
    case messageAdded = "message_added"
    /// A ticket's status changed (`from`, `to`).
    case statusChanged = "status_changed"
    /// A ticket was assigned, handed over or unassigned (`from`, `to`; empty for nobody).
    case assigned
    /// A ticket's priority changed (`from`, `to`).
    case priorityChanged = "priority_changed"
    /// A ticket's contact reason changed (`from`, `to`).
    case reasonChanged = "reason_changed"
    /// Tags were added to or removed from a ticket (`added`, `removed`, comma-separated).
    case tagsChanged = "tags_changed"
    /// A ticket was merged into another (`into`).
    case ticketMerged = "ticket_merged"
    /// A service-level target is close: a warning step fired (`metric`, `step`, `due_at`).
    case slaWarning = "sla_warning"
    /// A service-level target was missed (`metric`, `due_at`).
    case slaBreach = "sla_breach"
    /// An escalation level after a breach fired (`metric`, `step`, `due_at`).
    case slaEscalation = "sla_escalation"
    /// A service-level clock was met (`metric`, `late`).
    case slaMet = "sla_met"
    /// A refund request waits for the owner's decision (`request`, `amount`).
    case refundEscalated = "refund_escalated"
    /// A refund was approved or denied (`request`, `verdict`, `amount`).
    case refundDecided = "refund_decided"
    /// A member's removal waits for the owner's approval (`entry`).
    case removalPending = "removal_pending"
    /// The owner approved or declined a pending removal (`entry`, `action`).
    case removalDecided = "removal_decided"
    /// Another moderation step was recorded: a warning, a suspension, a removal, a reversal (`entry`,
    /// `action`).
    case moderationRecorded = "moderation_recorded"
    /// An outbound message failed on every channel and was dead-lettered (`outbound`, `channel`,
    /// `attempts`).
    case deadLettered = "dead_lettered"
    /// A member journey message was put in the outbox (`outbound`, `channel`).
    case journeyMessageQueued = "journey_message_queued"
    /// A member rated a solved ticket (`score`).
    case ratingReceived = "rating_received"

    /// Whether the event is one a person should be alerted to: a breach, an escalation, a refund or a
    /// removal waiting for the owner, a dead letter.
    public var isAlert: Bool {
        switch self {
        case .slaBreach, .slaEscalation, .refundEscalated, .removalPending, .deadLettered: true
        default: false
        }
    }
}
