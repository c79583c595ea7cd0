/// A page where a member can do something without waiting for an answer: cancel a subscription,
/// change payment details, read an FAQ article.
///
/// Configured per contact reason in ``DeskConfiguration/selfService``; the acknowledgement lists the
/// links for the ticket's reason.
public struct SelfServiceLink: Sendable, Hashable, Codable {
    /// The link's title, per language; the first entry is used when the member's language is missing.
    public var titles: [LocaleTag: String]
    /// The address.
    public var url: String

    /// Creates a link.
    ///
    /// - Parameters:
    ///   - titles: The title per language.
    ///   - url: The address.
    public init(titles: [LocaleTag: String], url: String) {
        self.titles = titles
        self.url = url
    }

    /// The title in a language, falling back to English, then to any title, then to the address.
    ///
    /// - Parameter locale: The member's language.
    /// - Returns: The title.
    public func title(in locale: LocaleTag) -> String {
        titles[locale] ?? LocaleTag(rawValue: locale.language).flatMap { titles[$0] } ?? titles[.en]
            ?? titles.sorted { $0.key.rawValue < $1.key.rawValue }.first?.value ?? url
    }
}
