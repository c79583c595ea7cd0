import Foundation

/// A channel that keeps what it is asked to send, for tests, demos and simulations.
///
/// ```swift
/// let email = InMemoryChannel(kind: .email)
/// let desk = try SupportDesk(store: InMemoryTicketStore(), clock: clock, channels: [email])
/// // …
/// let sent = email.sentMessages
/// ```
public final class InMemoryChannel: Channel {
    /// The kind of channel this stands in for.
    public let kind: ChannelKind
    private let sent = LockedBox([OutboundMessage]())

    /// Creates a recording channel.
    ///
    /// - Parameter kind: The kind of channel this stands in for.
    public init(kind: ChannelKind) {
        self.kind = kind
    }

    /// Records the message and returns a receipt numbered in sending order.
    ///
    /// - Parameter message: The message to send.
    /// - Returns: A receipt `kind-N` stamped with the message's next attempt time.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let count = sent.withLock { sent -> Int in
            sent.append(message)
            return sent.count
        }
        return DeliveryReceipt(externalID: "\(kind)-\(count)", at: message.nextAttemptAt)
    }

    /// Every message sent so far, in order.
    public var sentMessages: [OutboundMessage] { sent.withLock { $0 } }
}
