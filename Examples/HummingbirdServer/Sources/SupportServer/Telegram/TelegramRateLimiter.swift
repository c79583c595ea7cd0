import Foundation

/// Keeps the bot within Telegram's limits: about 30 messages a second in all, and one a second to any
/// one chat.
///
/// It never waits: ``reserve(chat:messages:at:)`` either takes the slots or says how long until they
/// are free, and the channel hands that wait to the desk as a ``TelegramRetryAfter`` that does not count
/// as a failure. So a member's second message in a second waits in the outbox, and the email or web
/// form messages of the same delivery pass go out meanwhile.
///
/// The limiter is the process's own: two servers on one database each keep their own count (the Bot
/// API's 429 with `retry_after` covers what they send together).
public final class TelegramRateLimiter: @unchecked Sendable {
    private struct State {
        /// When each chat may next get a message.
        var nextFree: [TelegramChatID: Date] = [:]
        /// When the messages of the last second went out, oldest first.
        var recent: [Date] = []
    }

    // Guarded by `lock`.
    private var state = State()
    private let lock = NSLock()
    /// Messages a second in all.
    public let messagesPerSecond: Int
    /// Seconds between two messages to one chat.
    public let secondsPerChatMessage: TimeInterval

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - messagesPerSecond: Messages a second in all.
    ///   - secondsPerChatMessage: Seconds between two messages to one chat.
    public init(messagesPerSecond: Int = 30, secondsPerChatMessage: TimeInterval = 1) {
        self.messagesPerSecond = max(messagesPerSecond, 1)
        self.secondsPerChatMessage = max(secondsPerChatMessage, 0)
    }

    /// Takes the slots for `messages` messages to `chat` at `now`, or says how long to wait.
    ///
    /// The parts of one long text go out together: they take one slot each in the second's count and
    /// push the chat's next slot on by one interval each.
    ///
    /// - Parameters:
    ///   - chat: The chat.
    ///   - messages: How many messages (the parts of one text, and its files).
    ///   - now: The current instant.
    /// - Returns: `nil` when the messages may go now (the slots are taken), else the seconds to wait.
    public func reserve(chat: TelegramChatID, messages: Int, at now: Date) -> TimeInterval? {
        lock.withLock { () -> TimeInterval? in
            let count = max(messages, 1)
            state.recent.removeAll { now.timeIntervalSince($0) >= 1 }
            if let next = state.nextFree[chat], next > now { return next.timeIntervalSince(now) }
            // A burst larger than a second's allowance goes out alone, once the second is clear.
            let allowed = max(messagesPerSecond - count, 0)
            if state.recent.count > allowed, let oldest = state.recent.dropLast(allowed).last {
                return max(oldest.addingTimeInterval(1).timeIntervalSince(now), 0.001)
            }
            state.recent += Array(repeating: now, count: count)
            state.nextFree[chat] = now.addingTimeInterval(secondsPerChatMessage * Double(count))
            // Chats whose slot has passed are forgotten, so the table holds only the last seconds' chats.
            if state.nextFree.count > 4 * messagesPerSecond {
                state.nextFree = state.nextFree.filter { $0.value > now }
            }
            return nil
        }
    }
}
