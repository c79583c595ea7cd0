import Foundation
import Logging
import SupportEngine

/// Takes the updates Telegram posts to the webhook.
///
/// - A request without the webhook's secret in `X-Telegram-Bot-Api-Secret-Token` is refused (401) before
///   its body is read: nothing is stored.
/// - `/start <token>` links the chat to the member the club's backend issued the token for;
///   `/start` in a linked chat says so; `/stop` unlinks it.
/// - A message in a chat no member linked gets a polite answer in the sender's language saying how to
///   link it, and opens no ticket.
/// - A message (or an edit, or a photo or document with its caption) in a linked chat goes to the desk
///   as an ``InboundMessage`` on ``ChannelKind/telegram``, with the files it carries (through `getFile`).
///   Its external id holds the update's id, so an update Telegram posts again is the desk's duplicate
///   (``ExternalMessageKey``) and changes nothing; every message of the chat is one conversation
///   (thread reference `telegram:<chat>`) until the ticket is closed.
/// - Whatever cannot be taken — malformed JSON, an update of another kind, a group chat, a file over
///   the size limit, a message the desk refuses — is skipped with a log line and answered 200, so
///   Telegram stops posting it. Only a failure that trying again can mend (the store or the Bot API
///   unreachable) is answered with an error, so that Telegram posts the update again.
public struct TelegramWebhook: Sendable {
    /// What came of an update.
    public struct Result: Sendable, Hashable, Codable {
        /// `received`, `duplicate`, `linked`, `unlinked`, `not_linked` or `skipped`.
        public var outcome: String
        /// Why it was skipped, or what the bot answered.
        public var detail: String?
        /// The ticket the message went into.
        public var ticket: String?
    }

    let settings: TelegramSettings
    let api: TelegramBotAPI
    let links: TelegramLinks
    let bindings: any TelegramBindingStore
    let desk: SupportDesk
    let members: any MemberDirectory
    let clock: any SupportClock
    let logger: Logger

    /// Creates the webhook.
    ///
    /// - Parameters:
    ///   - api: The Bot API client (its settings hold the secret and the limits).
    ///   - links: Redeems link tokens.
    ///   - bindings: Members' chats.
    ///   - desk: The desk messages go to.
    ///   - members: The member directory, for names and languages.
    ///   - clock: The desk's clock.
    ///   - logger: Where skipped updates are logged.
    public init(
        api: TelegramBotAPI,
        links: TelegramLinks,
        bindings: any TelegramBindingStore,
        desk: SupportDesk,
        members: any MemberDirectory,
        clock: any SupportClock,
        logger: Logger
    ) {
        self.settings = api.settings
        self.api = api
        self.links = links
        self.bindings = bindings
        self.desk = desk
        self.members = members
        self.clock = clock
        self.logger = logger
    }

    /// Whether a request carries the webhook's secret, compared in constant time.
    ///
    /// - Parameter header: The `X-Telegram-Bot-Api-Secret-Token` header, if any.
    /// - Returns: `true` when it is the secret.
    public func isAuthentic(secretHeader header: String?) -> Bool {
        guard let header else { return false }
        return ConstantTimeComparison.equal(header, settings.webhookSecret)
    }

    /// Handles one update's body (the secret already checked).
    ///
    /// - Parameter body: The request's body.
    /// - Returns: What came of it.
    /// - Throws: ``StoreError`` or ``TelegramError`` with code `unreachable` when trying again can help.
    public func handle(_ body: [UInt8]) async throws -> Result {
        let update: TelegramUpdate
        do {
            update = try TelegramUpdate.decode(body)
        } catch let error as TelegramError {
            return skip(error.message)
        }
        switch update.kind {
        case .unknown:
            return skip("update \(update.updateID) is of a kind the desk does not take")
        case .message(let message):
            return try await handle(message, of: update, edited: false)
        case .edited(let message):
            return try await handle(message, of: update, edited: true)
        }
    }

