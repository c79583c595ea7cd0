import Foundation

/// Everything that waits on the club's owner, each item with the action that resolves it: refunds
/// escalated to the owner, removals waiting for approval, dead letters, and tickets whose service-level
/// target was missed and that are still open. Read it with ``SupportDesk/ownerInbox(scanning:)``.
public struct OwnerInbox: Sendable, Hashable, Codable {
    /// The items, refunds first, then removals, dead letters and breached tickets; oldest first within
    /// each kind.
    public var items: [OwnerInboxItem]
    /// Whether every open ticket was looked at for breaches: `false` when the scan stopped at its
    /// limit, so more breached tickets may exist than are listed.
    public var isComplete: Bool

    /// Creates an inbox.
    ///
    /// - Parameters:
    ///   - items: The items.
    ///   - isComplete: Whether the breach scan saw every open ticket.
    public init(items: [OwnerInboxItem], isComplete: Bool) {
        self.items = items
        self.isComplete = isComplete
    }
}

/// One thing waiting on the owner.
public struct OwnerInboxItem: Sendable, Hashable, Codable {
    /// What kind of thing waits.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A refund request the policy escalated to the owner.
        case refundAwaitingOwner = "refund_awaiting_owner"
        /// A paying member's removal waiting for the owner's approval.
        case removalAwaitingOwner = "removal_awaiting_owner"
        /// An outbound message that failed on every channel.
        case deadLetter = "dead_letter"
        /// An open ticket whose service-level target was missed (breached, perhaps escalated).
        case slaBreached = "sla_breached"
    }

    /// What kind of thing waits.
    public var kind: Kind
    /// The ticket it is about, if any.
    public var ticket: TicketID?
    /// The member it is about, if any.
    public var member: MemberID?
    /// Since when it waits.
    public var since: Date
    /// A line for a person: the amount and request, the ledger entry, the channel and error, the
    /// missed target.
    public var summary: String
    /// What resolves it.
    public var action: OwnerAction

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - kind: What waits.
    ///   - ticket: The ticket.
    ///   - member: The member.
    ///   - since: Since when.
    ///   - summary: A line for a person.
    ///   - action: What resolves it.
    public init(
        kind: Kind,
        ticket: TicketID?,
        member: MemberID?,
        since: Date,
        summary: String,
        action: OwnerAction
    ) {
        self.kind = kind
        self.ticket = ticket
        self.member = member
        self.since = since
        self.summary = summary
        self.action = action
    }
}

/// The call that resolves an ``OwnerInboxItem``.
public enum OwnerAction: Sendable, Hashable, Codable {
    /// Approve or decline the refund: `desk.refunds.approve(request, of: member, …)` or
    /// `desk.refunds.decline(request, of: member, …)`.
    case decideRefund(request: RefundRequestID, member: MemberID)
    /// Approve or decline the removal: `desk.moderation.approveRemoval(of: member, …)` or
    /// `desk.moderation.declineRemoval(of: member, …)`; `entry` is the pending removal's ledger entry.
    case decideRemoval(member: MemberID, entry: Int)
    /// Send the message again (``SupportDesk/retryDeadLetter(_:by:)``), or leave it after reaching the
    /// member another way.
    case retryDelivery(OutboundID)
    /// Take the ticket in hand: assign it, answer it, or solve it.
    case attendTicket(TicketID)
}
