import SupportEngine

/// A channel that counts what the channel it wraps accepts and fails, into ``ServerMetrics``.
public struct CountingChannel: SupportEngine.Channel {
    let wrapped: any SupportEngine.Channel
    let metrics: ServerMetrics

    /// Wraps a channel.
    ///
    /// - Parameters:
    ///   - wrapped: The channel that sends.
    ///   - metrics: Where the counts go.
    public init(_ wrapped: any SupportEngine.Channel, metrics: ServerMetrics) {
        self.wrapped = wrapped
        self.metrics = metrics
    }

    /// The wrapped channel's kind.
    public var kind: ChannelKind { wrapped.kind }

    /// Whether the wrapped channel is available.
    public var isAvailable: Bool {
        get async { await wrapped.isAvailable }
    }

    /// Sends through the wrapped channel and counts the outcome.
    ///
    /// - Parameter message: The message.
    /// - Returns: The wrapped channel's receipt.
    /// - Throws: What the wrapped channel throws.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        do {
            let receipt = try await wrapped.send(message)
            metrics.countDelivered(on: kind)
            return receipt
        } catch {
            metrics.countFailed(on: kind)
            throw error
        }
    }
}
