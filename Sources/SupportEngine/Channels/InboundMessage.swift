import Foundation

/// A message from a member, normalized from whatever channel it came on.
///
/// The host turns an email, a form post or a chat message into one of these and hands it to
/// ``SupportDesk/receive(_:)``. The desk validates it: see ``SupportDesk/receive(_:)`` for the checks.
public struct InboundMessage: Sendable, Hashable, Codable {
    /// The channel it came on.
    public var channel: ChannelKind
    /// The channel's own id for the message; a repeated delivery carries the same id.
    public var externalID: String
    /// The member who wrote it.
    public var sender: MemberID
    /// A reference to an earlier conversation (an email's `In-Reply-To`, a chat conversation id, a
    /// portal ticket key), if any.
    public var threadReference: String?
    /// The subject, if the channel has one.
    public var subject: String?
    /// The text.
    public var body: String
    /// When the channel received it.
    public var receivedAt: Date
    /// The contact reason when the channel states it (a web form's field).
    public var reason: ContactReason?
    /// The member's language, when known.
    public var locale: LocaleTag?
    /// Whether the desk may answer the message automatically (an acknowledgement, a notice, an
    /// out-of-scope redirect); `true` unless the channel knows better. ``EmailIntake`` sets it to `false`
    /// for an out-of-office reply, list or bulk mail, a system sender, and a sender past the daily cap
    /// of automatic replies, so that two machines never answer each other. The message is still
    /// received, and a ticket opened or appended to, as usual.
    public var allowsAutomaticReplies: Bool = true
    /// The files sent with it, in order. The desk keeps those ``DeskConfiguration/attachmentLimits``
    /// allow (their bytes in its ``AttachmentStore``, a `TicketAttachment` on the message) and records
    /// the others on the ticket with the reason; the message is received either way.
    public var attachments: [AttachmentUpload] = []

    /// Creates an inbound message.
    ///
    /// - Parameters:
    ///   - channel: The channel it came on.
    ///   - externalID: The channel's own id for the message.
    ///   - sender: The member who wrote it.
    ///   - threadReference: A reference to an earlier conversation, if any.
    ///   - subject: The subject, if the channel has one.
    ///   - body: The text.
    ///   - receivedAt: When the channel received it.
    ///   - reason: The contact reason when the channel states it.
    ///   - locale: The member's language, when known.
    ///   - attachments: The files sent with it.
    public init(
        channel: ChannelKind,
        externalID: String,
        sender: MemberID,
        threadReference: String? = nil,
        subject: String? = nil,
        body: String,
        receivedAt: Date,
        reason: ContactReason? = nil,
        locale: LocaleTag? = nil,
        attachments: [AttachmentUpload] = []
    ) {
        self.channel = channel
        self.externalID = externalID
        self.sender = sender
        self.threadReference = threadReference
        self.subject = subject
        self.body = body
        self.receivedAt = receivedAt
        self.reason = reason
        self.locale = locale
        self.attachments = attachments
    }

    /// Creates an inbound message whose body arrived as bytes, checking that they are UTF-8.
    ///
    /// - Parameters:
    ///   - channel: The channel it came on.
    ///   - externalID: The channel's own id for the message.
    ///   - sender: The member who wrote it.
    ///   - threadReference: A reference to an earlier conversation, if any.
    ///   - subject: The subject, if the channel has one.
    ///   - bodyBytes: The text's bytes.
    ///   - receivedAt: When the channel received it.
    ///   - reason: The contact reason when the channel states it.
    ///   - locale: The member's language, when known.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` when the bytes are not valid UTF-8.
    public init(
        channel: ChannelKind,
        externalID: String,
        sender: MemberID,
        threadReference: String? = nil,
        subject: String? = nil,
        bodyBytes: some Collection<UInt8>,
        receivedAt: Date,
        reason: ContactReason? = nil,
        locale: LocaleTag? = nil
    ) throws {
        guard let body = String(validating: bodyBytes, as: UTF8.self) else {
            throw DeskError(
                .invalidInput,
                "the body of message \(externalID) from \(channel) is not valid UTF-8; re-encode it as UTF-8"
            )
        }
        self.init(
            channel: channel,
            externalID: externalID,
            sender: sender,
            threadReference: threadReference,
            subject: subject,
            body: body,
            receivedAt: receivedAt,
            reason: reason,
            locale: locale
        )
    }

    private enum CodingKeys: String, CodingKey {
        case channel, externalID, sender, threadReference, subject, body, receivedAt, reason, locale
        case allowsAutomaticReplies, attachments
    }

    /// Decodes a message; `allowsAutomaticReplies` may be missing and is then `true`, `attachments` may
    /// be missing and is then empty.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a missing or mistyped field.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channel = try container.decode(ChannelKind.self, forKey: .channel)
        externalID = try container.decode(String.self, forKey: .externalID)
        sender = try container.decode(MemberID.self, forKey: .sender)
        threadReference = try container.decodeIfPresent(String.self, forKey: .threadReference)
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        body = try container.decode(String.self, forKey: .body)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        reason = try container.decodeIfPresent(ContactReason.self, forKey: .reason)
        locale = try container.decodeIfPresent(LocaleTag.self, forKey: .locale)
        allowsAutomaticReplies = try container.decodeIfPresent(Bool.self, forKey: .allowsAutomaticReplies) ?? true
        attachments = try container.decodeIfPresent([AttachmentUpload].self, forKey: .attachments) ?? []
    }

    /// The key that identifies a repeated delivery of this message.
    public var key: ExternalMessageKey { ExternalMessageKey(channel: channel, externalID: externalID) }
}
