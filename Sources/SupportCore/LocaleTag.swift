/// The language a member reads, as a short BCP 47 language tag: `en`, `ru`, `es`.
///
/// Messages, templates and lexicons are chosen by this tag. A tag encodes as its raw string.
public struct LocaleTag: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The tag, lower case, such as `ru` or `pt-br`.
    public let rawValue: String
    /// The primary language subtag's two or three ASCII letters packed into one integer (`en` and
    /// `en-gb` share it), so that routing compares languages as integers, not strings.
    package let primaryCode: UInt32

    /// Creates a tag, or `nil` when the text is not a language tag (2–3 letters, optional `-` subtags).
    ///
    /// - Parameter rawValue: The tag; case is folded to lower case and `_` is read as `-`.
    public init?(rawValue: String) {
        let folded = String(rawValue.lowercased().map { $0 == "_" ? "-" : $0 })
        let parts = folded.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }),
            parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.utf8.allSatisfy(Self.isAlphanumeric) })
        else { return nil }
        self.rawValue = folded
        var code: UInt32 = 0
        for (position, byte) in language.utf8.enumerated() { code |= UInt32(byte) << (8 * UInt32(position)) }
        self.primaryCode = code
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

    /// Decodes a tag from a string.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` when the text is not a language tag.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let tag = LocaleTag(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a language tag such as en, ru or es"
            )
        }
        self = tag
    }

    /// Encodes the tag as a string.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The language part alone: `pt` for `pt-br`.
    public var language: String {
        String(rawValue.prefix { $0 != "-" })
    }

    /// The tag.
    public var description: String { rawValue }

    /// Whether two tags are the same tag.
    ///
    /// - Parameters:
    ///   - lhs: A tag.
    ///   - rhs: Another tag.
    /// - Returns: `true` when both have the same text.
    public static func == (lhs: LocaleTag, rhs: LocaleTag) -> Bool { lhs.rawValue == rhs.rawValue }

    /// Feeds the tag's text to a hasher.
    ///
    /// - Parameter hasher: The hasher.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// English.
    public static let en = LocaleTag(rawValue: "en")!
    /// Russian.
    public static let ru = LocaleTag(rawValue: "ru")!
    /// Spanish.
    public static let es = LocaleTag(rawValue: "es")!

    /// The languages the library ships texts and lexicons for.
    public static let builtIn: [LocaleTag] = [.en, .ru, .es]
}
