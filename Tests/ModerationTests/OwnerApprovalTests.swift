import Foundation
import Moderation
import Testing

@Suite("Removal of paying members")
struct OwnerApprovalTests {
    /// A member with a warning and a final warning, one violation away from removal.
    func atTheEdge(paying: Bool) throws -> MemberLedger {
        var ledger = MemberLedger(member: member, isPaying: paying)
        ledger = try ledger.recording(rude(), at: t0)
        return try ledger.recording(rude(), at: at(day: 1))
    }

    struct Removal: Sendable, CustomTestStringConvertible {
        let paying: Bool
        let actor: SupportActor
        let action: ModerationAction
        let rule: String
        var testDescription: String { "paying \(paying), \(actor) → \(action)" }
    }

    @Test(
        arguments: [
            Removal(paying: true, actor: agent, action: .pendingRemoval, rule: "removal.payingMemberNeedsOwner"),
            Removal(paying: true, actor: .system, action: .pendingRemoval, rule: "removal.payingMemberNeedsOwner"),
            Removal(paying: true, actor: owner, action: .removal, rule: "ladder[2]"),
            Removal(paying: false, actor: agent, action: .removal, rule: "ladder[2]"),
            Removal(paying: false, actor: .system, action: .removal, rule: "ladder[2]"),
        ]
    )
    func removalNeedsOwnerForPayingMembers(_ test: Removal) throws {
        let ledger = try atTheEdge(paying: test.paying)
        let decision = try ModerationPolicy.standard.decide(
            violation: rude(),
            ledger: ledger,
            actor: test.actor,
            at: at(day: 2)
        )
        #expect(decision.action == test.action)
        #expect(decision.rule == test.rule)
        #expect(decision.templateKey == (test.action == .removal ? "moderation.removal" : nil))
    }

    func pending() throws -> MemberLedger {
        let ledger = try atTheEdge(paying: true).recording(rude(), by: agent, at: at(day: 2))
        try #require(ledger.openPendingRemovals.map(\.id) == [3])
        return ledger
    }

