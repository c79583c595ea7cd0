import Foundation

/// A ticket: the snapshot that results from folding its events.
///
/// A ticket is never edited directly. ``TicketRules`` turns a command into events, and
/// ``applying(_:)`` folds each event into the snapshot; ``replay(_:)`` rebuilds the snapshot from the
/// whole history and gives exactly the same value.
public struct Ticket: Sendable, Identifiable {
    // The stored properties are ordered by size rather than by meaning, so that the small fields fill
    // the padding after larger ones and the snapshot has no holes; the documentation lists them by
    // meaning. The fields most tickets never set (the merge and follow-up links, tags, the solved and
    // closed instants) live out of line in `rare` (see `Ticket+RareFields.swift`), `nil` while all of
    // them are empty, so that a copy of a ticket moves and retains only what most tickets use.
    /// The ticket's id.
    public let id: TicketID
    /// The member who asked.
    public let requester: MemberID
    /// A short subject line.
    public internal(set) var subject: String {
        get { subjectPiece.isPiece ? subjectPiece.text(of: messages.first?.body) : subjectText }
        set {
            subjectText = newValue
            subjectPiece = .notAPiece
        }
    }
    /// The subject's text; empty while the subject is a piece of the first message's body.
    var subjectText: String
    /// The channel the first message arrived on.
    public internal(set) var channel: ChannelKind
    /// Why the member wrote.
    public internal(set) var reason: ContactReason
    /// The agent working on it, if any.
    public internal(set) var assignee: AgentID?
    /// The conversation, in order, internal notes included.
    public internal(set) var messages: [TicketMessage]
    /// The latest routing explanation per aspect: why the ticket has its reason, priority, assignee.
    public internal(set) var explanations: RoutingExplanations
    /// When the ticket was created.
    public let createdAt: Date
    /// When the last event happened.
    public internal(set) var updatedAt: Date
    /// The number of events folded into this snapshot: the version a writer must expect.
    public internal(set) var version: Int
    /// The fields most tickets leave empty, out of line; `nil` while all of them are empty.
    var rare: RareFieldsBox?
    /// The member's language, when known.
    public internal(set) var locale: LocaleTag?
    /// Where the subject lies in the first message's body, when it is a piece of it (``SubjectPiece``);
    /// 32 bits in the padding after `locale`. While it is a piece, the first message must not change:
    /// whatever replaces it sets `subject` first, as redaction does.
    var subjectPiece: SubjectPiece
    /// The ticket's short number (`TicketNumber`), what people read and say: `#1042`. It comes with
    /// the creation event, so replay gives it back; `nil` for a ticket stored before numbers existed.
    public let number: TicketNumber?
    /// How urgent it is.
    public internal(set) var priority: Priority
    /// Where the ticket is in its life.
    public internal(set) var status: TicketStatus
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
        if let piece = SubjectPiece.find(creation.subject, in: creation.firstMessage.body) {
            self.subjectText = ""
            self.subjectPiece = piece
        } else {
            self.subjectText = creation.subject
            self.subjectPiece = .notAPiece
        }
        self.channel = creation.channel
        self.reason = creation.reason
        self.priority = creation.priority
        self.locale = creation.locale
        self.status = .new
        self.assignee = nil
        self.messages = [creation.firstMessage]
        self.createdAt = at
        self.updatedAt = at
        self.number = creation.number
        self.version = 1
        self.sla = SLARecord()
        self.explanations = RoutingExplanations()
        self.rare = RareFields(followUpOf: creation.followUpOf).boxed
    }
}
