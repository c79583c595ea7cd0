import Foundation

/// Finds the contact reason of a message from its explicit field, subject and body.
///
/// Build it once from ``ClassificationRule``s (``builtIn`` holds the English, Russian and Spanish
/// lexicons) and call ``classify(subject:body:explicitReason:)`` per message. Construction compiles
/// every pattern into hash tables; classifying reads the text once and costs a few microseconds.
///
/// How a reason is chosen:
/// 1. An explicit reason other than `ContactReason.other` wins outright (a form's catch-all
///    "other" says nothing, so the text is read instead).
/// 2. Every pattern found adds its rule's weight: once when found in the body, twice when found in
///    the subject (counted once per pattern, however often it occurs).
/// 3. Rules for a reason that a matching rule ``ClassificationRule/supersedes`` drop out (unless
///    that would drop every matching rule).
/// 4. The rule with the most points wins; ties go to the higher weight, then to the rule that comes
///    first in the list.
/// 5. With no match, the reason is `ContactReason.other`.
public struct ReasonClassifier: Sendable {
    /// The rules, in tie-break order.
    public let rules: [ClassificationRule]

    private let matcher: PatternMatcher
    private let patternRule: [Int32]
    private let patternIndexInRule: [Int32]
    private let ruleReason: [Int32]
    private let ruleSupersedes: [[Int32]]
    private let reasonCount: Int
    /// Each rule's weight, read without copying the rule.
    private let ruleWeight: [Int]
    /// Each rule's language as an index into ``languages``, -1 for none.
    private let ruleLanguage: [Int32]
    /// The distinct languages the rules name.
    private let languages: [LocaleTag]

