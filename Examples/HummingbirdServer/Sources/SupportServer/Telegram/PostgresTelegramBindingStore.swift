import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// Members' Telegram chats and link tokens in PostgreSQL, next to the stores' tables in their schema:
/// `telegram_bindings` (one row per member, the chat unique) and `telegram_link_tokens` (the SHA-256 of
/// each token, its member, expiry and the chat that redeemed it).
///
/// A redemption runs in one transaction with the token's row locked (`SELECT … FOR UPDATE`), so two
/// servers handling the same `/start` (Telegram posting it again) link the chat once.
public struct PostgresTelegramBindingStore: TelegramBindingStore {
    let access: ServerTableAccess
    var logger: Logger { access.logger }

    /// Creates the store.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The stores' schema: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where queries log.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema that is not a plain name.
    public init(client: PostgresClient, schema: String, logger: Logger) throws {
        access = try ServerTableAccess(client: client, schema: schema, logger: logger)
    }

    var bindings: String { access.table("telegram_bindings") }
    var tokens: String { access.table("telegram_link_tokens") }

    /// Creates both tables when they are missing; the schema must exist (the stores' migration creates it).
    public func prepare() async throws {
        let statements = [
            """
            CREATE TABLE IF NOT EXISTS \(bindings) (
                member text PRIMARY KEY,
                chat bigint NOT NULL UNIQUE,
                linked_at timestamptz NOT NULL,
                blocked_at timestamptz
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS \(tokens) (
                token_hash text PRIMARY KEY,
                member text NOT NULL,
                expires_at timestamptz NOT NULL,
                used_by bigint,
                used_at timestamptz
            )
            """,
        ]
        try await access.create("creating the Telegram tables", lockingOn: bindings, statements)
    }

    /// Keeps the token's hash; forgets tokens expired for a day.
    public func addToken(hash: String, for member: MemberID, expiresAt: Date, at now: Date) async throws {
        try await access.run("keeping a Telegram link token") { connection in
            try await connection.query(
                "DELETE FROM \(unescaped: tokens) WHERE expires_at < \(now.addingTimeInterval(-86_400))",
                logger: logger
            )
            try await connection.query(
                """
                INSERT INTO \(unescaped: tokens) (token_hash, member, expires_at)
                VALUES (\(hash), \(member.rawValue), \(expiresAt))
                """,
                logger: logger
            )
        }
    }

    /// Redeems a token in one transaction; see ``TelegramRedemption``.
    public func redeem(tokenHash: String, chat: TelegramChatID, at now: Date) async throws -> TelegramRedemption {
        try await access.run("linking a Telegram chat") { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await redeem(tokenHash, chat: chat, at: now, on: connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    private func redeem(
        _ tokenHash: String,
        chat: TelegramChatID,
        at now: Date,
        on connection: PostgresConnection
    ) async throws -> TelegramRedemption {
        let rows = try await connection.query(
            "SELECT member, expires_at, used_by FROM \(unescaped: tokens) WHERE token_hash = \(tokenHash) FOR UPDATE",
            logger: logger
        )
        var found: (String, Date, Int64?)?
        for try await row in rows.decode((String, Date, Int64?).self) { found = row }
        guard let (member, expiresAt, usedBy) = found else { return .invalid }
        if let usedBy {
            guard usedBy == chat.rawValue, let binding = try await binding(chatID: chat.rawValue, on: connection),
                binding.member.rawValue == member
            else { return .invalid }
            return .alreadyLinked(binding)
        }
        guard expiresAt > now else { return .invalid }
        try await connection.query(
            "UPDATE \(unescaped: tokens) SET used_by = \(chat.rawValue), used_at = \(now) WHERE token_hash = \(tokenHash)",
            logger: logger
        )
        try await connection.query(
            "DELETE FROM \(unescaped: bindings) WHERE member = \(member) OR chat = \(chat.rawValue)",
            logger: logger
        )
        try await connection.query(
            "INSERT INTO \(unescaped: bindings) (member, chat, linked_at) VALUES (\(member), \(chat.rawValue), \(now))",
            logger: logger
        )
        return .linked(TelegramBinding(member: MemberID(rawValue: member), chat: chat, linkedAt: now))
    }

    /// The chat's binding.
    public func binding(ofChat chat: TelegramChatID) async throws -> TelegramBinding? {
        try await access.run("reading a Telegram chat's member") { connection in
            try await binding(chatID: chat.rawValue, on: connection)
        }
    }

    /// The member's binding.
    public func binding(ofMember member: MemberID) async throws -> TelegramBinding? {
        try await access.run("reading a member's Telegram chat") { connection in
            let rows = try await connection.query(
                "SELECT member, chat, linked_at, blocked_at FROM \(unescaped: bindings) WHERE member = \(member.rawValue)",
                logger: logger
            )
            return try await Self.first(rows)
        }
    }

    /// Unlinks the chat.
    public func unbind(chat: TelegramChatID) async throws -> TelegramBinding? {
        try await access.run("unlinking a Telegram chat") { connection in
            let rows = try await connection.query(
                """
                DELETE FROM \(unescaped: bindings) WHERE chat = \(chat.rawValue)
                RETURNING member, chat, linked_at, blocked_at
                """,
                logger: logger
            )
            return try await Self.first(rows)
        }
    }

    /// Records a block or its end.
    public func setBlocked(chat: TelegramChatID, at: Date?) async throws {
        try await access.run("recording a Telegram block") { connection in
            _ = try await connection.query(
                "UPDATE \(unescaped: bindings) SET blocked_at = \(at) WHERE chat = \(chat.rawValue)",
                logger: logger
            )
        }
    }

    private func binding(
        chatID chat: Int64,
        on connection: PostgresConnection
    ) async throws
        -> TelegramBinding?
    {
        let rows = try await connection.query(
            "SELECT member, chat, linked_at, blocked_at FROM \(unescaped: bindings) WHERE chat = \(chat)",
            logger: logger
        )
        return try await Self.first(rows)
    }

    private static func first(_ rows: PostgresRowSequence) async throws -> TelegramBinding? {
        var binding: TelegramBinding?
        for try await (member, chat, linkedAt, blockedAt) in rows.decode((String, Int64, Date, Date?).self) {
            binding = TelegramBinding(
                member: MemberID(rawValue: member),
                chat: try TelegramChatID(chat),
                linkedAt: linkedAt,
                blockedAt: blockedAt
            )
        }
        return binding
    }
}
