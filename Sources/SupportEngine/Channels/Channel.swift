/// A way to send messages to members: email, a messenger, the platform's inbox.
///
/// A channel sends one message and returns a receipt, or throws. It never retries by itself: the
/// desk's outbox does that, so every attempt is recorded. Inbound messages are pushed to the desk by
/// the host with ``SupportDesk/receive(_:)``.
///
/// Delivery is **at least once**. A message can reach ``send(_:)`` again after a send that went out
/// but was never recorded: the desk stopped, its store failed, or the send took longer than
/// ``DeskConfiguration/deliveryClaimDuration`` and another desk sent it meanwhile. Every repeat
/// carries the same ``OutboundMessage/idempotencyKey``; pass it to the provider where it takes one — as
/// an email's `Message-ID`, a messenger's client message id, an HTTP `Idempotency-Key` header — so that
/// the member gets the message once.
public protocol Channel: Sendable {
    /// The kind of channel this is; the desk sends a message on the channel of its kind.
    var kind: ChannelKind { get }

    /// Sends one message.
    ///
    /// The same message may come again (delivery is at least once); hand
    /// ``OutboundMessage/idempotencyKey`` to the provider so that it drops the repeat.
    ///
    /// - Parameter message: The message to send.
    /// - Returns: The channel's receipt.
    /// - Throws: Any error when the message was not accepted; the desk retries later.
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt

    /// Whether the channel can take messages now.
    ///
    /// A live chat with nobody on is unavailable: the desk then falls back to the member's next
    /// channel at once instead of retrying, and never promises an instant answer there. The default is
    /// `true`.
    var isAvailable: Bool { get async }

    /// Whether the channel can reach this member now: a messenger only reaches a member who linked a chat
    /// and has not blocked the bot.
    ///
    /// The desk skips a channel that cannot reach the member, as it skips an unavailable one (the next
    /// channel is tried at once), and names the first channel that can as
    /// ``MemberTicketView/replyChannel``. Answer from what the channel knows without a provider call;
    /// when unsure, answer `true` and let ``send(_:)`` decide. The default is `true`.
    ///
    /// - Parameter member: The member.
    /// - Returns: `false` when a send to the member is sure to fail.
    func canReach(_ member: MemberID) async -> Bool
}

extension Channel {
    /// Always available.
    public var isAvailable: Bool { true }

    /// Reaches everyone.
    ///
    /// - Parameter member: The member.
    /// - Returns: `true`.
    public func canReach(_ member: MemberID) async -> Bool { true }
}
