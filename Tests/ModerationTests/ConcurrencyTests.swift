import Foundation
import Moderation
import Testing

@Suite("Ledger versions")
struct ConcurrencyTests {
    @Test("two moderators at once: the second sees a conflict, not a double penalty")
    func concurrentModerators() throws {
        let ledger = try MemberLedger(member: member, isPaying: false).recording(rude(), at: t0)
        // Both read version 1 and decide a final warning for the same message.
        let first = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: ledger,
            actor: agent,
            at: at(day: 1)
        )
        let second = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: ledger,
            actor: otherAgent,
            at: at(day: 1)
        )
        #expect(first.basedOnVersion == 1)
        #expect(second.basedOnVersion == 1)
        let afterFirst = try ledger.applying(first)
        let error = try #require(throws: ModerationError.self) { try afterFirst.applying(second) }
        #expect(error.code == .conflict)
        #expect(error.message.contains("reload"))
        #expect(afterFirst.actions == [.warning, .finalWarning])
        #expect(afterFirst.version == 2)
        // Reloaded, the second moderator sees the final warning already given.
        let retry = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: afterFirst,
            actor: otherAgent,
            at: at(day: 1)
        )
        #expect(retry.countedEntries == [1, 2])
    }

    @Test("resolutions are versioned too: an approval and a reversal made at once conflict")
    func resolutionsConflict() throws {
        var ledger = MemberLedger(member: member, isPaying: true)
        for index in 0..<3 {
            ledger = try ledger.recording(rude(), at: at(day: Double(index)))
        }
        let approve = try ledger.approvePendingRemoval(by: owner, at: at(day: 4))
        let reverse = try ledger.reverse(entry: 2, by: agent, at: at(day: 4))
        let approved = try ledger.applying(approve)
        #expect(throws: ModerationError.self) { try approved.applying(reverse) }
    }

    @Test("changing the paying state raises the version, so a stale decision conflicts")
    func payingStateIsVersioned() throws {
        var ledger = MemberLedger(member: member, isPaying: false)
        ledger = try ledger.recording(rude(), at: t0)
        ledger = try ledger.recording(rude(), at: at(day: 1))
        let removal = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: ledger,
            actor: agent,
            at: at(day: 2)
        )
        #expect(removal.action == .removal)
        let nowPaying = ledger.settingPaying(true)
        #expect(nowPaying.version == ledger.version + 1)
        #expect(nowPaying.settingPaying(true) == nowPaying)
        let error = try #require(throws: ModerationError.self) { try nowPaying.applying(removal) }
        #expect(error.code == .conflict)
        let redecided = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: nowPaying,
            actor: agent,
            at: at(day: 2)
        )
        #expect(redecided.action == .pendingRemoval)
    }

    @Test("a decision for another member does not apply")
    func memberMismatch() throws {
        let decision = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: MemberLedger(member: "m-2", isPaying: false),
            actor: agent,
            at: t0
        )
        let error = try #require(throws: ModerationError.self) {
            try MemberLedger(member: member, isPaying: false).applying(decision)
        }
        #expect(error.code == .memberMismatch)
    }
}
