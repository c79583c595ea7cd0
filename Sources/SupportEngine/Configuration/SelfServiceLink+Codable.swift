import Foundation

extension SelfServiceLink {
    /// Decodes a link: `{"titles": {"en": "Cancel your subscription", "ru": "…"}, "url": "https://…"}`.
    ///
    /// Titles are keyed by language tag; `titles` may be left out (the address is then the title).
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: ``DeskConfigurationError`` naming the path of an unknown key, a key that is not a
    ///   language tag (`titles.??`), or a missing or empty `url`.
    public init(from decoder: any Decoder) throws {
        let group = try DocumentGroup(decoder, known: ["titles", "url"])
        try group.refuseUnknownKeys()
        var titles: [LocaleTag: String] = [:]
        for (tag, title) in try group.decode([String: String].self, "titles") ?? [:] {
            guard let locale = LocaleTag(rawValue: tag) else {
                throw group.failure("titles.\(tag)", "'\(tag)' is not a language tag: key titles by en, ru, es, …")
            }
            titles[locale] = title
        }
        guard let url = try group.decode(String.self, "url"), !url.isEmpty else {
            throw group.failure("url", "give the page's address")
        }
        self.init(titles: titles, url: url)
    }

    /// Encodes the link in the form ``init(from:)`` reads.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ConfigurationKey.self)
        let keyed = Dictionary(uniqueKeysWithValues: titles.map { ($0.key.rawValue, $0.value) })
        try container.encode(keyed, forKey: ConfigurationKey("titles"))
        try container.encode(url, forKey: ConfigurationKey("url"))
    }
}
