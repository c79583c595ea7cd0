import Foundation
import SupportEngine

/// A channel that records every send with its idempotency key, and can fail or be slow on demand.
///
/// The desk hands each message to `Channel.send` with `OutboundMessage.idempotencyKey` (the message's
/// id): a message sent twice (at-least-once delivery after a crash, a lost update or a send slower than
/// its claim) carries the same key. ``sends(of:)`` and ``keysSentMoreThanOnce`` tell a test whether a
/// key reached the channel more than once; ``deliveries(of:)`` and ``duplicatedKeys`` count only the
/// sends that succeeded.
///
/// Failures: the first ``init(kind:failures:delay:)`` sends fail, and ``failNext(_:)`` adds more.
/// Slowness: the `delay` hook runs inside every send before it completes — await a gate there
/// (an `AsyncStream`, a `ManualClock` sleep) to hold a send past its claim without sleeping for real,
/// or make it with `slow(kind:taking:on:failures:meanwhile:)` to move a clock instead.
///
/// ```swift
/// let channel = RecordingChannel(kind: .email, failures: 2)
/// // … run the desk …
/// #expect(channel.keysSentMoreThanOnce.isEmpty)   // at most one send per key
/// ```
public final class RecordingChannel: Channel {
    /// One call of ``send(_:)``.
    public struct Send: Sendable, Hashable {
        /// The idempotency key the send carried: `OutboundMessage.idempotencyKey`.
        public var key: String
        /// The message as handed to the channel.
        public var message: OutboundMessage
        /// Whether the send succeeded.
        public var delivered: Bool
    }

    /// The error a failing send throws.
    public struct SendFailure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The idempotency key of the message whose send failed.
        public var key: String
        /// `"simulated failure of <key>"`.
        public var description: String { "simulated failure of \(key)" }
    }

    private struct State {
        var remainingFailures: Int
        var sends: [Send] = []
    }

    /// The kind of channel this stands in for.
    public let kind: ChannelKind
    private let delay: (@Sendable (OutboundMessage) async -> Void)?
    private let state: LockedBox<State>

    /// Creates a channel that fails its first `failures` sends.
    ///
    /// - Parameters:
    ///   - kind: The kind of channel this stands in for.
    ///   - failures: How many sends fail before one succeeds; `Int.max` for always.
    ///   - delay: Awaited inside every send before it completes or fails; `nil` for none.
    public init(
        kind: ChannelKind,
        failures: Int = 0,
        delay: (@Sendable (OutboundMessage) async -> Void)? = nil
    ) {
        self.kind = kind
        self.delay = delay
        self.state = LockedBox(State(remainingFailures: max(0, failures)))
    }

    /// Makes the next `count` sends fail.
    ///
    /// - Parameter count: How many; `Int.max` for every send from now on.
    public func failNext(_ count: Int) {
        state.withLock { $0.remainingFailures = max(0, count) }
    }

    /// Awaits the delay hook, then fails while failures remain or records the delivery.
    ///
    /// - Parameter message: The message to send, with its idempotency key.
    /// - Returns: A receipt whose external id names the key and the send.
    /// - Throws: ``SendFailure`` while failures remain.
    public func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        if let delay { await delay(message) }
        let number = try state.withLock { state -> Int in
            let fails = state.remainingFailures > 0
            if fails, state.remainingFailures != Int.max { state.remainingFailures -= 1 }
            state.sends.append(Send(key: message.idempotencyKey, message: message, delivered: !fails))
            if fails { throw SendFailure(key: message.idempotencyKey) }
            return state.sends.count
        }
        return DeliveryReceipt(externalID: "\(kind)-\(message.id)-\(number)", at: message.nextAttemptAt)
    }

    /// Every send, failed or not, in order.
    public var sends: [Send] { state.withLock { $0.sends } }

    /// The messages delivered, in order.
    public var deliveredMessages: [OutboundMessage] { sends.filter(\.delivered).map(\.message) }

    /// How many times a send carried `key`, failed or not.
    ///
    /// - Parameter key: An idempotency key (`OutboundMessage.idempotencyKey`).
    /// - Returns: The number of calls of ``send(_:)`` with that key.
    public func sends(of key: String) -> Int {
        sends.count { $0.key == key }
    }

    /// How many times the message with idempotency key `key` was delivered.
    ///
    /// - Parameter key: An idempotency key (`OutboundMessage.idempotencyKey`).
    /// - Returns: The number of successful sends with that key.
    public func deliveries(of key: String) -> Int {
        sends.count { $0.delivered && $0.key == key }
    }

    /// The idempotency keys handed to ``send(_:)`` more than once, failed or not, in order of their
    /// first send. Empty means at most one send per key.
    public var keysSentMoreThanOnce: [String] {
        Self.repeatedKeys(in: sends)
    }

    /// The idempotency keys delivered more than once, in order of their first delivery.
    public var duplicatedKeys: [String] {
        Self.repeatedKeys(in: sends.filter(\.delivered))
    }

    private static func repeatedKeys(in sends: [Send]) -> [String] {
        var seen: Set<String> = []
        var repeated: [String] = []
        for send in sends where !seen.insert(send.key).inserted && !repeated.contains(send.key) {
            repeated.append(send.key)
        }
        return repeated
    }
}
