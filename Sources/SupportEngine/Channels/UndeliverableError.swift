/// An error a channel throws when trying again cannot help this recipient: the member has no address on
/// the channel, blocked the bot, or the address is gone for good.
///
/// The desk records the attempt and falls back to the member's next channel at once, instead of
/// retrying on this one (``DeskConfiguration/maximumDeliveryAttempts`` with back-off), so the member
/// hears from the club without a wait that could never end in a delivery. Any other error is taken as
/// passing: the desk retries.
///
/// ```swift
/// struct BlockedByMember: UndeliverableError {
///     var description: String { "the member blocked the bot" }
/// }
/// ```
public protocol UndeliverableError: Error, CustomStringConvertible {}