    private func handle(_ message: TelegramMessage, of update: TelegramUpdate, edited: Bool) async throws -> Result {
        guard message.chat.type == "private", let chat = try? TelegramChatID(message.chat.id) else {
            return skip(
                "update \(update.updateID) is from a \(message.chat.type) chat; the bot takes private chats only"
            )
        }
        guard message.from?.isBot != true else { return skip("update \(update.updateID) is from a bot") }
        let senderLanguage = TelegramPhrases.language(ofCode: message.from?.languageCode)
        let text = message.text ?? message.caption ?? ""
        if !edited, let command = TelegramCommand(text) {
            return try await handle(command, chat: chat, language: senderLanguage)
        }
        guard let binding = try await bindings.binding(ofChat: chat) else {
            await reply(.notLinked, to: chat, in: senderLanguage)
            return Result(outcome: "not_linked", detail: "the chat is not linked to a member; told how to link it")
        }
        if binding.blockedAt != nil {
            // They write, so they unblocked the bot: answers may come here again.
            try await bindings.setBlocked(chat: chat, at: nil)
        }
        let files = try await TelegramInboundFiles(api: api, logger: logger).collect(message)
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { body = files.placeholder }
        guard !body.isEmpty else {
            await reply(.unsupported, to: chat, in: try await language(of: binding.member, or: senderLanguage))
            return skip("update \(update.updateID) holds no text, photo or document")
        }
        if edited { body = "(edited) " + body }
        if !files.notes.isEmpty { body += "\n\n" + files.notes.joined(separator: "\n") }
        let inbound = InboundMessage(
            channel: .telegram,
            externalID: "telegram:\(update.updateID):\(chat):\(message.messageID)",
            sender: binding.member,
            threadReference: "telegram:\(chat)",
            body: body,
            receivedAt: clock.now,
            attachments: files.uploads
        )
        do {
            let outcome = try await desk.receive(inbound)
            let duplicate = outcome.disposition == .duplicate
            return Result(outcome: duplicate ? "duplicate" : "received", ticket: outcome.ticket.id.rawValue)
        } catch let error as DeskError where error.code == .invalidInput || error.code == .memberErased {
            return skip("the desk refused update \(update.updateID): \(error)")
        }
    }

    private func handle(_ command: TelegramCommand, chat: TelegramChatID, language: LocaleTag) async throws -> Result {
        switch command {
        case .start(nil):
            guard let binding = try await bindings.binding(ofChat: chat) else {
                await reply(.notLinked, to: chat, in: language)
                return Result(outcome: "not_linked", detail: "/start without a token in a chat not linked")
            }
            await reply(.alreadyLinked, to: chat, in: try await self.language(of: binding.member, or: language))
            return Result(outcome: "linked", detail: "the chat was already linked")
        case .start(let token?):
            switch try await links.redeem(token, chat: chat) {
            case .linked(let binding), .alreadyLinked(let binding):
                let profile = try await members.member(binding.member)
                let name = profile?.displayName ?? binding.member.rawValue
                await reply(.linked(name: name), to: chat, in: profile?.locale ?? language)
                return Result(outcome: "linked", detail: "the chat is linked to \(binding.member)")
            case .invalid:
                await reply(.invalidLink, to: chat, in: language)
                return Result(outcome: "not_linked", detail: "the link token is unknown, used or expired")
            }
        case .stop:
            guard let binding = try await bindings.unbind(chat: chat) else {
                await reply(.notLinked, to: chat, in: language)
                return Result(outcome: "not_linked", detail: "/stop in a chat not linked")
            }
            await reply(.unlinked, to: chat, in: try await self.language(of: binding.member, or: language))
            return Result(outcome: "unlinked", detail: "the chat of \(binding.member) is unlinked")
        }
    }

    private func language(of member: MemberID, or fallback: LocaleTag) async throws -> LocaleTag {
        try await members.member(member)?.locale ?? fallback
    }

    /// Sends the bot's own answer; a failure is logged, never the update's: the link or unlink stands.
    private func reply(_ key: TelegramPhrases.Key, to chat: TelegramChatID, in locale: LocaleTag) async {
        do {
            _ = try await api.sendMessage(TelegramPhrases.text(key, in: locale), to: chat, parseMode: nil)
        } catch {
            logger.warning("the bot's answer was not sent", metadata: ["chat": "\(chat)", "error": "\(error)"])
        }
    }

    private func skip(_ reason: String) -> Result {
        logger.notice("skipped a Telegram update", metadata: ["reason": "\(reason)"])
        return Result(outcome: "skipped", detail: reason)
    }
}

/// A command the bot answers itself.
enum TelegramCommand: Hashable {
    /// `/start`, with the deep link's token when it carries one.
    case start(String?)
    /// `/stop`.
    case stop

    /// Reads a command from a message's text (`/start abc`, `/start@club_bot abc`, `/stop`); `nil` for
    /// any other text.
    init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let first = words.first, first.hasPrefix("/") else { return nil }
        let name = first.split(separator: "@", maxSplits: 1).first.map(String.init) ?? ""
        switch name {
        case "/start": self = .start(words.dropFirst().first.map(String.init))
        case "/stop": self = .stop
        default: return nil
        }
    }
}
