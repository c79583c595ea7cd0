import Foundation

/// A message the desk sends to a member: a reply, an acknowledgement, a notice.
///
/// Outbound messages are committed to the outbox with the ticket change that caused them, and
/// delivered after the commit; see ``SupportDesk/deliverPendingMessages()``. Delivery is at least
/// once: a message may reach ``Channel/send(_:)`` more than once, always with the same
/// ``idempotencyKey``.
public struct OutboundMessage: Sendable, Hashable, Codable, Identifiable {
    /// Where a message is in its delivery.
    public enum State: String, Sendable, Hashable, Codable {
        /// Waiting to be sent, or to be retried.
        case pending
        /// A channel accepted it.
        case delivered
        /// Every attempt failed; a person must look at it.
        case deadLettered = "dead_lettered"
        /// Not sent, on purpose: a journey message whose member opted out or was removed after it was
        /// written. `lastError` says why.
        case withheld
    }

    /// The message's id.
    public let id: OutboundID
    /// The ticket it belongs to; `nil` for a message about the member's journey with the club (a
    /// welcome, a check-in, an exit survey, a win-back), which belongs to no ticket.
    public let ticketID: TicketID?
    /// The message in the ticket that this delivers, if it is one.
    public let messageID: MessageID?
    /// The member it goes to; for an alert to a person on staff (``staffAddress`` set), `staff/<name>`.
    public let recipient: MemberID
    /// Where an alert to a person on staff goes, or `nil` for a message to a member (every message but
    /// an alert). A channel sends a message that has one to ``StaffAddress/address``, never to a
    /// member's address; see ``AlertRecipient``.
    public let staffAddress: StaffAddress?
    /// The channel to send it on.
    public var channel: ChannelKind
    /// A subject line.
    public let subject: String
    /// The text.
    public let body: String
    /// The files sent with it: only public ones, never an internal note's. A channel that can carry
    /// files reads their bytes from the desk's ``AttachmentStore`` by `TicketAttachment.contentHash`.
    public let attachments: [TicketAttachment]
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
    /// The channels to fall back to, in order, when ``channel`` keeps failing or is unavailable.
    public var fallbackChannels: [ChannelKind]
    /// Failed attempts on the current ``channel``.
    public var attemptsOnChannel: Int
    /// Every delivery attempt, in order: the message's audit trail.
    public var history: [DeliveryAttempt]
    /// The delivery pass holding the message, as the store last recorded it: set by
    /// ``TicketStore/claimOutbound(_:at:until:)`` (or by the commit that wrote the message, on a store
    /// whose ``TicketStore/storesClaimsOnCommit`` is `true`), ended by ``TicketStore/updateOutbound(_:)``.
    ///
    /// Hand a claimed message back to `updateOutbound` with its claim unchanged: the store records the
    /// update only while this is still the message's claim. A claim that ran out stays here until the
    /// next claim or update. `nil` for a message nobody has claimed since its last update.
    public var claim: DeliveryClaim?

    /// The key a channel passes to its provider so that a repeated send of this message is dropped
    /// there: the message's ``id``.
    ///
    /// Stable across attempts, desks, retries and fallback channels, and unique in the outbox, because
    /// the id is. Delivery is at least once — a desk that stops between a send and its record, or whose
    /// claim ran out during a slow send, leads to a second send — and every such repeat carries the same
    /// key. An email channel can make it the `Message-ID`; an HTTP provider its idempotency header.
    public var idempotencyKey: String { id.rawValue }

    /// Creates a pending outbound message.
    ///
    /// - Parameters:
    ///   - id: The message's id.
    ///   - ticketID: The ticket it belongs to, or `nil` for a journey message.
    ///   - messageID: The ticket message it delivers, if any.
    ///   - recipient: The member it goes to.
    ///   - channel: The channel to send it on.
    ///   - subject: A subject line.
    ///   - body: The text.
    ///   - createdAt: When it was put in the outbox; also its first attempt time.
    ///   - fallbackChannels: The channels to fall back to, in order.
    ///   - attachments: The files sent with it; internal ones are left out.
    ///   - staffAddress: Where an alert to a person on staff goes; `nil` for a message to a member.
    public init(
        id: OutboundID,
        ticketID: TicketID?,
        messageID: MessageID?,
        recipient: MemberID,
        channel: ChannelKind,
        subject: String,
        body: String,
        createdAt: Date,
        fallbackChannels: [ChannelKind] = [],
        attachments: [TicketAttachment] = [],
        staffAddress: StaffAddress? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.messageID = messageID
        self.recipient = recipient
        self.staffAddress = staffAddress
        self.channel = channel
        self.subject = subject
        self.body = body
        self.attachments = attachments.filter(\.isVisibleToMember)
        self.createdAt = createdAt
        self.attempts = 0
        self.state = .pending
        self.nextAttemptAt = createdAt
        self.receipt = nil
        self.lastError = nil
        self.fallbackChannels = fallbackChannels.filter { $0 != channel }
        self.attemptsOnChannel = 0
        self.history = []
        self.claim = nil
    }
}

/// One attempt to deliver an ``OutboundMessage``.
public struct DeliveryAttempt: Sendable, Hashable, Codable {
    /// How an attempt ended.
    public enum Outcome: Sendable, Hashable, Codable {
        /// The channel accepted the message; its id for it.
        case delivered(externalID: String)
        /// The channel refused or failed; why.
        case failed(reason: String)
        /// The channel was unavailable (live chat with nobody on, no such channel): not tried.
        case unavailable(reason: String)
    }

    /// The attempt's number for this message, from 1.
    public var number: Int
    /// The channel tried.
    public var channel: ChannelKind
    /// When.
    public var at: Date
    /// How it ended.
    public var outcome: Outcome

    /// Creates an attempt record.
    ///
    /// - Parameters:
    ///   - number: The attempt's number, from 1.
    ///   - channel: The channel tried.
    ///   - at: When.
    ///   - outcome: How it ended.
    public init(number: Int, channel: ChannelKind, at: Date, outcome: Outcome) {
        self.number = number
        self.channel = channel
        self.at = at
        self.outcome = outcome
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
