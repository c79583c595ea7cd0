/// A way to send messages to members: email, a messenger, the platform's inbox.
///
/// A channel sends one message and returns a receipt, or throws. It never retries by itself: the
/// desk's outbox does that, so every attempt is recorded. Inbound messages are pushed to the desk by
/// the host with ``SupportDesk/receive(_:)``.
public protocol Channel: Sendable {
    /// The kind of channel this is; the desk sends a message on the channel of its kind.
    var kind: ChannelKind { get }

    /// Sends one message.
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
}

extension Channel {
    /// Always available.
    public var isAvailable: Bool { true }
}
