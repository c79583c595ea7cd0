import Foundation

/// A message the desk sends to a member: a reply, an acknowledgement, a notice.
///
/// Outbound messages are committed to the outbox with the ticket change that caused them, and
/// delivered after the commit; see ``SupportDesk/deliverPendingMessages()``.
public struct OutboundMessage: Sendable, Hashable, Codable, Identifiable {
    /// Where a message is in its delivery.
    public enum State: String, Sendable, Hashable, Codable {
        /// Waiting to be sent, or to be retried.
        case pending
        /// A channel accepted it.
        case delivered
        /// Every attempt failed; a person must look at it.
        case deadLettered = "dead_lettered"
    }

    /// The message's id.
    public let id: OutboundID
    /// The ticket it belongs to.
    public let ticketID: TicketID
    /// The message in the ticket that this delivers, if it is one.
    public let messageID: MessageID?
    /// The member it goes to.
    public let recipient: MemberID
    /// The channel to send it on.
    public var channel: ChannelKind
    /// A subject line.
    public let subject: String
    /// The text.
    public let body: String
    /// When it was put in the outbox.
    public let createdAt: Date
    /// How many delivery attempts have been made.
    public var attempts: Int
    /// Where it is in its delivery.
    public var state: State
    /// When the next attempt is due, while pending.
    public var nextAttemptAt: Date
    /// The channel's receipt, once delivered.
    public var receipt: DeliveryReceipt?
    /// The last failure, if any.
    public var lastError: String?

    /// Creates a pending outbound message.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - ticketID: The ticket it belongs to.
    ///   - messageID: The ticket message it delivers, if any.
    ///   - recipient: The member it goes to.
    ///   - channel: The channel to send it on.
    ///   - subject: A subject line.
    ///   - body: The text.
    ///   - createdAt: When it was put in the outbox; also its first attempt time.
    public init(
        id: OutboundID,
        ticketID: TicketID,
        messageID: MessageID?,
        recipient: MemberID,
        channel: ChannelKind,
        subject: String,
        body: String,
        createdAt: Date
    ) {
        self.id = id
        self.ticketID = ticketID
        self.messageID = messageID
        self.recipient = recipient
        self.channel = channel
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.attempts = 0
        self.state = .pending
        self.nextAttemptAt = createdAt
        self.receipt = nil
        self.lastError = nil
    }
}

/// A channel's proof that it accepted a message.
public struct DeliveryReceipt: Sendable, Hashable, Codable {
    /// The channel's own id for the sent message.
    public var externalID: String
    /// When the channel accepted it.
    public var at: Date

    /// Creates a receipt.
    ///
    /// - Parameters:
    ///   - externalID: The channel's own id for the sent message.
    ///   - at: When the channel accepted it.
    public init(externalID: String, at: Date) {
        self.externalID = externalID
        self.at = at
    }
}
