import Foundation
import PriorityRouting
import Testing

@Suite("Classification: rules, overrides and tie-breaks")
struct ClassifierRulesTests {
    @Test("An explicit reason wins; an explicit 'other' lets the text decide")
    func explicitReason() {
        let classifier = ReasonClassifier.builtIn
        let explicit = classifier.classify(subject: nil, body: "I can't log in", explicitReason: .billing)
        #expect(explicit == Classification(reason: .billing, source: .explicit, language: .en))
        let other = classifier.classify(subject: nil, body: "I can't log in", explicitReason: .other)
        #expect(other.reason == .access)
        #expect(other.source == .rule)
    }

    @Test("The result names the rule and the pattern for the audit")
    func audit() {
        let result = ReasonClassifier.builtIn.classify(subject: nil, body: "не приходит письмо")
        #expect(result.reason == .access)
        #expect(result.ruleID == "ru.access")
        #expect(result.matchedPattern == "не приход* письм*")
        #expect(result.score == 25)
    }

    @Test(
        "The classification names the language whose rules found the most",
        arguments: [
            ("No puedo acceder a mi cuenta", LocaleTag?.some(.es)),
            ("Не могу войти, не приходит письмо", .ru),
            ("I cannot log in", .en),
            ("Hello there", nil),
        ]
    )
    func language(body: String, expected: LocaleTag?) {
        #expect(ReasonClassifier.builtIn.classify(subject: nil, body: body).language == expected)
        #expect(
            ReasonClassifier.builtIn.classify(subject: nil, body: body, explicitReason: .billing).language == expected
        )
    }

    @Test("Nothing matched falls back to other")
    func fallback() {
        let result = ReasonClassifier.builtIn.classify(subject: "", body: "")
        #expect(result == Classification(reason: .other, source: .fallback))
    }

    @Test("A refund supersedes a cancellation in every order and language")
    func refundSupersedesCancel() {
        let texts = [
            "cancel my subscription and give a refund",
            "refund me and cancel my subscription, cancel everything, unsubscribe",
            "Отменить подписку и вернуть деньги",
            "quiero cancelar y el reembolso",
        ]
        for text in texts {
            #expect(ReasonClassifier.builtIn.classify(subject: nil, body: text).reason == .refund, "\(text)")
        }
    }

    @Test("Subject matches count twice")
    func subjectCountsTwice() throws {
        let rules = [
            ClassificationRule(id: "a", reason: .billing, weight: 10, patterns: ["invoice"]),
            ClassificationRule(id: "b", reason: .feedback, weight: 15, patterns: ["idea"]),
        ]
        let classifier = try ReasonClassifier(rules: rules)
        #expect(classifier.classify(subject: nil, body: "invoice idea").reason == .feedback)
        let subject = classifier.classify(subject: "Invoice", body: "an idea")
        #expect(subject.reason == .billing)
        #expect(subject.score == 20)
    }

    @Test("Ties go to the higher weight, then to the earlier rule")
    func ties() throws {
        let rules = [
            ClassificationRule(id: "first", reason: .billing, weight: 10, patterns: ["alpha", "beta"]),
            ClassificationRule(id: "heavy", reason: .access, weight: 20, patterns: ["gamma"]),
            ClassificationRule(id: "second", reason: .feedback, weight: 10, patterns: ["delta", "epsilon"]),
        ]
        let classifier = try ReasonClassifier(rules: rules)
        #expect(classifier.classify(subject: nil, body: "alpha beta gamma").ruleID == "heavy")
        #expect(classifier.classify(subject: nil, body: "delta epsilon alpha beta").ruleID == "first")
        #expect(classifier.classify(subject: nil, body: "epsilon delta beta alpha").ruleID == "first")
    }

    @Test("Phrases allow up to two words between their words, in order")
    func phraseGap() throws {
        let classifier = try ReasonClassifier(rules: [
            ClassificationRule(id: "p", reason: .cancelSubscription, patterns: ["cancel subscri*"])
        ])
        #expect(classifier.classify(subject: nil, body: "cancel subscription").reason == .cancelSubscription)
        #expect(classifier.classify(subject: nil, body: "cancel my club subscription").reason == .cancelSubscription)
        #expect(classifier.classify(subject: nil, body: "cancel my old club subscription").reason == .other)
        #expect(classifier.classify(subject: nil, body: "subscription cancel").reason == .other)
        #expect(classifier.classify(subject: nil, body: "cancelled subscription").reason == .other)
    }

    @Test("A host rule replaces a built-in rule with the same id; new rules come first")
    func overrides() throws {
        let configuration = ClassifierConfiguration(
            disabledRules: ["en.feedback"],
            rules: [
                ClassificationRule(id: "en.access", reason: .access, weight: 25, patterns: ["portal door"]),
                ClassificationRule(id: "club.vip", reason: .billing, weight: 25, patterns: ["vip upgrade"]),
            ]
        )
        let classifier = try ReasonClassifier(configuration: configuration)
        #expect(classifier.rules.first?.id == "club.vip")
        #expect(classifier.rules.filter { $0.id == "en.access" }.count == 1)
        #expect(!classifier.rules.contains { $0.id == "en.feedback" })
        #expect(classifier.classify(subject: nil, body: "the portal door is shut").reason == .access)
        #expect(classifier.classify(subject: nil, body: "I can't log in").reason == .other)
        #expect(classifier.classify(subject: nil, body: "vip upgrade please").ruleID == "club.vip")
        #expect(classifier.classify(subject: nil, body: "thanks, awesome").reason == .other)
        #expect(classifier.classify(subject: nil, body: "не могу войти").reason == .access)
    }

    @Test("A host-defined reason works like a built-in one")
    func customReason() throws {
        let merch = ContactReason(rawValue: "merch")
        let configuration = ClassifierConfiguration(rules: [
            ClassificationRule(id: "club.merch", reason: merch, weight: 40, patterns: ["t shirt*", "футболк*"])
        ])
        let classifier = try ReasonClassifier(configuration: configuration)
        #expect(classifier.classify(subject: nil, body: "Where is my T-shirt? I paid").reason == merch)
        #expect(classifier.classify(subject: "Футболки", body: "").reason == merch)
    }

    @Test("Configuration decodes from JSON with defaults")
    func json() throws {
        let json = """
            {"disabledRules": ["es.feedback"],
             "rules": [{"id": "club.refund", "reason": "refund", "patterns": ["give it back"],
                        "supersedes": ["billing"]}]}
            """
        let configuration = try JSONDecoder().decode(ClassifierConfiguration.self, from: Data(json.utf8))
        #expect(configuration.includeBuiltIn)
        #expect(configuration.rules.first?.weight == ClassificationRule.defaultWeight)
        #expect(configuration.rules.first?.supersedes == [.billing])
        let classifier = try ReasonClassifier(configuration: configuration)
        #expect(classifier.classify(subject: nil, body: "Give it BACK").ruleID == "club.refund")
        let encoded = try JSONEncoder().encode(configuration.rules[0])
        let decoded = try JSONDecoder().decode(ClassificationRule.self, from: encoded)
        #expect(decoded == configuration.rules[0])
    }

    @Test(
        "Malformed rules are refused with the path of the bad value",
        arguments: [
            ([ClassificationRule(id: " ", reason: .access, patterns: ["x"])], "rules[0].id"),
            (
                [
                    ClassificationRule(id: "a", reason: .access, patterns: ["x"]),
                    ClassificationRule(id: "a", reason: .billing, patterns: ["y"]),
                ], "rules[1].id"
            ),
            ([ClassificationRule(id: "a", reason: .access, weight: 0, patterns: ["x"])], "rules[0].weight"),
            ([ClassificationRule(id: "a", reason: .access, patterns: [])], "rules[0].patterns"),
            ([ClassificationRule(id: "a", reason: .access, patterns: ["ok", "!!"])], "rules[0].patterns[1]"),
            ([ClassificationRule(id: "a", reason: .access, patterns: ["ab*"])], "rules[0].patterns[0]"),
            ([ClassificationRule(id: "a", reason: .access, patterns: ["*abc"])], "rules[0].patterns[0]"),
            ([ClassificationRule(id: "a", reason: .access, patterns: ["abc*def"])], "rules[0].patterns[0]"),
            ([ClassificationRule(id: "a", reason: .access, patterns: ["a b c d e f g h i"])], "rules[0].patterns[0]"),
        ]
    )
    func invalidRules(_ rules: [ClassificationRule], _ path: String) {
        let error = #expect(throws: RoutingError.self) { try ReasonClassifier(rules: rules) }
        #expect(error?.code == .invalidClassificationRule)
        #expect(error?.message.hasPrefix(path) == true, "\(error?.message ?? "")")
    }

    @Test("Configuration errors name the path in the configuration")
    func configurationErrors() {
        let typo = ClassifierConfiguration(disabledRules: ["en.feedback", "en.feedbak"])
        let disabled = #expect(throws: RoutingError.self) { try ReasonClassifier(configuration: typo) }
        #expect(disabled?.message.hasPrefix("disabledRules[1] 'en.feedbak'") == true, "\(disabled?.message ?? "")")

        let badPattern = ClassifierConfiguration(rules: [
            ClassificationRule(id: "club.a", reason: .billing, patterns: ["fine"]),
            ClassificationRule(id: "club.b", reason: .billing, patterns: ["ok", "x*"]),
        ])
        let pattern = #expect(throws: RoutingError.self) { try ReasonClassifier(configuration: badPattern) }
        #expect(pattern?.message.hasPrefix("rules[1].patterns[1]") == true, "\(pattern?.message ?? "")")

        let twice = ClassifierConfiguration(rules: [
            ClassificationRule(id: "club.a", reason: .billing, patterns: ["fine"]),
            ClassificationRule(id: "club.a", reason: .refund, patterns: ["good"]),
        ])
        let duplicate = #expect(throws: RoutingError.self) { try ReasonClassifier(configuration: twice) }
        #expect(duplicate?.message.hasPrefix("rules[1].id") == true, "\(duplicate?.message ?? "")")

        let own = ClassifierConfiguration(
            includeBuiltIn: false,
            disabledRules: ["club.a"],
            rules: [
                ClassificationRule(id: "club.a", reason: .billing, patterns: ["fine"]),
                ClassificationRule(id: "club.b", reason: .refund, patterns: ["good"]),
            ]
        )
        #expect(throws: Never.self) { try ReasonClassifier(configuration: own) }
    }

    @Test("Every built-in reason but other has a rule in every built-in language")
    func builtInCoverage() {
        for reason in ContactReason.builtIn where reason != .other {
            for language in LocaleTag.builtIn {
                #expect(ClassificationRule.builtIn.contains { $0.reason == reason && $0.language == language })
            }
        }
        #expect(ReasonClassifier.builtIn.rules == ClassificationRule.builtIn)
    }

    @Test("Long bodies are read only up to the limit")
    func longBody() {
        let padding = String(repeating: "lorem ipsum ", count: 1000)
        #expect(ReasonClassifier.builtIn.classify(subject: nil, body: "refund " + padding).reason == .refund)
        #expect(ReasonClassifier.builtIn.classify(subject: nil, body: padding + " refund").reason == .other)
    }
}
