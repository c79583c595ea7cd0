import Foundation

/// Gives a ticket its `Priority`: an ordered list of ``PriorityRule``s, first match wins, and a default.
///
/// ```swift
/// let decision = PriorityPolicy.builtIn.decide(PriorityInput(reason: .access, segment: .regular))
/// // decision.priority == .urgent, decision.ruleName == "burning-access"
/// ```
///
/// In JSON:
///
/// ```json
/// {"defaultPriority": "normal",
///  "rules": [{"name": "vip", "when": {"tiers": ["gold"]}, "priority": "high"},
///            {"name": "burning-access", "when": {"reasons": ["access"]}, "priority": "urgent"}]}
/// ```
///
/// Decoding validates the rules and throws ``RoutingError`` for a bad one. Keyword patterns are
/// compiled once, when the policy is made; the message text is read at most once per decision,
/// and only when a rule with keywords is reached.
public struct PriorityPolicy: Hashable, Sendable, Codable {
    /// The rules, first match wins.
    public let rules: [PriorityRule]
    /// The priority when no rule matches.
    public let defaultPriority: Priority

    private let keywordMatcher: PatternMatcher
    private let keywordRanges: [Range<Int>]
    private let foldedTags: [Set<String>?]
    private let foldedTiers: [Set<String>?]

