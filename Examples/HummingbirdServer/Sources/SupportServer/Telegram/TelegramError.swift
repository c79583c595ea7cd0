import Foundation
import SupportEngine

/// Why the Telegram channel could not do something: a setting, an id, an update or an answer of the Bot
/// API, with a code and a sentence a person can act on.
public struct TelegramError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Hashable {
        /// A `TELEGRAM_*` variable is missing or malformed.
        case invalidSetting = "invalid_setting"
        /// A chat id that is not a private chat's.
        case invalidChatID = "invalid_chat_id"
        /// A webhook body that is not an update.
        case invalidUpdate = "invalid_update"
        /// A link token that is unknown, used or expired.
        case invalidLinkToken = "invalid_link_token"
        /// The Bot API could not be reached, timed out, or answered 5xx: trying again can help.
        case unreachable
        /// The Bot API refused the request (a 4xx other than 403 and 429).
        case refused
        /// A file over the size the bot may download or upload.
        case fileTooLarge = "file_too_large"
    }

    /// What went wrong.
    public let code: Code
    /// A sentence a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - message: A sentence a person can act on.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code.rawValue): \(message)" }
}

/// The member cannot get messages from the bot: they blocked it (the Bot API's 403), never linked a
/// chat, or unlinked it. The desk falls back to the member's next channel at once.
public struct TelegramUndeliverable: UndeliverableError {
    /// Why.
    public let reason: String

    /// Creates the error.
    ///
    /// - Parameter reason: Why.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}

/// The Bot API or the channel's pacing asks to wait: a 429 with `retry_after` (counted as a failed
/// attempt), or the one-message-a-second-per-chat and thirty-a-second limits (not counted).
public struct TelegramRetryAfter: RetryAfterError {
    /// Seconds to wait.
    public let retryAfter: TimeInterval
    /// Whether the Bot API refused the attempt (`true`) or the channel held it back (`false`).
    public let countsAsFailure: Bool

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - retryAfter: Seconds to wait.
    ///   - countsAsFailure: Whether the Bot API refused the attempt.
    public init(retryAfter: TimeInterval, countsAsFailure: Bool) {
        self.retryAfter = retryAfter
        self.countsAsFailure = countsAsFailure
    }

    /// What happened.
    public var description: String {
        countsAsFailure
            ? "Telegram answered 429 Too Many Requests: retry after \(Int(retryAfter)) s"
            : "held back \(Int(retryAfter.rounded(.up))) s to keep to Telegram's rate limits"
    }
}
