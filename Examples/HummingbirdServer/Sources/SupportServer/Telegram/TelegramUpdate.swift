import Foundation

/// One update as the Bot API posts it to the webhook: only the fields the desk uses are read, every
/// other field (and every other kind of update) is ignored.
///
/// See <https://core.telegram.org/bots/api#update>.
public struct TelegramUpdate: Sendable, Hashable, Decodable {
    /// The update's id; Telegram posts the same update again, with the same id, until it gets a 200.
    public var updateID: Int64
    /// A new message.
    public var message: TelegramMessage?
    /// A new version of a message the bot saw before.
    public var editedMessage: TelegramMessage?

    /// The update's kinds the channel handles.
    public enum Kind: Sendable, Hashable {
        /// A new message.
        case message(TelegramMessage)
        /// An edited message.
        case edited(TelegramMessage)
        /// Anything else (a callback, a channel post, a member joining a group): skipped.
        case unknown
    }

    /// What the update carries.
    public var kind: Kind {
        if let message { return .message(message) }
        if let editedMessage { return .edited(editedMessage) }
        return .unknown
    }

    enum CodingKeys: String, CodingKey {
        case updateID = "update_id"
        case message
        case editedMessage = "edited_message"
    }

    /// Decodes an update from the webhook's body.
    ///
    /// - Parameter bytes: The body.
    /// - Returns: The update.
    /// - Throws: ``TelegramError`` with code `invalid_update` naming what is wrong.
    public static func decode(_ bytes: some Collection<UInt8>) throws -> TelegramUpdate {
        do {
            return try JSONDecoder().decode(TelegramUpdate.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw TelegramError(.invalidUpdate, "the body is not a Telegram update: \(Self.explain(error))")
        } catch {
            throw TelegramError(.invalidUpdate, "the body is not a Telegram update: \(error)")
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return "malformed JSON at '\(path(context))'"
        case .keyNotFound(let key, let context):
            return "'\(path(context) + (path(context).isEmpty ? "" : ".") + key.stringValue)' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(path(context))' has the wrong type"
        @unknown default: return "\(error)"
        }
    }
}

/// A message in an update: who sent it in which chat, its text or caption, and its photo or document.
public struct TelegramMessage: Sendable, Hashable, Decodable {
    /// The message's id, unique within its chat.
    public var messageID: Int64
    /// The sender (absent for channel posts).
    public var from: TelegramUser?
    /// The chat it was sent in.
    public var chat: TelegramChat
    /// When it was sent, in seconds since 1970.
    public var date: Int64
    /// Its text, for a text message.
    public var text: String?
    /// Its caption, for a photo or a document.
    public var caption: String?
    /// The photo in its sizes, smallest first.
    public var photo: [TelegramPhotoSize]?
    /// The document (any file).
    public var document: TelegramDocument?

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case from, chat, date, text, caption, photo, document
    }
}

/// The sender of a message.
public struct TelegramUser: Sendable, Hashable, Decodable {
    /// The user's id.
    public var id: Int64
    /// Whether the sender is a bot.
    public var isBot: Bool?
    /// Their first name.
    public var firstName: String?
    /// Their app's language (an IETF tag such as `ru` or `es-ES`), when Telegram tells.
    public var languageCode: String?

    enum CodingKeys: String, CodingKey {
        case id
        case isBot = "is_bot"
        case firstName = "first_name"
        case languageCode = "language_code"
    }
}

/// A chat.
public struct TelegramChat: Sendable, Hashable, Decodable {
    /// The chat's id: positive for a private chat, negative for groups and channels.
    public var id: Int64
    /// `private`, `group`, `supergroup` or `channel`.
    public var type: String
}

/// One size of a photo.
public struct TelegramPhotoSize: Sendable, Hashable, Decodable {
    /// The id to ask `getFile` about.
    public var fileID: String
    /// Its size in bytes, when Telegram tells.
    public var fileSize: Int?
    /// Its width in pixels.
    public var width: Int
    /// Its height in pixels.
    public var height: Int

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileSize = "file_size"
        case width, height
    }
}

/// A file sent as a document.
public struct TelegramDocument: Sendable, Hashable, Decodable {
    /// The id to ask `getFile` about.
    public var fileID: String
    /// Its name, as the sender's app gave it.
    public var fileName: String?
    /// Its media type, as the sender's app gave it.
    public var mimeType: String?
    /// Its size in bytes, when Telegram tells.
    public var fileSize: Int?

    enum CodingKeys: String, CodingKey {
        case fileID = "file_id"
        case fileName = "file_name"
        case mimeType = "mime_type"
        case fileSize = "file_size"
    }
}
