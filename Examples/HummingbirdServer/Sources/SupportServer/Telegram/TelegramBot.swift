import Logging
import SupportEngine

/// The server's Telegram bot put together: the Bot API client, the rate limiter and the members'
/// chats, from which the channel the desk sends on and the routes Telegram and the club's backend call.
public struct TelegramBot: Sendable {
    /// The bot's settings.
    public let settings: TelegramSettings
    /// The Bot API client.
    public let api: TelegramBotAPI
    /// Members' chats and link tokens.
    public let bindings: any TelegramBindingStore
    /// The process's rate limits, shared by every message the channel sends.
    public let limiter: TelegramRateLimiter
    /// The desk's clock.
    public let clock: any SupportClock

    /// Puts the bot together.
    ///
    /// - Parameters:
    ///   - settings: The bot's settings.
    ///   - bindings: Members' chats and link tokens.
    ///   - clock: The desk's clock.
    public init(settings: TelegramSettings, bindings: any TelegramBindingStore, clock: any SupportClock) {
        self.settings = settings
        self.api = TelegramBotAPI(settings: settings)
        self.bindings = bindings
        self.limiter = TelegramRateLimiter(
            messagesPerSecond: settings.messagesPerSecond,
            secondsPerChatMessage: settings.secondsPerChatMessage
        )
        self.clock = clock
    }

    /// The channel the desk sends Telegram messages on.
    ///
    /// - Parameter attachments: The desk's attachment store, for the files of a message.
    /// - Returns: The channel.
    public func channel(attachments: (any AttachmentStore)?) -> TelegramChannel {
        TelegramChannel(api: api, bindings: bindings, limiter: limiter, attachments: attachments, clock: clock)
    }

    /// Issues and redeems link tokens.
    public var links: TelegramLinks { TelegramLinks(settings: settings, bindings: bindings, clock: clock) }

    /// The webhook and the link route.
    ///
    /// - Parameters:
    ///   - desk: The desk messages go to.
    ///   - members: The member directory.
    ///   - tokens: Who may call what.
    ///   - logger: Where skipped updates are logged.
    /// - Returns: The routes.
    public func routes(
        desk: SupportDesk,
        members: any MemberDirectory,
        tokens: AccessTokens,
        logger: Logger
    ) -> TelegramRoutes {
        let webhook = TelegramWebhook(
            api: api,
            links: links,
            bindings: bindings,
            desk: desk,
            members: members,
            clock: clock,
            logger: logger
        )
        return TelegramRoutes(webhook: webhook, links: links, members: members, tokens: tokens)
    }
}
