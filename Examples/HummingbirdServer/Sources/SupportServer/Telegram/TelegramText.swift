import Foundation

/// The texts the bot sends: escaped for the Bot API's `HTML` parse mode and cut into messages of at
/// most 4,096 characters at paragraph boundaries.
///
/// The Bot API counts a message's length after its markup is parsed, in UTF-16 code units; escaping
/// adds nothing to that length, so the text is cut first and each part escaped after.
public enum TelegramText {
    /// The parse mode every message is sent with.
    public static let parseMode = "HTML"
    /// The longest message the Bot API takes, in UTF-16 code units after parsing.
    public static let maximumLength = 4096

    /// Escapes text for the `HTML` parse mode: `&`, `<` and `>` become entities, so nothing a member or
    /// an agent wrote is read as markup.
    ///
    /// - Parameter text: Plain text.
    /// - Returns: The text as the Bot API shows it literally.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// One message of a text: what is sent with the `HTML` parse mode, and the same as plain text for
    /// a send without parse mode.
    public struct Part: Sendable, Hashable {
        /// The part escaped for the `HTML` parse mode, the subject (on the first part) in bold.
        public var html: String
        /// The part as plain text.
        public var plain: String
    }

    /// The messages that carry a subject and a body: the subject in bold on the first, then the body,
    /// cut at paragraph breaks (then line breaks, then spaces, then anywhere) so that none is longer
    /// than `limit`.
    ///
    /// - Parameters:
    ///   - subject: The subject line; empty for none.
    ///   - body: The text.
    ///   - limit: The longest message, in UTF-16 code units; 4,096 by default.
    /// - Returns: The messages, in order; never an empty one.
    public static func messages(subject: String, body: String, limit: Int = maximumLength) -> [Part] {
        let title = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let plain = title.isEmpty ? body : title + "\n\n" + body
        let parts = split(plain, limit: limit)
        return parts.enumerated().map { index, part in
            guard index == 0, !title.isEmpty, part.hasPrefix(title) else {
                return Part(html: escaped(part), plain: part)
            }
            return Part(html: "<b>\(escaped(title))</b>" + escaped(String(part.dropFirst(title.count))), plain: part)
        }
    }

    /// Cuts text into parts of at most `limit` UTF-16 code units: at paragraph breaks (a blank line)
    /// where it can, else at line breaks, else at spaces, else between characters; a part holds as many
    /// whole paragraphs as fit. Blank parts are left out.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - limit: The longest part.
    /// - Returns: The parts, in order.
    public static func split(_ text: String, limit: Int = maximumLength) -> [String] {
        pieces(of: text, limit: max(limit, 1), separators: ["\n\n", "\n", " "])
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    private static func pieces(of text: String, limit: Int, separators: ArraySlice<String>) -> [String] {
        guard text.utf16.count > limit else { return [text] }
        guard let separator = separators.first else { return hardSplit(text, limit: limit) }
        var chunks: [String] = []
        var current: String?
        for part in text.components(separatedBy: separator) {
            if part.utf16.count > limit {
                // Too long on its own: cut it finer; its last piece may still take what follows.
                if let current { chunks.append(current) }
                let finer = pieces(of: part, limit: limit, separators: separators.dropFirst())
                chunks += finer.dropLast()
                current = finer.last
            } else if let joined = current, joined.utf16.count + separator.utf16.count + part.utf16.count <= limit {
                current = joined + separator + part
            } else {
                if let current { chunks.append(current) }
                current = part
            }
        }
        if let current { chunks.append(current) }
        return chunks
    }

    private static func hardSplit(_ text: String, limit: Int) -> [String] {
        var chunks: [String] = []
        var current = ""
        var length = 0
        for character in text {
            let size = character.utf16.count
            if length + size > limit, !current.isEmpty {
                chunks.append(current)
                current = ""
                length = 0
            }
            current.append(character)
            length += size
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }
}
