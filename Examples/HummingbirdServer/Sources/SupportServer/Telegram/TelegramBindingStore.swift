import Foundation
import SupportEngine

/// A member's Telegram chat, linked through a one-time deep link.
public struct TelegramBinding: Sendable, Hashable {
    /// The member.
    public var member: MemberID
    /// Their private chat with the bot.
    public var chat: TelegramChatID
    /// When they linked it.
    public var linkedAt: Date
    /// When the Bot API said they blocked the bot (a 403); `nil` while the bot may write to them. A
    /// message from the member clears it: they can only write after unblocking.
    public var blockedAt: Date?

    /// Creates a binding.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - chat: Their chat.
    ///   - linkedAt: When they linked it.
    ///   - blockedAt: When they blocked the bot, if they did.
    public init(member: MemberID, chat: TelegramChatID, linkedAt: Date, blockedAt: Date? = nil) {
        self.member = member
        self.chat = chat
        self.linkedAt = linkedAt
        self.blockedAt = blockedAt
    }
}

/// What redeeming a link token did.
public enum TelegramRedemption: Sendable, Hashable {
    /// The chat is now the member's (any chat they had before, and any member the chat had, unlinked).
    case linked(TelegramBinding)
    /// The token was already redeemed by this very chat (Telegram posted `/start` again): nothing changed.
    case alreadyLinked(TelegramBinding)
    /// The token is unknown, expired, or was redeemed by another chat.
    case invalid
}

/// Where members' Telegram chats and the one-time link tokens are kept: in memory
/// (``InMemoryTelegramBindingStore``) or, when the server is configured with PostgreSQL, in two tables
/// of the stores' schema (``PostgresTelegramBindingStore``), so that a restart forgets no link and
/// every server behind a balancer knows them.
///
/// One member has at most one chat and one chat at most one member. Tokens are kept only as hashes.
public protocol TelegramBindingStore: Sendable {
    /// Creates what the store needs (tables); called before the server starts.
    func prepare() async throws
    /// Keeps a new token's hash for the member until it expires; expired tokens may be forgotten.
    func addToken(hash: String, for member: MemberID, expiresAt: Date, at now: Date) async throws
    /// Redeems a token for a chat, atomically: see ``TelegramRedemption``.
    func redeem(tokenHash: String, chat: TelegramChatID, at now: Date) async throws -> TelegramRedemption
    /// The binding of a chat, if any.
    func binding(ofChat chat: TelegramChatID) async throws -> TelegramBinding?
    /// The binding of a member, if any.
    func binding(ofMember member: MemberID) async throws -> TelegramBinding?
    /// Unlinks a chat; returns the binding it had.
    func unbind(chat: TelegramChatID) async throws -> TelegramBinding?
    /// Records that the member blocked the bot (`at` set) or wrote again (`nil`).
    func setBlocked(chat: TelegramChatID, at: Date?) async throws
}

/// Members' chats and link tokens in the server's memory, for the server without PostgreSQL: a
/// restart forgets every link.
public actor InMemoryTelegramBindingStore: TelegramBindingStore {
    private struct Token {
        var member: MemberID
        var expiresAt: Date
        var usedBy: TelegramChatID?
    }

    private var tokens: [String: Token] = [:]
    private var byMember: [MemberID: TelegramBinding] = [:]

    /// Creates an empty store.
    public init() {}

    /// Nothing to create.
    public func prepare() {}

    /// Keeps the token's hash; forgets expired ones.
    public func addToken(hash: String, for member: MemberID, expiresAt: Date, at now: Date) {
        tokens = tokens.filter { $0.value.expiresAt > now }
        tokens[hash] = Token(member: member, expiresAt: expiresAt)
    }

    /// Redeems a token; see ``TelegramRedemption``.
    public func redeem(tokenHash: String, chat: TelegramChatID, at now: Date) -> TelegramRedemption {
        guard var token = tokens[tokenHash] else { return .invalid }
        if let usedBy = token.usedBy {
            guard usedBy == chat, let binding = byMember[token.member], binding.chat == chat else { return .invalid }
            return .alreadyLinked(binding)
        }
        guard token.expiresAt > now else { return .invalid }
        token.usedBy = chat
        tokens[tokenHash] = token
        byMember = byMember.filter { $0.value.chat != chat }
        let binding = TelegramBinding(member: token.member, chat: chat, linkedAt: now)
        byMember[token.member] = binding
        return .linked(binding)
    }

    /// The chat's binding.
    public func binding(ofChat chat: TelegramChatID) -> TelegramBinding? {
        byMember.values.first { $0.chat == chat }
    }

    /// The member's binding.
    public func binding(ofMember member: MemberID) -> TelegramBinding? { byMember[member] }

    /// Unlinks the chat.
    public func unbind(chat: TelegramChatID) -> TelegramBinding? {
        guard let binding = binding(ofChat: chat) else { return nil }
        byMember[binding.member] = nil
        return binding
    }

    /// Records a block or its end.
    public func setBlocked(chat: TelegramChatID, at: Date?) {
        guard var binding = binding(ofChat: chat) else { return }
        binding.blockedAt = at
        byMember[binding.member] = binding
    }
}
