/// An answer of the Bot API with `"ok": false`: its HTTP status, its description and, for a 429, how
/// long it asks to wait.
///
/// ``TelegramChannel`` maps it onto the outbox: 429 waits `retry_after` (``TelegramRetryAfter``), 403
/// ("bot was blocked by the user") makes the channel undeliverable for the member
/// (``TelegramUndeliverable``), a 400 for bad markup is sent again as plain text, 5xx is retried.
public struct TelegramAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status (the Bot API's `error_code`).
    public let status: Int
    /// The Bot API's `description`, such as `Forbidden: bot was blocked by the user`.
    public let message: String
    /// The seconds a 429 asks to wait (`parameters.retry_after`).
    public let retryAfter: Int?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - message: The Bot API's description.
    ///   - retryAfter: The seconds a 429 asks to wait.
    public init(status: Int, message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// Whether the Bot API could not parse the message's markup.
    public var isBadMarkup: Bool { status == 400 && message.lowercased().contains("can't parse entities") }

    /// Whether the chat cannot get messages from the bot: blocked, deactivated, or gone.
    public var isUndeliverable: Bool {
        status == 403 || (status == 400 && message.lowercased().contains("chat not found"))
    }

    /// `Telegram answered <status>: <description>`.
    public var description: String { "Telegram answered \(status): \(message)" }
}
