import Foundation
import PriorityRouting
import Testing

@Suite("Priority rules")
struct PriorityPolicyTests {
    struct DefaultCase: Sendable, CustomTestStringConvertible {
        var reason: ContactReason
        var segment: MemberSegment?
        var priority: Priority
        var rule: String?
        var testDescription: String { "\(reason)/\(segment?.rawValue ?? "-") -> \(priority)" }
    }

    static let defaultCases: [DefaultCase] = [
        DefaultCase(reason: .access, segment: .regular, priority: .urgent, rule: "burning-access"),
        DefaultCase(reason: .access, segment: nil, priority: .urgent, rule: "burning-access"),
        DefaultCase(reason: .billing, segment: .leaving, priority: .urgent, rule: "burning-money"),
        DefaultCase(reason: .refund, segment: .regular, priority: .urgent, rule: "burning-money"),
        DefaultCase(reason: .feedback, segment: .newcomer, priority: .normal, rule: "feedback-from-new-members"),
        DefaultCase(reason: .feedback, segment: .regular, priority: .low, rule: "feedback"),
        DefaultCase(reason: .personalConsultation, segment: .regular, priority: .low, rule: "out-of-scope"),
        DefaultCase(reason: .contentQuestion, segment: .prospect, priority: .high, rule: "prospect-deciding"),
        DefaultCase(reason: .preSales, segment: nil, priority: .high, rule: "joining"),
        DefaultCase(reason: .registration, segment: .regular, priority: .high, rule: "joining"),
        DefaultCase(reason: .brokenFeature, segment: .newcomer, priority: .high, rule: "newcomer"),
        DefaultCase(reason: .brokenFeature, segment: .regular, priority: .normal, rule: nil),
        DefaultCase(reason: .cancelSubscription, segment: .leaving, priority: .normal, rule: nil),
        DefaultCase(reason: .other, segment: nil, priority: .normal, rule: nil),
    ]

    @Test("The built-in policy follows the seeds", arguments: defaultCases)
    func builtIn(_ testCase: DefaultCase) {
        let decision = PriorityPolicy.builtIn.decide(PriorityInput(reason: testCase.reason, segment: testCase.segment))
        #expect(decision == PriorityDecision(priority: testCase.priority, ruleName: testCase.rule))
        #expect(decision.isDefault == (testCase.rule == nil))
    }

