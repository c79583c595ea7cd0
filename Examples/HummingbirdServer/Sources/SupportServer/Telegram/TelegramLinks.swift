import Foundation
import SupportEngine

/// A one-time invitation to link a Telegram chat: the token and the deep link that carries it.
public struct TelegramLinkInvitation: Sendable, Hashable, Codable {
    /// The member it is for.
    public var member: String
    /// The one-time token: 64 hexadecimal digits (256 random bits), as `/start` carries it.
    public var token: String
    /// `https://t.me/<bot>?start=<token>`: opening it in Telegram sends `/start <token>` to the bot.
    public var link: String
    /// When the token stops working.
    public var expiresAt: Date
}

/// Issues one-time link tokens for the club's backend and redeems them when `/start <token>` arrives.
///
/// A token is 256 random bits from the system's generator, written as 64 hexadecimal digits (the Bot
/// API allows 64 characters in a `start` parameter); the store keeps only its SHA-256, so a copy of
/// the table links no chat.
public struct TelegramLinks: Sendable {
    let settings: TelegramSettings
    let bindings: any TelegramBindingStore
    let clock: any SupportClock

    /// Creates the issuer.
    ///
    /// - Parameters:
    ///   - settings: The bot's settings (user name, token lifetime).
    ///   - bindings: Where tokens and chats are kept.
    ///   - clock: The desk's clock.
    public init(settings: TelegramSettings, bindings: any TelegramBindingStore, clock: any SupportClock) {
        self.settings = settings
        self.bindings = bindings
        self.clock = clock
    }

    /// Issues a token for a member.
    ///
    /// - Parameter member: The member.
    /// - Returns: The invitation: token, deep link, expiry.
    /// - Throws: ``StoreError`` when the store fails.
    public func issue(for member: MemberID) async throws -> TelegramLinkInvitation {
        let token = ConsoleSessions.randomToken()
        let now = clock.now
        let expiresAt = now.addingTimeInterval(settings.linkTokenLifetime)
        try await bindings.addToken(hash: Self.hash(token), for: member, expiresAt: expiresAt, at: now)
        return TelegramLinkInvitation(
            member: member.rawValue,
            token: token,
            link: settings.deepLink(for: token),
            expiresAt: expiresAt
        )
    }

    /// Redeems the token a `/start` carried for a chat.
    ///
    /// - Parameters:
    ///   - token: The `/start` argument.
    ///   - chat: The chat it came from.
    /// - Returns: What happened; a token that is not 64 hexadecimal digits is ``TelegramRedemption/invalid``.
    /// - Throws: ``StoreError`` when the store fails.
    public func redeem(_ token: String, chat: TelegramChatID) async throws -> TelegramRedemption {
        guard token.utf8.count == 64, token.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        else { return .invalid }
        return try await bindings.redeem(tokenHash: Self.hash(token), chat: chat, at: clock.now)
    }

    static func hash(_ token: String) -> String { ConsoleSessions.hash(token) }
}
