import Moderation

/// Template keys the desk uses besides the decisions' own: the name of a rule and the link to the
/// published rules, both per language, so a host sets its own in the ``TemplateCatalog``.
public enum PolicyTemplateKeys {
    /// The link to the club's published rules, such as `https://club.example/rules`, per language.
    public static let rulesLink = TemplateKey(rawValue: "moderation.rules_link")

    /// The name of a kind of violation in the member's language, such as `moderation.rule.rudeness`.
    ///
    /// - Parameter kind: The kind of violation.
    /// - Returns: The key `moderation.rule.<kind>`.
    public static func ruleName(_ kind: ViolationKind) -> TemplateKey {
        TemplateKey(rawValue: "moderation.rule.\(kind.rawValue)")
    }
}
