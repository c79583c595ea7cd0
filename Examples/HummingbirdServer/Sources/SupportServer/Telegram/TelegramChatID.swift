import Foundation

/// A Telegram chat's id, checked: the Bot API's integer id of a private chat with the bot.
///
/// Telegram's ids have at most 52 significant bits; a private chat's id is the user's id, a positive
/// number (groups and channels are negative and never bound to a member). Text that is not such an id
/// never becomes one (``init(_:)-(String)`` throws).
public struct TelegramChatID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The largest id Telegram hands out: 2⁵² − 1.
    public static let maximum: Int64 = (1 << 52) - 1

    /// The id.
    public let rawValue: Int64

    /// Checks an id.
    ///
    /// - Parameter rawValue: The id from an update's `chat.id`.
    /// - Throws: ``TelegramError`` with code `invalid_chat_id` when it is not a private chat's id.
    public init(_ rawValue: Int64) throws {
        guard rawValue > 0, rawValue <= Self.maximum else {
            throw TelegramError(
                .invalidChatID,
                "\(rawValue) is not a private chat's id: it must be a positive number of at most 52 bits"
            )
        }
        self.rawValue = rawValue
    }

    /// Parses an id written as decimal digits.
    ///
    /// - Parameter text: The id, such as `123456789`.
    /// - Throws: ``TelegramError`` with code `invalid_chat_id` for anything else.
    public init(_ text: String) throws {
        guard text.utf8.count <= 16, text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int64(text) else {
            throw TelegramError(.invalidChatID, "'\(text.prefix(40))' is not a Telegram chat id: write its digits")
        }
        try self.init(value)
    }

    /// Decodes an id from a JSON number, checking it.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` for a non-number, ``TelegramError`` for a number that is not a chat id.
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(Int64.self))
    }

    /// Encodes the id as a JSON number.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: When the encoder fails.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The id's digits.
    public var description: String { String(rawValue) }

    /// Orders ids by number.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