    @Test("First match wins, and every condition field must hold")
    func firstMatchWins() throws {
        let policy = try PriorityPolicy(
            rules: [
                PriorityRule(
                    name: "gold-chat",
                    when: PriorityCondition(channels: [.liveChat], tiers: ["Gold"]),
                    priority: .urgent
                ),
                PriorityRule(name: "gold", when: PriorityCondition(tiers: ["gold", "platinum"]), priority: .high),
                PriorityRule(name: "vip-tag", when: PriorityCondition(tags: ["VIP"]), priority: .high),
                PriorityRule(name: "catch-all", when: PriorityCondition(), priority: .low),
            ],
            defaultPriority: .normal
        )
        #expect(policy.decide(PriorityInput(reason: .other, channel: .liveChat, tier: "GOLD")).ruleName == "gold-chat")
        #expect(policy.decide(PriorityInput(reason: .other, channel: .email, tier: "gold")).ruleName == "gold")
        #expect(policy.decide(PriorityInput(reason: .other, tier: "platinum")).priority == .high)
        #expect(policy.decide(PriorityInput(reason: .other, tags: ["vip", "x"])).ruleName == "vip-tag")
        #expect(
            policy.decide(PriorityInput(reason: .other, tier: "bronze"))
                == PriorityDecision(priority: .low, ruleName: "catch-all")
        )
    }

    @Test("Keywords match in any language, with stems and folding")
    func keywords() throws {
        let policy = try PriorityPolicy(rules: [
            PriorityRule(
                name: "hurry",
                when: PriorityCondition(keywords: ["urgent*", "срочн*", "urgente", "as soon as possible"]),
                priority: .high
            )
        ])
        let texts = ["URGENT please", "Это СРОЧНО!", "es urgente", "reply as soon as possible"]
        for text in texts {
            #expect(policy.decide(PriorityInput(reason: .other, body: text)).ruleName == "hurry", "\(text)")
        }
        #expect(policy.decide(PriorityInput(reason: .other, subject: "Срочный вопрос", body: "")).priority == .high)
        #expect(policy.decide(PriorityInput(reason: .other, body: "when you can")).isDefault)
    }

    @Test("A segment, channel or tier condition never matches an unknown value")
    func unknownValues() throws {
        let policy = try PriorityPolicy(rules: [
            PriorityRule(name: "s", when: PriorityCondition(segments: [.prospect]), priority: .high),
            PriorityRule(name: "c", when: PriorityCondition(channels: [.phone]), priority: .high),
            PriorityRule(name: "t", when: PriorityCondition(tiers: ["gold"]), priority: .high),
        ])
        #expect(policy.decide(PriorityInput(reason: .other)).isDefault)
    }

    @Test("Policies decode from JSON, round-trip, and report bad rules with their path")
    func json() throws {
        let json = """
            {"defaultPriority": "low",
             "rules": [{"name": "vip", "when": {"tiers": ["gold"], "reasons": ["billing"]}, "priority": "urgent"}]}
            """
        let policy = try JSONDecoder().decode(PriorityPolicy.self, from: Data(json.utf8))
        #expect(policy.defaultPriority == .low)
        #expect(policy.decide(PriorityInput(reason: .billing, tier: "gold")).priority == .urgent)
        let again = try JSONDecoder().decode(PriorityPolicy.self, from: try JSONEncoder().encode(policy))
        #expect(again == policy)
        let builtIn = try JSONDecoder().decode(
            PriorityPolicy.self,
            from: try JSONEncoder().encode(PriorityPolicy.builtIn)
        )
        #expect(builtIn == PriorityPolicy.builtIn)

        let bad = """
            {"rules": [{"name": "a", "when": {}, "priority": "low"},
                       {"name": "b", "when": {"keywords": ["fine", "*"]}, "priority": "low"}]}
            """
        let error = #expect(throws: RoutingError.self) {
            try JSONDecoder().decode(PriorityPolicy.self, from: Data(bad.utf8))
        }
        #expect(error?.code == .invalidPriorityRule)
        #expect(error?.message.hasPrefix("rules[1].when.keywords[1]") == true, "\(error?.message ?? "")")
    }

    @Test(
        "Malformed rules are refused",
        arguments: [
            ([PriorityRule(name: "", when: PriorityCondition(), priority: .low)], "rules[0].name"),
            (
                [
                    PriorityRule(name: "x", when: PriorityCondition(), priority: .low),
                    PriorityRule(name: "x", when: PriorityCondition(), priority: .high),
                ], "rules[1].name"
            ),
            ([PriorityRule(name: "x", when: PriorityCondition(reasons: []), priority: .low)], "rules[0].when.reasons"),
            (
                [PriorityRule(name: "x", when: PriorityCondition(tags: ["ok", " "]), priority: .low)],
                "rules[0].when.tags[1]"
            ),
            ([PriorityRule(name: "x", when: PriorityCondition(tiers: []), priority: .low)], "rules[0].when.tiers"),
        ]
    )
    func invalid(_ rules: [PriorityRule], _ path: String) {
        let error = #expect(throws: RoutingError.self) { try PriorityPolicy(rules: rules) }
        #expect(error?.message.hasPrefix(path) == true, "\(error?.message ?? "")")
    }

    @Test("Classification feeds the policy end to end")
    func endToEnd() {
        let classification = ReasonClassifier.builtIn.classify(subject: nil, body: "не могу войти в личный кабинет")
        let decision = PriorityPolicy.builtIn.decide(PriorityInput(reason: classification.reason, segment: .regular))
        #expect(decision == PriorityDecision(priority: .urgent, ruleName: "burning-access"))
    }
}