    @Test(
        "only the owner approves or declines a pending removal",
        arguments: [SupportActor.agent("a-1"), .system, .member("m-1")]
    )
    func onlyOwnerResolves(_ actor: SupportActor) throws {
        let ledger = try pending()
        let approve = try #require(throws: ModerationError.self) {
            try ledger.approvePendingRemoval(by: actor, at: at(day: 3))
        }
        #expect(approve.code == .notAuthorized)
        let decline = try #require(throws: ModerationError.self) {
            try ledger.declinePendingRemoval(by: actor, at: at(day: 3))
        }
        #expect(decline.code == .notAuthorized)
    }

    @Test("a pending removal keeps the member out of re-engagement; approval removes them")
    func ownerApproves() throws {
        var ledger = try pending()
        #expect(ledger.standing(at: at(day: 2)) == .pendingRemoval)
        #expect(!ledger.mayReceiveReengagement(at: at(day: 2)))
        let approval = try ledger.approvePendingRemoval(by: owner, at: at(day: 3), note: "agreed")
        #expect(approval.templateKey == "moderation.removal")
        #expect(approval.entry.target == 3)
        ledger = try ledger.applying(approval)
        #expect(ledger.standing(at: at(day: 4)) == .removed)
        #expect(ledger.openPendingRemovals.isEmpty)
        let again = try #require(throws: ModerationError.self) {
            try ledger.approvePendingRemoval(by: owner, at: at(day: 4))
        }
        #expect(again.code == .noPendingRemoval)
    }

    @Test("a declined removal no longer counts and the member stays")
    func ownerDeclines() throws {
        var ledger = try pending()
        let decline = try ledger.declinePendingRemoval(by: owner, at: at(day: 3))
        #expect(decline.templateKey == nil)
        ledger = try ledger.applying(decline)
        #expect(ledger.standing(at: at(day: 4)) == .inGoodStanding)
        let entry = try #require(ledger.entry(3))
        #expect(ModerationPolicy.standard.status(of: entry, in: ledger, at: at(day: 4)) == .declined)
        // The next violation goes to the owner again.
        let next = try ModerationPolicy.standard.decide(violation: rude(), ledger: ledger, actor: agent, at: at(day: 5))
        #expect(next.action == .pendingRemoval)
        #expect(next.countedEntries == [1, 2])
    }

    @Test("one resolution settles every open pending removal before it")
    func resolutionSettlesAll() throws {
        var ledger = try pending()
        ledger = try ledger.recording(rude(), by: otherAgent, at: at(day: 2.5))
        #expect(ledger.openPendingRemovals.map(\.id) == [3, 4])
        ledger = try ledger.applying(ledger.approvePendingRemoval(by: owner, at: at(day: 3)))
        #expect(ledger.openPendingRemovals.isEmpty)
        #expect(ledger.entry(5)?.target == 4)
    }

    @Test("earlier pending removals follow the one the owner's resolution named")
    func settledTogether() throws {
        var ledger = try pending()
        ledger = try ledger.recording(rude(), by: otherAgent, at: at(day: 2.5))
        ledger = try ledger.applying(ledger.approvePendingRemoval(by: owner, at: at(day: 3)))
        #expect(ledger.superseding(pendingRemoval: 3)?.id == 4)
        #expect(ledger.superseding(pendingRemoval: 4) == nil)
        #expect(ledger.standing(at: at(day: 3)) == .removed)
        let wrongEntry = try #require(throws: ModerationError.self) {
            try ledger.reverse(entry: 3, by: owner, at: at(day: 4))
        }
        #expect(wrongEntry.code == .notReversible)
        #expect(wrongEntry.message.contains("reverse entry 4"))
        ledger = try ledger.applying(ledger.reverse(entry: 4, by: owner, at: at(day: 4)))
        #expect(ledger.standing(at: at(day: 5)) == .inGoodStanding)
        let policy = ModerationPolicy.standard
        #expect(policy.status(of: try #require(ledger.entry(3)), in: ledger, at: at(day: 5)) == .reversed)
        #expect(policy.countingEntries(in: ledger, at: at(day: 5)).map(\.id) == [1, 2])
    }

    @Test("a decline settles earlier pending removals as declined")
    func declinedTogether() throws {
        var ledger = try pending()
        ledger = try ledger.recording(rude(), by: otherAgent, at: at(day: 2.5))
        ledger = try ledger.applying(ledger.declinePendingRemoval(by: owner, at: at(day: 3)))
        let policy = ModerationPolicy.standard
        #expect(policy.status(of: try #require(ledger.entry(3)), in: ledger, at: at(day: 3)) == .declined)
        #expect(ledger.standing(at: at(day: 3)) == .inGoodStanding)
    }

    @Test("reversing an approved removal of a paying member needs the owner")
    func reversingRemoval() throws {
        var ledger = try pending()
        ledger = try ledger.applying(ledger.approvePendingRemoval(by: owner, at: at(day: 3)))
        let byAgent = try #require(throws: ModerationError.self) {
            try ledger.reverse(entry: 3, by: agent, at: at(day: 4))
        }
        #expect(byAgent.code == .notAuthorized)
        let approvalEntry = try #require(throws: ModerationError.self) {
            try ledger.reverse(entry: 4, by: owner, at: at(day: 4))
        }
        #expect(approvalEntry.code == .notReversible)
        ledger = try ledger.applying(ledger.reverse(entry: 3, by: owner, at: at(day: 4)))
        #expect(ledger.standing(at: at(day: 5)) == .inGoodStanding)
        #expect(ledger.mayReceiveReengagement(at: at(day: 5)))
    }

    @Test("an open pending removal is declined, not reversed")
    func openPendingIsNotReversed() throws {
        let ledger = try pending()
        let error = try #require(throws: ModerationError.self) {
            try ledger.reverse(entry: 3, by: owner, at: at(day: 3))
        }
        #expect(error.code == .notReversible)
    }
}
