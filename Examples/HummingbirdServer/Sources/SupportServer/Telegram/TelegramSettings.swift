import Foundation

/// How the server talks to Telegram: the bot's token, the webhook's secret, where the Bot API is, and
/// the limits it keeps. Read from `TELEGRAM_*` variables (``fromEnvironment(_:)``); without
/// `TELEGRAM_BOT_TOKEN` the server has no Telegram channel.
public struct TelegramSettings: Sendable, Hashable {
    /// The bot's token from @BotFather (`TELEGRAM_BOT_TOKEN`); it is part of every Bot API URL.
    public var botToken: String
    /// The secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` with every update
    /// (`TELEGRAM_WEBHOOK_SECRET`, given to `setWebhook` as `secret_token`): 1 to 256 of `A-Z a-z 0-9 _ -`.
    public var webhookSecret: String
    /// The bot's user name without `@` (`TELEGRAM_BOT_USERNAME`), for the deep links
    /// `https://t.me/<name>?start=<token>`.
    public var botUsername: String
    /// The Bot API's base URL (`TELEGRAM_API_URL`); `https://api.telegram.org` unless tests point it at a
    /// fake.
    public var apiBaseURL: URL
    /// The largest file the bot downloads from a member or sends as a document, in bytes
    /// (`TELEGRAM_MAX_FILE_BYTES`); 20 MB, the Bot API's own download limit, by default.
    public var maximumFileBytes: Int
    /// How long a one-time link token works, in seconds (`TELEGRAM_LINK_TTL`); one day by default.
    public var linkTokenLifetime: TimeInterval
    /// Messages a second the bot sends in all (about 30 is Telegram's limit).
    public var messagesPerSecond: Int
    /// Seconds between two messages to one chat (Telegram asks for about one a second).
    public var secondsPerChatMessage: TimeInterval
    /// How long one Bot API request may take before it counts as failed.
    public var requestTimeout: Duration

    /// Creates settings, checking them.
    ///
    /// - Parameters:
    ///   - botToken: The bot's token.
    ///   - webhookSecret: The webhook's secret.
    ///   - botUsername: The bot's user name.
    ///   - apiBaseURL: The Bot API's base URL.
    ///   - maximumFileBytes: The largest file taken or sent.
    ///   - linkTokenLifetime: How long a link token works.
    ///   - messagesPerSecond: Messages a second in all.
    ///   - secondsPerChatMessage: Seconds between two messages to one chat.
    ///   - requestTimeout: How long one request may take.
    /// - Throws: ``TelegramError`` with code `invalid_setting` naming the value and what to do.
    public init(
        botToken: String,
        webhookSecret: String,
        botUsername: String,
        apiBaseURL: URL = URL(string: "https://api.telegram.org")!,
        maximumFileBytes: Int = 20 * 1024 * 1024,
        linkTokenLifetime: TimeInterval = 86_400,
        messagesPerSecond: Int = 30,
        secondsPerChatMessage: TimeInterval = 1,
        requestTimeout: Duration = .seconds(30)
    ) throws {
        let tokenParts = botToken.split(separator: ":", maxSplits: 1)
        guard tokenParts.count == 2, tokenParts[0].allSatisfy(\.isNumber),
            tokenParts[1].count >= 20,
            tokenParts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else {
            throw TelegramError(
                .invalidSetting,
                "TELEGRAM_BOT_TOKEN must be the token @BotFather gave, like 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"
            )
        }
        guard (1...256).contains(webhookSecret.count),
            webhookSecret.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else {
            throw TelegramError(
                .invalidSetting,
                "TELEGRAM_WEBHOOK_SECRET must be 1 to 256 of A-Z, a-z, 0-9, _ and - (Telegram's rule for secret_token)"
            )
        }
        guard webhookSecret.count >= 16 else {
            throw TelegramError(
                .invalidSetting,
                "TELEGRAM_WEBHOOK_SECRET has \(webhookSecret.count) characters; use at least 16 random ones"
            )
        }
        guard (5...32).contains(botUsername.count),
            botUsername.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            throw TelegramError(
                .invalidSetting,
                "TELEGRAM_BOT_USERNAME must be the bot's user name without '@': 5 to 32 of A-Z, a-z, 0-9 and _"
            )
        }
        guard ["http", "https"].contains(apiBaseURL.scheme ?? ""), apiBaseURL.host != nil else {
            throw TelegramError(.invalidSetting, "TELEGRAM_API_URL must be an http(s) URL, not '\(apiBaseURL)'")
        }
        guard maximumFileBytes > 0, linkTokenLifetime > 0, messagesPerSecond > 0, secondsPerChatMessage >= 0 else {
            throw TelegramError(.invalidSetting, "the Telegram limits must be positive numbers")
        }
        self.botToken = botToken
        self.webhookSecret = webhookSecret
        self.botUsername = botUsername
        self.apiBaseURL = apiBaseURL
        self.maximumFileBytes = maximumFileBytes
        self.linkTokenLifetime = linkTokenLifetime
        self.messagesPerSecond = messagesPerSecond
        self.secondsPerChatMessage = secondsPerChatMessage
        self.requestTimeout = requestTimeout
    }

    /// Reads `TELEGRAM_BOT_TOKEN`, `TELEGRAM_WEBHOOK_SECRET`, `TELEGRAM_BOT_USERNAME`, `TELEGRAM_API_URL`,
    /// `TELEGRAM_MAX_FILE_BYTES` and `TELEGRAM_LINK_TTL` (seconds).
    ///
    /// - Parameter environment: The variables.
    /// - Returns: The settings, or `nil` when `TELEGRAM_BOT_TOKEN` is not set (no Telegram channel).
    /// - Throws: ``TelegramError`` with code `invalid_setting` for a missing or malformed variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> TelegramSettings? {
        guard let token = environment["TELEGRAM_BOT_TOKEN"], !token.isEmpty else { return nil }
        guard let secret = environment["TELEGRAM_WEBHOOK_SECRET"], !secret.isEmpty else {
            throw TelegramError(
                .invalidSetting,
                "TELEGRAM_WEBHOOK_SECRET is not set; choose a random secret and give it to setWebhook as secret_token"
            )
        }
        var baseURL = URL(string: "https://api.telegram.org")!
        if let text = environment["TELEGRAM_API_URL"], !text.isEmpty {
            guard let url = URL(string: text) else {
                throw TelegramError(.invalidSetting, "TELEGRAM_API_URL must be a URL, not '\(text)'")
            }
            baseURL = url
        }
        func number(_ name: String, default value: Int) throws -> Int {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard let number = Int(text), number > 0 else {
                throw TelegramError(.invalidSetting, "\(name) must be a positive whole number, not '\(text)'")
            }
            return number
        }
        return try TelegramSettings(
            botToken: token,
            webhookSecret: secret,
            botUsername: environment["TELEGRAM_BOT_USERNAME"] ?? "",
            apiBaseURL: baseURL,
            maximumFileBytes: try number("TELEGRAM_MAX_FILE_BYTES", default: 20 * 1024 * 1024),
            linkTokenLifetime: TimeInterval(try number("TELEGRAM_LINK_TTL", default: 86_400))
        )
    }

    /// The deep link that opens the bot and sends `/start <token>`.
    ///
    /// - Parameter token: A one-time link token.
    /// - Returns: `https://t.me/<bot>?start=<token>`.
    public func deepLink(for token: String) -> String { "https://t.me/\(botUsername)?start=\(token)" }
}
