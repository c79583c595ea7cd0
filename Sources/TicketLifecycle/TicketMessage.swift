import Foundation

/// One message in a ticket's conversation.
///
/// Member messages, public replies and automatic messages are seen by the member; internal notes
/// never are (see ``isVisibleToMember``).
public struct TicketMessage: Sendable, Hashable, Codable, Identifiable {
    /// What a message is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Written by the member.
        case memberMessage = "member_message"
        /// A public reply from the support side: the member sees it.
        case publicReply = "public_reply"
        /// A note for the support side only: the member never sees it.
        case internalNote = "internal_note"
        /// Sent by the engine (an acknowledgement, a notice): the member sees it, but it is not a reply.
        case automatic
    }

    // The one-byte kind follows the author, in its padding, and the template and attachments, which most
    // messages lack, share one reference: a message takes 104 bytes, so a ticket's array of one message
    // fits a 144-byte malloc chunk (120 bytes took a 160-byte one).
    /// The message's id.
    public let id: MessageID
    /// Who wrote it.
    public let author: SupportActor
    /// What the message is.
    public let kind: Kind
    /// The text.
    public let body: String
    /// When it was written or received.
    public let at: Date
    /// The channel it arrived on or is meant for, when there is one.
    public let channel: ChannelKind?
    /// The channel's own id for the message (an email's Message-ID), when it came from outside.
    public let externalID: String?
    /// The template key and the attachments, when the message has either; `nil` otherwise.
    private let rareParts: RareParts?

    /// The parts of a message that most messages lack, kept behind one reference.
    private final class RareParts: Sendable {
        let templateKey: String?
        let attachments: [TicketAttachment]

        init(templateKey: String?, attachments: [TicketAttachment]) {
            self.templateKey = templateKey
            self.attachments = attachments
        }
    }

    /// The template an automatic message or a reply was written from (`acknowledgement`,
    /// `after_hours`), if any.
    public var templateKey: String? { rareParts?.templateKey }

    /// The files attached to it, in the order sent; an internal note's are all internal.
    public var attachments: [TicketAttachment] { rareParts?.attachments ?? [] }

    /// Creates a message.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - kind: What the message is.
    ///   - author: Who wrote it.
    ///   - body: The text.
    ///   - at: When it was written or received.
    ///   - channel: The channel, when there is one.
    ///   - externalID: The channel's own id for the message.
    ///   - templateKey: The template the message was written from, if any.
    ///   - attachments: The files attached to it.
    public init(
        id: MessageID,
        kind: Kind,
        author: SupportActor,
        body: String,
        at: Date,
        channel: ChannelKind? = nil,
        externalID: String? = nil,
        templateKey: String? = nil,
        attachments: [TicketAttachment] = []
    ) {
        self.id = id
        self.kind = kind
        self.author = author
        self.body = body
        self.at = at
        self.channel = channel
        self.externalID = externalID
        self.rareParts =
            templateKey == nil && attachments.isEmpty
            ? nil : RareParts(templateKey: templateKey, attachments: attachments)
    }

    /// Whether two messages are the same: every field alike.
    ///
    /// - Parameters:
    ///   - lhs: A message.
    ///   - rhs: Another message.
    /// - Returns: `true` when the two have the same id, author, kind, body, instant, channel, external id,
    ///   template key and attachments.
    public static func == (lhs: TicketMessage, rhs: TicketMessage) -> Bool {
        guard
            lhs.id == rhs.id && lhs.author == rhs.author && lhs.kind == rhs.kind && lhs.body == rhs.body
                && lhs.at == rhs.at && lhs.channel == rhs.channel && lhs.externalID == rhs.externalID
        else { return false }
        if lhs.rareParts === rhs.rareParts { return true }
        return lhs.templateKey == rhs.templateKey && lhs.attachments == rhs.attachments
    }

    /// Hashes every field that equality compares.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(author)
        hasher.combine(kind)
        hasher.combine(body)
        hasher.combine(at)
        hasher.combine(channel)
        hasher.combine(externalID)
        hasher.combine(templateKey)
        hasher.combine(attachments)
    }

    /// Whether the member may see this message: everything but internal notes.
    public var isVisibleToMember: Bool { kind != .internalNote }

    /// The attachments the member may see: none of an internal note, and only the public ones otherwise.
    public var memberVisibleAttachments: [TicketAttachment] {
        isVisibleToMember ? attachments.filter(\.isVisibleToMember) : []
    }
}

/// The parts of a message that a command supplies; the lifecycle adds the kind, author and instant.
public struct MessageDraft: Sendable, Hashable, Codable {
    /// The id the new message gets.
    public var id: MessageID
    /// The text.
    public var body: String
    /// The channel, when there is one.
    public var channel: ChannelKind?
    /// The channel's own id for the message.
    public var externalID: String?
    /// The template the message is written from, if any.
    public var templateKey: String?
    /// The files attached to it; those of an internal note become internal.
    public var attachments: [TicketAttachment]

    /// Creates a draft.
    ///
    /// - Parameters:
    ///   - id: The id the new message gets.
    ///   - body: The text; it must not be empty or only white space.
    ///   - channel: The channel, when there is one.
    ///   - externalID: The channel's own id for the message.
    ///   - templateKey: The template the message is written from, if any.
    ///   - attachments: The files attached to it.
    public init(
        id: MessageID,
        body: String,
        channel: ChannelKind? = nil,
        externalID: String? = nil,
        templateKey: String? = nil,
        attachments: [TicketAttachment] = []
    ) {
        self.id = id
        self.body = body
        self.channel = channel
        self.externalID = externalID
        self.templateKey = templateKey
        self.attachments = attachments
    }
}
