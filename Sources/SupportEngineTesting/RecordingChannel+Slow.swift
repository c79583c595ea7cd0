import Foundation
import SupportEngine

extension RecordingChannel {
    /// A channel whose every send takes `duration` on a ``ManualClock``: the send moves the clock on by
    /// `duration`, runs `meanwhile`, and only then completes or fails.
    ///
    /// Slow past a delivery claim without sleeping: with `duration` longer than
    /// `DeskConfiguration.deliveryClaimDuration` the claim has run out when the send returns, and
    /// `meanwhile` can run another desk's delivery pass, which may claim and send the same message.
    ///
    /// ```swift
    /// let slow = RecordingChannel.slow(kind: .email, taking: 301, on: clock) { _ in
    ///     _ = try? await otherDesk.deliverPendingMessages()
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - kind: The kind of channel this stands in for.
    ///   - duration: How far each send moves the clock, in seconds.
    ///   - clock: The clock the desks read.
    ///   - failures: How many sends fail (after their delay) before one succeeds; `Int.max` for always.
    ///   - meanwhile: Run inside every send once the clock has moved; `nil` for nothing.
    /// - Returns: The channel.
    public static func slow(
        kind: ChannelKind,
        taking duration: TimeInterval,
        on clock: ManualClock,
        failures: Int = 0,
        meanwhile: (@Sendable (OutboundMessage) async -> Void)? = nil
    ) -> RecordingChannel {
        RecordingChannel(kind: kind, failures: failures) { message in
            clock.advance(by: duration)
            await meanwhile?(message)
        }
    }

    /// A channel whose every send takes `duration` on a ``MovingClock``: the send moves the clock on by
    /// `duration` (besides the clock's own steps), runs `meanwhile`, and only then completes or fails.
    ///
    /// - Parameters:
    ///   - kind: The kind of channel this stands in for.
    ///   - duration: How far each send moves the clock, in seconds.
    ///   - clock: The clock the desks read.
    ///   - failures: How many sends fail (after their delay) before one succeeds; `Int.max` for always.
    ///   - meanwhile: Run inside every send once the clock has moved; `nil` for nothing.
    /// - Returns: The channel.
    public static func slow(
        kind: ChannelKind,
        taking duration: TimeInterval,
        on clock: MovingClock,
        failures: Int = 0,
        meanwhile: (@Sendable (OutboundMessage) async -> Void)? = nil
    ) -> RecordingChannel {
        RecordingChannel(kind: kind, failures: failures) { message in
            clock.advance(by: duration)
            await meanwhile?(message)
        }
    }
}
