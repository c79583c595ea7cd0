/// A rule that recognises a contact reason from keywords in a message.
///
/// A rule carries a list of patterns (see the Routing article for the syntax: words, `*` stems, phrases)
/// and a weight. Every pattern found in the message adds `weight` points to the rule (twice that when
/// found in the subject); the rule with the most points decides the `ContactReason`. A rule may
/// also name reasons it ``supersedes``: when it matches, rules for those reasons are ignored, so
/// "cancel my subscription and refund me" is a refund, not a cancellation.
///
/// In JSON:
///
/// ```json
/// {"id": "club.refund", "reason": "refund", "language": "en", "weight": 30,
///  "patterns": ["refund*", "money back"], "supersedes": ["billing"]}
/// ```
///
/// `weight` defaults to 10, `language` and `supersedes` may be left out.
public struct ClassificationRule: Hashable, Sendable, Codable {
    /// The rule's stable name, reported in ``Classification/ruleID`` for the audit, such as `en.access`.
    public var id: String
    /// The reason the rule recognises.
    public var reason: ContactReason
    /// The language of the rule's patterns, for documentation and reports; matching does not depend on it.
    public var language: LocaleTag?
    /// The points each pattern found adds, 1 to 1,000.
    public var weight: Int
    /// The patterns: words, phrases and `*` stems.
    public var patterns: [String]
    /// Reasons whose rules are ignored when this rule matches.
    public var supersedes: [ContactReason]

    /// The weight a rule has when its JSON leaves `weight` out.
    public static let defaultWeight = 10

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - id: The rule's stable name.
    ///   - reason: The reason the rule recognises.
    ///   - language: The language of the patterns, if any.
    ///   - weight: The points each pattern found adds.
    ///   - patterns: The patterns.
    ///   - supersedes: Reasons whose rules are ignored when this rule matches.
    public init(
        id: String,
        reason: ContactReason,
        language: LocaleTag? = nil,
        weight: Int = ClassificationRule.defaultWeight,
        patterns: [String],
        supersedes: [ContactReason] = []
    ) {
        self.id = id
        self.reason = reason
        self.language = language
        self.weight = weight
        self.patterns = patterns
        self.supersedes = supersedes
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case reason
        case language
        case weight
        case patterns
        case supersedes
    }

    /// Decodes a rule; `weight` defaults to ``defaultWeight`` and `supersedes` to none.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` when a field is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        reason = try container.decode(ContactReason.self, forKey: .reason)
        language = try container.decodeIfPresent(LocaleTag.self, forKey: .language)
        weight = try container.decodeIfPresent(Int.self, forKey: .weight) ?? Self.defaultWeight
        patterns = try container.decode([String].self, forKey: .patterns)
        supersedes = try container.decodeIfPresent([ContactReason].self, forKey: .supersedes) ?? []
    }

    /// Encodes the rule, leaving out an absent language and an empty `supersedes`.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(reason, forKey: .reason)
        try container.encodeIfPresent(language, forKey: .language)
        try container.encode(weight, forKey: .weight)
        try container.encode(patterns, forKey: .patterns)
        if !supersedes.isEmpty { try container.encode(supersedes, forKey: .supersedes) }
    }
}
