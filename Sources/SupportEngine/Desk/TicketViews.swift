import Foundation

/// A ticket as its member sees it: no internal notes, no agent-only fields.
public struct MemberTicketView: Sendable, Hashable, Codable {
    /// One message as the member sees it.
    public struct Message: Sendable, Hashable, Codable {
        /// Who wrote it, from the member's side.
        public enum Author: String, Sendable, Hashable, Codable {
            /// The member.
            case you
            /// Someone on the support side.
            case support
            /// The desk itself (an acknowledgement, a notice).
            case automatic
        }

        /// Who wrote it.
        public var author: Author
        /// The support person's display name, for replies.
        public var authorName: String?
        /// The text.
        public var body: String
        /// When it was written.
        public var at: Date
        /// The files the member may see on it: never an internal one.
        public var attachments: [TicketAttachment] = []
    }

    /// The ticket's id, for links and API calls; show people ``reference`` instead.
    public var id: TicketID
    /// The ticket's short number, `nil` for a ticket stored before numbers existed.
    public var number: TicketNumber?
    /// The number as the member sees it, with the desk's prefix (`#1042`); `nil` without a number.
    public var reference: String?
    /// The subject.
    public var subject: String
    /// The status as the member sees it (on-hold shows as open).
    public var status: TicketStatus
    /// The display name of the person working on it, if anyone is.
    public var assigneeName: String?
    /// The conversation without internal notes.
    public var messages: [Message]
    /// When the ticket was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// The closed ticket this follows up, if any.
    public var followUpOf: TicketID?
    /// When the member can expect the next answer (the running first-reply or next-reply target), if
    /// a promise applies.
    public var expectedReply: Date?
    /// Where the support line's published rules are (hours, promises, what each channel is for).
    public var rulesLink: String?
    /// The channel the next answer goes out on: the first of the ticket's delivery route (its own
    /// channel, the member's preferred channels, email) that is available and can reach the member
    /// (``Channel/canReach(_:)``); `nil` when none can.
    public var replyChannel: ChannelKind?
}

/// A ticket as the support side sees it: the snapshot, the whole history and its timers.
public struct AgentTicketView: Sendable, Hashable {
    /// The snapshot, internal notes included.
    public var ticket: Ticket
    /// The ticket's number as people see it, with the desk's prefix (`#1042`); `nil` for a ticket stored
    /// before numbers existed.
    public var reference: String?
    /// Every event, in order.
    public var events: [TicketEvent]
    /// When the desk next looks at the ticket.
    public var dueAt: Date?
    /// Every outbound message of the ticket with its delivery attempts.
    public var deliveries: [OutboundMessage] = []

    /// Every file on the ticket, internal ones included, in the order of the conversation.
    public var attachments: [TicketAttachment] { ticket.messages.flatMap(\.attachments) }
}

/// What ``SupportDesk/receive(_:)`` did with a message.
public struct ReceiveOutcome: Sendable, Hashable {
    /// What happened.
    public enum Disposition: Sendable, Hashable {
        /// A new ticket was created.
        case created
        /// The message was added to an existing ticket.
        case appended
        /// The message had been received before; nothing changed.
        case duplicate
        /// The message was about a closed ticket; a new ticket follows it up.
        case followUp(of: TicketID)
    }

    /// What happened.
    public var disposition: Disposition
    /// The ticket the message is in, as it is now.
    public var ticket: Ticket
    /// The files of the message the desk did not keep, each with the reason; also recorded on the
    /// ticket as an internal note. Empty for a repeated delivery.
    public var refusedAttachments: [AttachmentRefusal] = []
}

extension MemberTicketView.Message {
    private enum CodingKeys: String, CodingKey {
        case author, authorName, body, at, attachments
    }

    /// Decodes a message; `attachments` may be missing and is then empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            author: try container.decode(Author.self, forKey: .author),
            authorName: try container.decodeIfPresent(String.self, forKey: .authorName),
            body: try container.decode(String.self, forKey: .body),
            at: try container.decode(Date.self, forKey: .at),
            attachments: try container.decodeIfPresent([TicketAttachment].self, forKey: .attachments) ?? []
        )
    }
}
