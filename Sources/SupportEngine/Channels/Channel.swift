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
}
