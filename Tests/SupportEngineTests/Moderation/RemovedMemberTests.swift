import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// The host's account system, as the desk's access hook sees it: it records every revocation, and
/// can be told to fail once.
final class RecordingAccess: MemberAccess, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [AccessRevocation] = []
    private var failuresLeft = 0

    var revocations: [AccessRevocation] { lock.withLock { recorded } }

    func failNext() { lock.withLock { failuresLeft = 1 } }

    func revokeAccess(_ revocation: AccessRevocation) async throws {
        try lock.withLock {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw StoreError(.unavailable, "the account service is down")
            }
            recorded.append(revocation)
        }
    }
}

@Suite("Removed members: intake and the host's access hook")
struct RemovedMemberTests {
    /// Removes boris (who does not pay) by three reports on one ticket.
    private func remove(_ harness: PolicyDeskHarness) async throws {
        let (ticket, first) = try await harness.open("boris", body: "You are all useless")
        var message = first
        for index in 0..<3 {
            if index > 0 {
                message = try await harness.write("boris", on: ticket, body: "Useless \(index)", id: "M-b\(index)")
            }
            harness.clock.advance(by: 3600)
            try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
    }

    @Test("a removed member's new message is kept, solved and tagged, told once a day, never queued")
    func removedMembersMessageOpensNoNormalTicket() async throws {
        let harness = PolicyDeskHarness()
        try await remove(harness)
        let sentBefore = harness.email.sentMessages.count
        let receive = { (id: String) in
            try await harness.desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: id,
                    sender: "boris",
                    body: "Let me back in",
                    receivedAt: harness.clock.now
                )
            ).ticket
        }
        let ticket = try await receive("after-1")
        #expect(ticket.status == .solved)
        #expect(ticket.tags == ["removed-member"])
        #expect(ticket.assignee == nil)
        #expect(ticket.sla.running.isEmpty)
        #expect(ticket.messages.filter { $0.kind == .automatic }.map(\.templateKey) == ["removed_member"])
        #expect(ticket.messages.contains { $0.body == "Let me back in" }, "the message is kept")
        #expect(try await !harness.desk.agents.queue().contains(ticket.id))
        #expect(harness.email.sentMessages.count == sentBefore + 1)
        #expect(harness.email.sentMessages.last?.body.contains("membership of the club has ended") == true)
        let second = try await receive("after-2")
        #expect(second.messages.filter { $0.kind == .automatic }.isEmpty, "one notice a day, not one per message")
        #expect(harness.email.sentMessages.count == sentBefore + 1)
    }

    @Test("removing a member calls the host's hook once; a member in good standing opens a normal ticket")
    func removalRevokesAccess() async throws {
        let access = RecordingAccess()
        let harness = PolicyDeskHarness(access: access)
        try await remove(harness)
        #expect(access.revocations.map(\.member) == ["boris"])
        #expect(access.revocations.first?.cause == .removal(ledgerEntry: 3))
        let (ticket, _) = try await harness.open("anna", id: "anna-1")
        #expect(try await harness.desk.agentView(of: ticket).ticket.status == .new)
    }

    @Test("the owner's approval of a paying member's removal calls the hook; a failing hook's error reaches the caller")
    func approvedRemovalRevokesAccess() async throws {
        let access = RecordingAccess()
        let harness = PolicyDeskHarness(access: access)
        let (ticket, first) = try await harness.open("anna", body: "You are all useless", id: "anna-in")
        var message = first
        for index in 0..<3 {
            if index > 0 {
                message = try await harness.write("anna", on: ticket, body: "Again \(index)", id: "M-a\(index)")
            }
            harness.clock.advance(by: 3600)
            try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(access.revocations.isEmpty, "a pending removal does not end access")
        try await harness.desk.moderation.approveRemoval(of: "anna", by: .owner("olga"))
        #expect(access.revocations.map(\.cause) == [.removal(ledgerEntry: 4)])
        #expect(access.revocations.first?.member == "anna")

        // boris's removal with the account service down: the removal stands, the caller hears of it.
        access.failNext()
        await #expect(throws: StoreError.self) { try await remove(harness) }
        let ledger = try #require(try await harness.desk.moderation.ledger(of: "boris"))
        #expect(ledger.standing(at: harness.clock.now) == .removed)
        #expect(access.revocations.map(\.member) == ["anna"])
    }

    @Test("an approved refund whose outcomes end access calls the hook; an escalation does not")
    func refundRevokesAccess() async throws {
        let access = RecordingAccess()
        let harness = PolicyDeskHarness(access: access)
        let late = harness.facts("anna", paidDaysAgo: 20)
        let escalated = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: late,
            message: "I forgot to cancel",
            by: .member("anna")
        )
        #expect(escalated.decision.verdict == .escalateToOwner)
        #expect(access.revocations.isEmpty)
        let approved = try await harness.desk.refunds.approve("rq-1", of: "anna", facts: late, by: .owner("olga"))
        #expect(approved.decision.actionableOutcomes.contains(.revokeAccess))
        #expect(access.revocations.map(\.cause) == [.refund("rq-1")])
        #expect(access.revocations.first?.member == "anna")
    }
}
