import Foundation

/// An error a channel throws when it must wait before sending this message: the provider's rate limit
/// (a messenger's HTTP 429 with `retry_after`), or the channel's own pacing (one message a second to a
/// chat).
///
/// The desk records the attempt and tries the same channel again ``retryAfter`` seconds later, instead of
/// after the usual back-off (``DeskConfiguration/deliveryRetryDelay``, doubling), so a wait the provider
/// asked for is honoured to the second and other messages in the same pass go out meanwhile. An error
/// that ``countsAsFailure`` (the default: the provider refused the attempt) counts towards
/// ``DeskConfiguration/maximumDeliveryAttempts`` on the channel like any failure; one that does not (the
/// channel held the message back before asking the provider) never makes the message fall back.
///
/// ```swift
/// struct TooManyRequests: RetryAfterError {
///     var retryAfter: TimeInterval
///     var description: String { "the provider asked to wait \(Int(retryAfter)) seconds" }
/// }
/// ```
public protocol RetryAfterError: Error, CustomStringConvertible {
    /// How many seconds to wait before the next attempt on this channel; a negative value is taken as 0.
    var retryAfter: TimeInterval { get }
    /// Whether the attempt counts as a failure on the channel (towards
    /// ``DeskConfiguration/maximumDeliveryAttempts``); `true` unless the channel says otherwise.
    var countsAsFailure: Bool { get }
}

extension RetryAfterError {
    /// The provider refused the attempt: it counts.
    public var countsAsFailure: Bool { true }
}
