import Foundation
import Moderation
import Testing

@Suite("The ladder")
struct LadderTests {
    @Test("warning, final warning, removal, and past the last step it stays at removal")
    func climbs() throws {
        var ledger = MemberLedger(member: member, isPaying: false)
        var templates: [String?] = []
        for index in 0..<4 {
            let decision = try ModerationPolicy.standard.decide(
                violation: rude(),
                ledger: ledger,
                actor: agent,
                at: at(day: Double(index))
            )
            templates.append(decision.templateKey)
            ledger = try ledger.applying(decision)
        }
        #expect(ledger.actions == [.warning, .finalWarning, .removal, .removal])
        #expect(ledger.entries.map(\.step) == [0, 1, 2, 2])
        #expect(
            templates == ["moderation.warning", "moderation.final_warning", "moderation.removal", "moderation.removal"]
        )
        #expect(ledger.version == 4)
        #expect(ledger.standing(at: at(day: 5)) == .removed)
    }

    struct Start: Sendable, CustomTestStringConvertible {
        let severity: Severity
        let action: ModerationAction
        let rule: String
        var testDescription: String { "\(severity) → \(action)" }
    }

    @Test(
        "a severe violation can start higher",
        arguments: [
            Start(severity: .minor, action: .warning, rule: "ladder[0]"),
            Start(severity: .major, action: .warning, rule: "ladder[0]"),
            Start(severity: .severe, action: .finalWarning, rule: "startingStep.severe"),
        ]
    )
    func startingStep(_ test: Start) throws {
        let ledger = MemberLedger(member: member, isPaying: false)
        let decision = try ModerationPolicy.standard.decide(
            violation: rude(test.severity),
            ledger: ledger,
            actor: agent,
            at: t0
        )
        #expect(decision.action == test.action)
        #expect(decision.rule == test.rule)
        #expect(decision.basedOnVersion == 0)
        #expect(decision.countedEntries.isEmpty)
    }

    @Test("a severe violation after a warning goes at least to its starting step")
    func severeAfterWarning() throws {
        let policy = ModerationPolicy(
            ladder: [.warning, .finalWarning, .suspension(days: 7), .removal],
            forgivenessDays: 180,
            startingStep: .init(minor: 0, major: 1, severe: 3)
        )
        let warned = try MemberLedger(member: member, isPaying: false).recording(rude(), at: t0, policy: policy)
        let decision = try policy.decide(violation: rude(.severe), ledger: warned, actor: agent, at: at(day: 1))
        #expect(decision.action == .removal)
        #expect(decision.countedEntries == [1])
        let major = try policy.decide(violation: rude(.major), ledger: warned, actor: agent, at: at(day: 1))
        #expect(major.action == .finalWarning)
        #expect(major.rule == "ladder[1]")
    }

    @Test("a configured suspension step suspends for its days")
    func suspensionStep() throws {
        let policy = ModerationPolicy(
            ladder: [.warning, .suspension(days: 7), .removal],
            forgivenessDays: 30
        )
        var ledger = MemberLedger(member: member, isPaying: true)
        ledger = try ledger.recording(rude(), at: t0, policy: policy)
        let decision = try policy.decide(violation: rude(), ledger: ledger, actor: agent, at: at(day: 1))
        #expect(decision.action == .suspension)
        #expect(decision.entry.until == at(day: 8))
        #expect(decision.templateKey == "moderation.suspension")
        ledger = try ledger.applying(decision)
        #expect(ledger.standing(at: at(day: 2)) == .suspended(until: at(day: 8)))
        #expect(ledger.standing(at: at(day: 8)) == .inGoodStanding)
    }

    @Test("every entry records actor, instant, violation, ticket and message")
    func entriesCarryEverything() throws {
        let violation = Violation(.spam, severity: .major, ticket: "T-9", message: "M-3", note: "links")
        let ledger = try MemberLedger(member: member, isPaying: false).recording(
            violation,
            by: otherAgent,
            at: at(day: 2)
        )
        let entry = try #require(ledger.entry(1))
        #expect(entry.actor == otherAgent)
        #expect(entry.at == at(day: 2))
        #expect(entry.violation == violation)
        #expect(entry.ticket == "T-9")
        #expect(entry.message == "M-3")
        #expect(ledger.entry(0) == nil)
        #expect(ledger.entry(2) == nil)
    }

    @Test("host-defined kinds work like built-in ones")
    func hostKinds() throws {
        let doxxing = ViolationKind(rawValue: "doxxing")
        #expect(!ViolationKind.builtIn.contains(doxxing))
        #expect(ViolationKind.builtIn.contains(.supportLineMisuse))
        let decision = try ModerationPolicy.standard.decide(
            violation: Violation(doxxing, severity: .severe),
            ledger: MemberLedger(member: member, isPaying: false),
            actor: .system,
            at: t0
        )
        #expect(decision.entry.violation?.kind.rawValue == "doxxing")
        #expect(decision.action == .finalWarning)
    }

    @Test("a member cannot moderate, and decisions must not go back in time")
    func roleAndOrder() throws {
        let ledger = try MemberLedger(member: member, isPaying: false).recording(rude(), at: at(day: 5))
        let byMember = try #require(throws: ModerationError.self) {
            try ModerationPolicy.standard.decide(
                violation: rude(),
                ledger: ledger,
                actor: .member("m-2"),
                at: at(day: 6)
            )
        }
        #expect(byMember.code == .notAuthorized)
        let early = try #require(throws: ModerationError.self) {
            try ModerationPolicy.standard.decide(violation: rude(), ledger: ledger, actor: agent, at: at(day: 4))
        }
        #expect(early.code == .outOfOrder)
    }
}
