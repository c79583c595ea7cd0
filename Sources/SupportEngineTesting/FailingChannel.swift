import Foundation
import SupportEngine

/// A channel that fails on demand, for testing retries, fallbacks and dead letters.
///
/// It fails its first ``init(kind:failures:)`` sends (or every send with `.max`), then delivers;
/// ``failNext(_:)`` adds more failures at any time. Every attempt is recorded.
public final class FailingChannel: Channel {
    /// The error a failing send throws.
    public struct SendFailure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The attempt that failed, from 1.
        public var attempt: Int
        /// `"simulated failure of attempt N"`.
        public var description: String { "simulated failure of attempt \(attempt)" }
    }

    private struct State {
        var remainingFailures: Int
        var attempts: [OutboundMessage] = []
        var delivered: [OutboundMessage] = []
    }

    /// The kind of channel this stands in for.
    public let kind: ChannelKind
    private let state: LockedBox<State>

    /// Creates a channel that fails its first `failures` sends.
    ///
    /// - Parameters:
    ///   - kind: The kind of channel this stands in for.
    ///   - failures: How many sends fail before one succeeds; `Int.max` for always.
    public init(kind: ChannelKind, failures: Int) {
        self.kind = kind
        self.state = LockedBox(State(remainingFailures: failures))
    }

    /// Makes the next `count` sends fail.
    ///
    /// - Parameter count: How many.
    public func failNext(_ count: Int) {
        state.withLock { $0.remainingFailures = count }
    }

    /// Fails while failures remain, otherwise records the message as delivered.
    ///
    /// - Parameter message: The message to send.
    /// - Returns: A receipt when the send succeeds.
    /// - Throws: ``SendFailure`` while failures remain.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let outcome = state.withLock { state -> Result<Int, SendFailure> in
            state.attempts.append(message)
            if state.remainingFailures > 0 {
                if state.remainingFailures != Int.max { state.remainingFailures -= 1 }
                return .failure(SendFailure(attempt: state.attempts.count))
            }
            state.delivered.append(message)
            return .success(state.delivered.count)
        }
        let count = try outcome.get()
        return DeliveryReceipt(externalID: "\(kind)-\(count)", at: message.nextAttemptAt)
    }

    /// Every send attempted, failed or not.
    public var attempts: [OutboundMessage] { state.withLock { $0.attempts } }

    /// The messages that were delivered.
    public var deliveredMessages: [OutboundMessage] { state.withLock { $0.delivered } }
}