    /// Compiles a classifier from rules.
    ///
    /// - Parameter rules: The rules, in tie-break order.
    /// - Throws: ``RoutingError`` with ``RoutingError/Code/invalidClassificationRule`` naming the
    ///   path (`rules[2].patterns[0]`) of an empty or duplicate id, a weight outside 1...1000, an
    ///   empty pattern list or a malformed pattern.
    public init(rules: [ClassificationRule]) throws {
        var seen: Set<String> = []
        var patterns: [String] = []
        var owners: [Int32] = []
        var positions: [Int32] = []
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            guard !rule.id.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw RoutingError(.invalidClassificationRule, "\(path).id is empty: give every rule a name")
            }
            guard seen.insert(rule.id).inserted else {
                throw RoutingError(
                    .invalidClassificationRule,
                    "\(path).id '\(rule.id)' is used twice: rule ids must be unique"
                )
            }
            guard (1...1000).contains(rule.weight) else {
                throw RoutingError(
                    .invalidClassificationRule,
                    "\(path).weight is \(rule.weight): use a weight from 1 to 1000"
                )
            }
            guard !rule.patterns.isEmpty else {
                throw RoutingError(.invalidClassificationRule, "\(path).patterns is empty: give at least one pattern")
            }
            for position in rule.patterns.indices {
                patterns.append(rule.patterns[position])
                owners.append(Int32(index))
                positions.append(Int32(position))
            }
        }
        do {
            matcher = try PatternMatcher(patterns: patterns)
        } catch {
            let rule = Int(owners[error.index])
            let position = Int(positions[error.index])
            throw RoutingError(
                .invalidClassificationRule,
                "rules[\(rule)].patterns[\(position)] '\(patterns[error.index])': \(error.reason)"
            )
        }
        self.rules = rules
        patternRule = owners
        patternIndexInRule = positions
        var reasonNumbers: [ContactReason: Int32] = [:]
        func number(_ reason: ContactReason) -> Int32 {
            if let known = reasonNumbers[reason] { return known }
            let next = Int32(reasonNumbers.count)
            reasonNumbers[reason] = next
            return next
        }
        ruleReason = rules.map { number($0.reason) }
        ruleSupersedes = rules.map { $0.supersedes.map(number) }
        reasonCount = reasonNumbers.count
        ruleWeight = rules.map(\.weight)
        var languages: [LocaleTag] = []
        ruleLanguage = rules.map { rule in
            guard let language = rule.language else { return -1 }
            if let known = languages.firstIndex(of: language) { return Int32(known) }
            languages.append(language)
            return Int32(languages.count - 1)
        }
        self.languages = languages
    }

    /// Compiles a classifier from a host configuration.
    ///
    /// - Parameter configuration: Which built-in rules to keep, replace or add to.
    /// - Throws: ``RoutingError`` with ``RoutingError/Code/invalidClassificationRule`` naming the
    ///   path in the configuration: a malformed host rule as ``init(rules:)`` reports it
    ///   (`rules[0].patterns[2]`), or a `disabledRules` entry that names no rule (`disabledRules[1]`).
    public init(configuration: ClassifierConfiguration) throws {
        _ = try ReasonClassifier(rules: configuration.rules)
        let known = Set(configuration.rules.map(\.id))
            .union(configuration.includeBuiltIn ? ClassificationRule.builtIn.map(\.id) : [])
        for (index, id) in configuration.disabledRules.enumerated() where !known.contains(id) {
            throw RoutingError(
                .invalidClassificationRule,
                "disabledRules[\(index)] '\(id)' names no rule: use an id such as 'en.feedback' or one of your rules"
            )
        }
        try self.init(rules: configuration.effectiveRules)
    }

    /// The classifier with the built-in English, Russian and Spanish rules, ``ClassificationRule/builtIn``.
    public static let builtIn: ReasonClassifier = {
        do {
            return try ReasonClassifier(rules: ClassificationRule.builtIn)
        } catch {
            preconditionFailure("the built-in classification rules are invalid: \(error)")
        }
    }()

    /// Classifies a message.
    ///
    /// - Parameters:
    ///   - subject: The subject line, if the channel has one; its matches count twice.
    ///   - body: The message text; only its first 4,096 characters are read.
    ///   - explicitReason: A reason the message carries itself, such as a web form's field.
    /// - Returns: The reason with the rule that produced it, and the language whose rules found the
    ///   most in the message (also when the reason was explicit).
    public func classify(subject: String?, body: String, explicitReason: ContactReason? = nil) -> Classification {
        // The scratch space lives on the stack: a classification allocates only what it returns.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: matcher.patternCount) { marks in
            marks.initialize(repeating: 0)
            // Room for a typical message's matches from the start: growing an array one doubling at a
            // time cost a reallocation each, about a tenth of a classification.
            var found: [Int32] = []
            found.reserveCapacity(16)
            var hits: [UInt64] = []
            hits.reserveCapacity(64)
            if let subject { matcher.mark(in: subject, points: 2, into: marks, found: &found, hits: &hits) }
            matcher.mark(in: body, points: 1, into: marks, found: &found, hits: &hits)
            // In pattern order, as a scan of every mark would visit them.
            found.sort()
            var classification = decide(UnsafeBufferPointer(marks), found)
            if let explicitReason, explicitReason != .other {
                classification = Classification(reason: explicitReason, source: .explicit)
            }
            classification.language = language(of: UnsafeBufferPointer(marks), found)
            return classification
        }
    }

    /// The language whose rules scored the most points, or `nil` when nothing matched, the matching rules
    /// name no language, or two languages tie.
    private func language(of marks: UnsafeBufferPointer<UInt8>, _ found: [Int32]) -> LocaleTag? {
        guard !found.isEmpty, !languages.isEmpty else { return nil }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: languages.count) { points in
            points.initialize(repeating: 0)
            for pattern in found {
                let rule = Int(patternRule[Int(pattern)])
                let language = Int(ruleLanguage[rule])
                if language >= 0 { points[language] += ruleWeight[rule] * Int(marks[Int(pattern)]) }
            }
            var top = 0
            var winner: Int?
            for (index, score) in points.enumerated() where score > 0 {
                if score > top {
                    top = score
                    winner = index
                } else if score == top {
                    winner = nil
                }
            }
            return winner.map { languages[$0] }
        }
    }

    private func decide(_ marks: UnsafeBufferPointer<UInt8>, _ found: [Int32]) -> Classification {
        guard !found.isEmpty else { return Classification(reason: .other, source: .fallback) }
        let count = rules.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count) { storage in
            let scores = UnsafeMutableBufferPointer(rebasing: storage[0..<count])
            let best = UnsafeMutableBufferPointer(rebasing: storage[count...])
            scores.initialize(repeating: 0)
            best.initialize(repeating: -1)
            for pattern in found {
                let pattern = Int(pattern)
                let mark = marks[pattern]
                let rule = Int(patternRule[pattern])
                scores[rule] += ruleWeight[rule] * Int(mark)
                if best[rule] < 0 || marks[best[rule]] < mark { best[rule] = pattern }
            }
            return withUnsafeTemporaryAllocation(of: Bool.self, capacity: reasonCount) { superseded in
                superseded.initialize(repeating: false)
                for index in 0..<count where scores[index] > 0 {
                    for reason in ruleSupersedes[index] { superseded[Int(reason)] = true }
                }
                var winner = pick(scores, excluding: superseded)
                if winner == nil { winner = pick(scores, excluding: nil) }
                guard let winner else { return Classification(reason: .other, source: .fallback) }
                return classification(winner, best[winner], scores[winner])
            }
        }
    }

    /// The classification of a winning rule, with the pattern that counted most.
    private func classification(_ winner: Int, _ pattern: Int, _ score: Int) -> Classification {
        let rule = rules[winner]
        return Classification(
            reason: rule.reason,
            source: .rule,
            ruleID: rule.id,
            matchedPattern: rule.patterns[Int(patternIndexInRule[pattern])],
            score: score
        )
    }

    private func pick(
        _ scores: UnsafeMutableBufferPointer<Int>,
        excluding superseded: UnsafeMutableBufferPointer<Bool>?
    ) -> Int? {
        var winner: Int?
        for index in rules.indices where scores[index] > 0 && superseded?[Int(ruleReason[index])] != true {
            guard let current = winner else {
                winner = index
                continue
            }
            if scores[index] > scores[current]
                || (scores[index] == scores[current] && ruleWeight[index] > ruleWeight[current])
            {
                winner = index
            }
        }
        return winner
    }
}
