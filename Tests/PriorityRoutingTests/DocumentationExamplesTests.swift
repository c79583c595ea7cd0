import Foundation
import PriorityRouting
import Testing

/// The examples in the Routing article (Sources/PriorityRouting/Docs.docc/Routing.md), kept honest.
@Suite("Documentation examples")
struct DocumentationExamplesTests {
    struct PatternExample: Sendable, CustomTestStringConvertible {
        var pattern: String
        var matches: [String]
        var misses: [String]
        var testDescription: String { pattern }
    }

    static let patternTable: [PatternExample] = [
        PatternExample(pattern: "refund", matches: ["Refund!", "REFUND"], misses: ["refunded"]),
        PatternExample(pattern: "refund*", matches: ["refund", "refunds", "refunded"], misses: ["prerefund"]),
        PatternExample(pattern: "подписк*", matches: ["подписка", "подписку", "подписки"], misses: ["подпись"]),
        PatternExample(
            pattern: "cancel subscri*",
            matches: ["cancel subscription", "cancel my club subscription"],
            misses: ["cancel my old club subscription", "subscription cancel"]
        ),
        PatternExample(
            pattern: "contraseña",
            matches: ["contraseña", "CONTRASENA", "contrasen\u{303}a"],
            misses: ["contraseñas"]
        ),
        PatternExample(pattern: "can't log in", matches: ["cant log in", "CAN’T LOG-IN"], misses: ["can log in"]),
    ]

    @Test("The pattern syntax table", arguments: patternTable)
    func patternSyntax(_ example: PatternExample) throws {
        let classifier = try ReasonClassifier(rules: [
            ClassificationRule(id: "x", reason: .feedback, patterns: [example.pattern])
        ])
        for text in example.matches {
            #expect(classifier.classify(subject: nil, body: text).reason == .feedback, "\(text)")
        }
        for text in example.misses {
            #expect(classifier.classify(subject: nil, body: text).reason == .other, "\(text)")
        }
    }

    @Test("The classifier configuration example")
    func classifierJSON() throws {
        let json = """
            {
              "includeBuiltIn": true,
              "disabledRules": ["en.feedback", "es.feedback"],
              "rules": [
                {"id": "club.merch", "reason": "merch", "language": "en", "weight": 40,
                 "patterns": ["t shirt*", "hoodie*", "футболк*"]},
                {"id": "ru.access", "reason": "access", "language": "ru", "weight": 25,
                 "patterns": ["не могу войти", "парол*", "доступ*", "вход"],
                 "supersedes": ["content_question"]}
              ]
            }
            """
        let configuration = try JSONDecoder().decode(ClassifierConfiguration.self, from: Data(json.utf8))
        let classifier = try ReasonClassifier(configuration: configuration)
        #expect(classifier.classify(subject: nil, body: "Hoodies in stock?").ruleID == "club.merch")
        #expect(classifier.classify(subject: nil, body: "Не могу войти").ruleID == "ru.access")
        #expect(classifier.rules.count == ClassificationRule.builtIn.count - 1)
    }

    @Test("The priority policy example")
    func policyJSON() throws {
        let json = """
            {
              "defaultPriority": "normal",
              "rules": [
                {"name": "vip-chat", "when": {"tiers": ["gold"], "channels": ["live_chat"]}, "priority": "urgent"},
                {"name": "burning-access", "when": {"reasons": ["access"]}, "priority": "urgent"},
                {"name": "burning-money", "when": {"reasons": ["billing", "refund"]}, "priority": "urgent"},
                {"name": "hurry", "when": {"keywords": ["urgent*", "срочн*", "urgente"]}, "priority": "high"},
                {"name": "press", "when": {"tags": ["press", "partner"]}, "priority": "high"},
                {"name": "feedback", "when": {"reasons": ["feedback"]}, "priority": "low"}
              ]
            }
            """
        let policy = try JSONDecoder().decode(PriorityPolicy.self, from: Data(json.utf8))
        #expect(policy.decide(PriorityInput(reason: .other, channel: .liveChat, tier: "Gold")).ruleName == "vip-chat")
        #expect(policy.decide(PriorityInput(reason: .other, body: "Срочно!")).ruleName == "hurry")
        #expect(policy.decide(PriorityInput(reason: .other, tags: ["Partner"])).ruleName == "press")
        #expect(policy.decide(PriorityInput(reason: .other)).isDefault)
    }

    @Test("The agent state example decodes")
    func agentJSON() throws {
        let json = """
            {"id": "a-7", "displayName": "Marta", "languages": ["es", "en"], "skills": ["billing", "refund"],
             "capacity": 8, "presence": "online", "isOnShift": true, "isAbsent": false,
             "substitute": "a-3", "openTickets": 5}
            """
        let state = try JSONDecoder().decode(AgentState.self, from: Data(json.utf8))
        #expect(state.canTakeTicket)
        #expect(state.freeCapacity == 3)
        #expect(state.speaks(LocaleTag(rawValue: "es-MX")))
        #expect(state.handles(.refund))
    }

    @Test("The handover note example")
    func handoverNote() {
        let agents = [
            AgentState(id: "a-1", displayName: "Anna", capacity: 5, isOnShift: false),
            AgentState(id: "a-2", displayName: "Boris", capacity: 5),
        ]
        let held = HandoverTicket(
            ticket: RoutableTicket(id: "T-42", priority: .urgent, createdAt: routingEpoch, reason: .access),
            state: .open
        )
        var assigner = Assigner(strategy: .roundRobin)
        let plan = assigner.planHandover(from: "a-1", tickets: [held], agents: agents, cause: .shiftEnded)
        #expect(
            plan.moves.first?.note
                == "Handover from Anna (a-1), end of shift: T-42 (open, urgent, access) reassigned to Boris (a-2)."
        )
    }
}
