/// How a host adapts the built-in classification rules: add rules, replace some, switch some off.
///
/// In JSON:
///
/// ```json
/// {
///   "includeBuiltIn": true,
///   "disabledRules": ["en.feedback"],
///   "rules": [
///     {"id": "club.vip", "reason": "billing", "weight": 40, "patterns": ["vip upgrade"]},
///     {"id": "ru.access", "reason": "access", "weight": 25, "patterns": ["не могу войти", "парол*"]}
///   ]
/// }
/// ```
///
/// A host rule whose id equals a built-in rule's id replaces that rule in place. Other host rules
/// come first, before the built-in ones, so they win ties (see ``ReasonClassifier``).
public struct ClassifierConfiguration: Hashable, Sendable, Codable {
    /// Whether the built-in English, Russian and Spanish rules are used.
    public var includeBuiltIn: Bool
    /// Ids of rules (built-in or host) to leave out.
    public var disabledRules: [String]
    /// The host's rules.
    public var rules: [ClassificationRule]

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - includeBuiltIn: Whether the built-in rules are used.
    ///   - disabledRules: Ids of rules to leave out.
    ///   - rules: The host's rules.
    public init(includeBuiltIn: Bool = true, disabledRules: [String] = [], rules: [ClassificationRule] = []) {
        self.includeBuiltIn = includeBuiltIn
        self.disabledRules = disabledRules
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey {
        case includeBuiltIn
        case disabledRules
        case rules
    }

    /// Decodes a configuration; every field may be left out.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` when a field has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        includeBuiltIn = try container.decodeIfPresent(Bool.self, forKey: .includeBuiltIn) ?? true
        disabledRules = try container.decodeIfPresent([String].self, forKey: .disabledRules) ?? []
        rules = try container.decodeIfPresent([ClassificationRule].self, forKey: .rules) ?? []
    }

    /// The rules this configuration yields, in order: new host rules, then the built-in rules with
    /// replacements applied, minus the disabled ones.
    public var effectiveRules: [ClassificationRule] {
        let disabled = Set(disabledRules)
        let base = includeBuiltIn ? ClassificationRule.builtIn : []
        let baseIDs = Set(base.map(\.id))
        var replacements: [String: ClassificationRule] = [:]
        var added: [ClassificationRule] = []
        for rule in rules {
            if baseIDs.contains(rule.id) { replacements[rule.id] = rule } else { added.append(rule) }
        }
        let merged = added + base.map { replacements[$0.id] ?? $0 }
        return merged.filter { !disabled.contains($0.id) }
    }
}