    /// Creates and validates a policy.
    ///
    /// - Parameters:
    ///   - rules: The rules, first match wins.
    ///   - defaultPriority: The priority when no rule matches.
    /// - Throws: ``RoutingError`` with ``RoutingError/Code/invalidPriorityRule`` naming the path
    ///   (`rules[1].when.keywords[0]`) of an empty or duplicate name, a present but empty list, an
    ///   empty tag or tier, or a malformed keyword pattern.
    public init(rules: [PriorityRule], defaultPriority: Priority = .normal) throws {
        var names: Set<String> = []
        var keywords: [String] = []
        var ranges: [Range<Int>] = []
        var keywordOwners: [(rule: Int, position: Int)] = []
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            guard !rule.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw RoutingError(.invalidPriorityRule, "\(path).name is empty: give every rule a name")
            }
            guard names.insert(rule.name).inserted else {
                throw RoutingError(
                    .invalidPriorityRule,
                    "\(path).name '\(rule.name)' is used twice: names must be unique"
                )
            }
            try Self.requireNonEmpty(rule.when.reasons, "\(path).when.reasons")
            try Self.requireNonEmpty(rule.when.segments, "\(path).when.segments")
            try Self.requireNonEmpty(rule.when.channels, "\(path).when.channels")
            try Self.requireNonEmpty(rule.when.keywords, "\(path).when.keywords")
            try Self.requireWords(rule.when.tags, "\(path).when.tags")
            try Self.requireWords(rule.when.tiers, "\(path).when.tiers")
            let start = keywords.count
            for (position, keyword) in (rule.when.keywords ?? []).enumerated() {
                keywords.append(keyword)
                keywordOwners.append((index, position))
            }
            ranges.append(start..<keywords.count)
        }
        do {
            keywordMatcher = try PatternMatcher(patterns: keywords)
        } catch {
            let owner = keywordOwners[error.index]
            throw RoutingError(
                .invalidPriorityRule,
                "rules[\(owner.rule)].when.keywords[\(owner.position)] '\(keywords[error.index])': \(error.reason)"
            )
        }
        self.rules = rules
        self.defaultPriority = defaultPriority
        keywordRanges = ranges
        foldedTags = rules.map { $0.when.tags.map { Set($0.map { $0.lowercased() }) } }
        foldedTiers = rules.map { $0.when.tiers.map { Set($0.map { $0.lowercased() }) } }
    }

    private static func requireNonEmpty<T>(_ values: [T]?, _ path: String) throws {
        if let values, values.isEmpty {
            throw RoutingError(
                .invalidPriorityRule,
                "\(path) is empty, so the rule could never match: list values, or leave the field out to match any"
            )
        }
    }

    private static func requireWords(_ values: [String]?, _ path: String) throws {
        try requireNonEmpty(values, path)
        for (index, value) in (values ?? []).enumerated()
        where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw RoutingError(.invalidPriorityRule, "\(path)[\(index)] is blank: remove it or give a value")
        }
    }

    /// The defaults the seeds suggest.
    ///
    /// In order: access problems (`burning-access`) and money (`burning-money`: billing, refund) are
    /// urgent; feedback from prospects and newcomers is normal (`feedback-from-new-members`), other
    /// feedback low (`feedback`); personal consultations, which are out of scope, low
    /// (`out-of-scope`); prospects (`prospect-deciding`), pre-sales and registration questions
    /// (`joining`) and newcomers (`newcomer`) high; everything else normal.
    public static let builtIn: PriorityPolicy = {
        let rules = [
            PriorityRule(name: "burning-access", when: PriorityCondition(reasons: [.access]), priority: .urgent),
            PriorityRule(
                name: "burning-money",
                when: PriorityCondition(reasons: [.billing, .refund]),
                priority: .urgent
            ),
            PriorityRule(
                name: "feedback-from-new-members",
                when: PriorityCondition(reasons: [.feedback], segments: [.prospect, .newcomer]),
                priority: .normal
            ),
            PriorityRule(name: "feedback", when: PriorityCondition(reasons: [.feedback]), priority: .low),
            PriorityRule(
                name: "out-of-scope",
                when: PriorityCondition(reasons: [.personalConsultation]),
                priority: .low
            ),
            PriorityRule(name: "prospect-deciding", when: PriorityCondition(segments: [.prospect]), priority: .high),
            PriorityRule(
                name: "joining",
                when: PriorityCondition(reasons: [.preSales, .registration]),
                priority: .high
            ),
            PriorityRule(name: "newcomer", when: PriorityCondition(segments: [.newcomer]), priority: .high),
        ]
        do {
            return try PriorityPolicy(rules: rules, defaultPriority: .normal)
        } catch {
            preconditionFailure("the built-in priority rules are invalid: \(error)")
        }
    }()

    /// Decides a ticket's priority.
    ///
    /// - Parameter input: What is known about the ticket.
    /// - Returns: The priority of the first rule that matches, or the default, with the rule's name.
    public func decide(_ input: PriorityInput) -> PriorityDecision {
        var keywordMarks: [UInt8]?
        var inputTags: Set<String>?
        let inputTier = input.tier?.lowercased()
        for (index, rule) in rules.enumerated() {
            let condition = rule.when
            if let reasons = condition.reasons, !reasons.contains(input.reason) { continue }
            if let segments = condition.segments {
                guard let segment = input.segment, segments.contains(segment) else { continue }
            }
            if let channels = condition.channels {
                guard let channel = input.channel, channels.contains(channel) else { continue }
            }
            if let tiers = foldedTiers[index] {
                guard let inputTier, tiers.contains(inputTier) else { continue }
            }
            if let tags = foldedTags[index] {
                let folded = inputTags ?? Set(input.tags.map { $0.lowercased() })
                inputTags = folded
                guard !tags.isDisjoint(with: folded) else { continue }
            }
            if !keywordRanges[index].isEmpty {
                let marks = keywordMarks ?? scanKeywords(input)
                keywordMarks = marks
                guard keywordRanges[index].contains(where: { marks[$0] > 0 }) else { continue }
            }
            return PriorityDecision(priority: rule.priority, ruleName: rule.name)
        }
        return PriorityDecision(priority: defaultPriority, ruleName: nil)
    }

    private func scanKeywords(_ input: PriorityInput) -> [UInt8] {
        var marks = [UInt8](repeating: 0, count: keywordMatcher.patternCount)
        if let subject = input.subject { keywordMatcher.mark(in: subject, points: 1, into: &marks) }
        keywordMatcher.mark(in: input.body, points: 1, into: &marks)
        return marks
    }

    private enum CodingKeys: String, CodingKey {
        case rules
        case defaultPriority
    }

    /// Decodes and validates a policy; `defaultPriority` defaults to `normal`.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for a malformed document, ``RoutingError`` for a bad rule.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            rules: try container.decode([PriorityRule].self, forKey: .rules),
            defaultPriority: try container.decodeIfPresent(Priority.self, forKey: .defaultPriority) ?? .normal
        )
    }

    /// Encodes the rules and the default.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rules, forKey: .rules)
        try container.encode(defaultPriority, forKey: .defaultPriority)
    }

    /// Whether two policies have the same rules and default.
    public static func == (lhs: PriorityPolicy, rhs: PriorityPolicy) -> Bool {
        lhs.rules == rhs.rules && lhs.defaultPriority == rhs.defaultPriority
    }

    /// Hashes the rules and the default.
    ///
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rules)
        hasher.combine(defaultPriority)
    }
}
