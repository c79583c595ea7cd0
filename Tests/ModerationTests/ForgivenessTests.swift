import Foundation
import Moderation
import Testing

@Suite("Forgiveness and reversal")
struct ForgivenessTests {
    struct Expiry: Sendable, CustomTestStringConvertible {
        let name: String
        let secondViolationDay: Double
        let action: ModerationAction
        var testDescription: String { name }
    }

    // A warning on day 0; forgiveness is 180 days.
    @Test(
        arguments: [
            Expiry(name: "day 179: the warning counts", secondViolationDay: 179.9, action: .finalWarning),
            Expiry(name: "day 180: the warning expired", secondViolationDay: 180, action: .warning),
        ]
    )
    func warningsExpire(_ test: Expiry) throws {
        let ledger = try MemberLedger(member: member, isPaying: false).recording(rude(), at: t0)
        let decision = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: ledger,
            actor: agent,
            at: at(day: test.secondViolationDay)
        )
        #expect(decision.action == test.action)
    }

    @Test("an automatic expiry is not a reversal")
    func expiryIsNotReversal() throws {
        let ledger = try MemberLedger(member: member, isPaying: false).recording(rude(), at: t0)
        let policy = ModerationPolicy.standard
        let warning = try #require(ledger.entry(1))
        #expect(policy.status(of: warning, in: ledger, at: at(day: 10)) == .counting)
        #expect(policy.status(of: warning, in: ledger, at: at(day: 200)) == .expired)
        #expect(ledger.reversal(of: 1) == nil)
        #expect(ledger.entries.count == 1)
        #expect(policy.countingEntries(in: ledger, at: at(day: 200)).isEmpty)
        // A person can still reverse an expired warning, and then it is reversed, not expired.
        let reversed = try ledger.applying(ledger.reverse(entry: 1, by: agent, at: at(day: 201)))
        #expect(policy.status(of: warning, in: reversed, at: at(day: 202)) == .reversed)
    }

    @Test("a penalty still in force counts after the forgiveness window")
    func inForceCounts() throws {
        let policy = ModerationPolicy(
            ladder: [.warning, .suspension(days: 400), .removal],
            forgivenessDays: 180
        )
        var ledger = MemberLedger(member: member, isPaying: false)
        ledger = try ledger.recording(rude(), at: t0, policy: policy)
        ledger = try ledger.recording(rude(), at: at(day: 10), policy: policy)
        #expect(ledger.actions == [.warning, .suspension])
        // Day 300: the warning expired, the suspension (until day 410) is still in force and counts.
        let during = try policy.decide(violation: rude(), ledger: ledger, actor: agent, at: at(day: 300))
        #expect(during.action == .removal)
        #expect(during.countedEntries == [2])
        // Day 420: both are over.
        let after = try policy.decide(violation: rude(), ledger: ledger, actor: agent, at: at(day: 420))
        #expect(after.action == .warning)
    }

    @Test("a removal never expires")
    func removalStays() throws {
        var ledger = MemberLedger(member: member, isPaying: false)
        ledger = try ledger.recording(rude(.severe), by: owner, at: t0, policy: .standard)
        ledger = try ledger.recording(rude(), by: owner, at: at(day: 1))
        #expect(ledger.actions == [.finalWarning, .removal])
        let later = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: ledger,
            actor: agent,
            at: at(day: 1000)
        )
        #expect(later.action == .removal)
        #expect(later.countedEntries == [2])
    }

    @Test("a reversed action drops out of the count")
    func reversalDropsOut() throws {
        var ledger = MemberLedger(member: member, isPaying: false)
        ledger = try ledger.recording(rude(), at: t0)
        ledger = try ledger.recording(rude(), at: at(day: 1))
        #expect(ledger.actions == [.warning, .finalWarning])
        let reversal = try ledger.reverse(entry: 2, by: agent, at: at(day: 2), note: "misread the message")
        #expect(reversal.templateKey == "moderation.reversal")
        #expect(reversal.entry.target == 2)
        ledger = try ledger.applying(reversal)
        let next = try ModerationPolicy.standard.decide(violation: rude(), ledger: ledger, actor: agent, at: at(day: 3))
        #expect(next.action == .finalWarning)
        #expect(next.countedEntries == [1])
    }

    struct BadReversal: Sendable, CustomTestStringConvertible {
        let name: String
        let entry: Int
        let actor: SupportActor
        let code: ModerationError.Code
        var testDescription: String { name }
    }

    // Ledger: 1 warning, 2 reversal of 1, 3 final warning.
    @Test(
        arguments: [
            BadReversal(name: "the system cannot reverse", entry: 3, actor: .system, code: .notAuthorized),
            BadReversal(name: "a member cannot reverse", entry: 3, actor: .member(member), code: .notAuthorized),
            BadReversal(name: "unknown entry", entry: 9, actor: agent, code: .unknownEntry),
            BadReversal(name: "a reversal is not a penalty", entry: 2, actor: agent, code: .notReversible),
            BadReversal(name: "already reversed", entry: 1, actor: agent, code: .alreadyReversed),
        ]
    )
    func reversalRefused(_ test: BadReversal) throws {
        var ledger = try MemberLedger(member: member, isPaying: false).recording(rude(), at: t0)
        ledger = try ledger.applying(ledger.reverse(entry: 1, by: agent, at: at(day: 1)))
        ledger = try ledger.recording(rude(.severe), at: at(day: 2))
        let error = try #require(throws: ModerationError.self) {
            try ledger.reverse(entry: test.entry, by: test.actor, at: at(day: 3))
        }
        #expect(error.code == test.code, "\(error)")
    }
}
