import SupportCore

/// Message templates by key and language, with built-in defaults in English, Russian and Spanish.
///
/// Lookup falls back from the exact tag (`pt-br`) to its language (`pt`) to the catalog's fallback
/// language (English by default). Hosts override any template:
///
/// ```swift
/// var catalog = TemplateCatalog.builtIn
/// try catalog.set(.acknowledgement, for: .ru, to: "Привет, {{member_name}}! Ответим до {{expected_reply}}.")
/// ```
public struct TemplateCatalog: Sendable, Hashable {
    private var templates: [TemplateKey: [LocaleTag: Template]]
    /// The language used when neither the tag nor its language has a template.
    public var fallback: LocaleTag

    /// Creates an empty catalog.
    ///
    /// - Parameter fallback: The language to fall back to.
    public init(fallback: LocaleTag = .en) {
        self.templates = [:]
        self.fallback = fallback
    }

    /// Sets the template for a key and language.
    ///
    /// - Parameters:
    ///   - key: The template's key.
    ///   - locale: The language.
    ///   - source: The template text with `{{name}}` placeholders.
    /// - Throws: ``TemplateError`` with ``TemplateError/Code/invalidSyntax`` when the text does not parse;
    ///   the catalog is unchanged.
    public mutating func set(_ key: TemplateKey, for locale: LocaleTag, to source: String) throws {
        let template = try Template(parsing: source)
        templates[key, default: [:]][locale] = template
    }

    /// Every key with at least one template.
    public var keys: [TemplateKey] { templates.keys.sorted() }

    /// The languages a key has templates in.
    ///
    /// - Parameter key: The key.
    /// - Returns: The languages, sorted.
    public func locales(of key: TemplateKey) -> [LocaleTag] {
        (templates[key]?.keys).map { $0.sorted { $0.rawValue < $1.rawValue } } ?? []
    }

    /// The template for a key in a language, with fallbacks.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - locale: The member's language.
    /// - Returns: The template, or `nil` when the key has none in the tag, its language or the fallback.
    public func template(_ key: TemplateKey, for locale: LocaleTag) -> Template? {
        guard let byLocale = templates[key] else { return nil }
        if let exact = byLocale[locale] { return exact }
        if let language = LocaleTag(rawValue: locale.language), let template = byLocale[language] { return template }
        return byLocale[fallback]
    }

    /// Renders the template for a key in a language.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - locale: The member's language.
    ///   - values: A value for every placeholder.
    /// - Returns: The text.
    /// - Throws: ``TemplateError`` with ``TemplateError/Code/unknownTemplate`` when no template exists,
    ///   or ``TemplateError/Code/missingValue``.
    public func render(_ key: TemplateKey, for locale: LocaleTag, values: [String: String]) throws -> String {
        guard let template = template(key, for: locale) else {
            throw TemplateError(.unknownTemplate, "no template '\(key)' for \(locale) or \(fallback)")
        }
        do {
            return try template.render(values)
        } catch let error as TemplateError {
            throw TemplateError(error.code, "template '\(key)' (\(locale)): \(error.message)")
        }
    }

    /// The built-in templates in English, Russian and Spanish.
    public static let builtIn: TemplateCatalog = {
        var catalog = TemplateCatalog()
        for (key, texts) in BuiltInTexts.all {
            for (locale, text) in texts {
                // The built-in texts are fixed and covered by tests; a parse failure is a programming error.
                do { try catalog.set(key, for: locale, to: text) } catch { preconditionFailure("\(key): \(error)") }
            }
        }
        return catalog
    }()
}
