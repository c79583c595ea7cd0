import Foundation

/// A ticket: the snapshot that results from folding its events.
///
/// A ticket is never edited directly. ``TicketRules`` turns a command into events, and
/// ``applying(_:)`` folds each event into the snapshot; ``replay(_:)`` rebuilds the snapshot from the
/// whole history and gives exactly the same value.
public struct Ticket: Sendable, Hashable, Codable, Identifiable {
    // The stored properties are ordered by size rather than by meaning, so that the one-byte fields
    // fill the padding after an optional date and the snapshot has no holes; the documentation lists
    // them by meaning.
    /// The ticket's id.
    public let id: TicketID
    /// The member who asked.
    public let requester: MemberID
    /// A short subject line.
    public internal(set) var subject: String
    /// The channel the first message arrived on.
    public internal(set) var channel: ChannelKind
    /// Why the member wrote.
    public internal(set) var reason: ContactReason
    /// The member's language, when known.
    public internal(set) var locale: LocaleTag?
    /// The agent working on it, if any.
    public internal(set) var assignee: AgentID?
    /// The ticket this one was merged into.
    public internal(set) var mergedInto: TicketID?
    /// The closed ticket this one follows up.
    public let followUpOf: TicketID?
    /// The ticket's short number (`TicketNumber`), what people read and say: `#1042`. It comes with
    /// the creation event, so replay gives it back; `nil` for a ticket stored before numbers existed.
    public let number: TicketNumber?
    /// Tags, sorted.
    public internal(set) var tags: [String]
    /// The conversation, in order, internal notes included.
    public internal(set) var messages: [TicketMessage]
    /// When the ticket was created.
    public let createdAt: Date
    /// When the last event happened.
    public internal(set) var updatedAt: Date
    /// The number of events folded into this snapshot: the version a writer must expect.
    public internal(set) var version: Int
    /// The latest routing explanation per aspect: why the ticket has its reason, priority, assignee.
    public internal(set) var explanations: RoutingExplanations
    /// When the ticket was last solved, while it is solved or closed.
    public internal(set) var solvedAt: Date?
    /// How urgent it is.
    public internal(set) var priority: Priority
    /// Where the ticket is in its life.
    public internal(set) var status: TicketStatus
    /// When the ticket was closed.
    public internal(set) var closedAt: Date?
    /// The service-level clocks and what they recorded.
    public internal(set) var sla: SLARecord

    /// The messages the member may see, in order: internal notes left out.
    public var memberVisibleMessages: [TicketMessage] { messages.filter(\.isVisibleToMember) }

    /// The latest public reply from the support side, if any.
    public var lastPublicReply: TicketMessage? { messages.last { $0.kind == .publicReply } }

    /// The member messages not yet answered by a public reply, oldest first.
    public var unansweredMemberMessages: [TicketMessage] {
        var pending: [TicketMessage] = []
        for message in messages {
            switch message.kind {
            case .memberMessage: pending.append(message)
            case .publicReply: pending.removeAll()
            case .internalNote, .automatic: break
            }
        }
        return pending
    }

    init(id: TicketID, creation: TicketCreation, at: Date) {
        self.id = id
        self.requester = creation.requester
        self.subject = creation.subject
        self.channel = creation.channel
        self.reason = creation.reason
        self.priority = creation.priority
        self.locale = creation.locale
        self.status = .new
        self.assignee = nil
        self.tags = []
        self.messages = [creation.firstMessage]
        self.createdAt = at
        self.updatedAt = at
        self.solvedAt = nil
        self.closedAt = nil
        self.mergedInto = nil
        self.followUpOf = creation.followUpOf
        self.number = creation.number
        self.version = 1
        self.sla = SLARecord()
        self.explanations = RoutingExplanations()
    }
}
