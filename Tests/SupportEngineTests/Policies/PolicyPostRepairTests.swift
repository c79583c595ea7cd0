import Foundation
import SupportEngineTesting
import Testing

@testable import SupportEngine

/// Before the fix a refund or moderation change whose ticket post failed stayed half-done until someone
/// retried the call: nothing remembered that the member was owed a message. The repair here runs on a
/// second desk, as after a restart, so what it finishes comes from the store, not from a desk's memory.
@Suite("The desk's repair finishes the posts policy changes owe")
struct PolicyPostRepairTests {
    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func anOwnerApprovalWhosePostFailedIsAnnouncedOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 20)
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund",
            by: .member("anna")
        )
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        }
        let restarted = harness.secondDesk()
        #expect(try await restarted.finishOwedPolicyPosts() == 1)
        #expect(try await restarted.finishOwedPolicyPosts() == 0, "nothing is owed any more")
        let automatic = try await harness.automaticMessages(of: asked.ticket.id)
        #expect(automatic.map(\.templateKey) == ["refund.escalated", "refund.approved.goodwill"])
        #expect(try await harness.notes(of: asked.ticket.id).count == 2)
        #expect(harness.email.sentMessages.count == 2)
        #expect(try await harness.ledgers.pendingPolicyPosts(of: nil, limit: 10).isEmpty)
    }

    @Test(arguments: FaultInjectingTicketStore.Timing.allCases)
    func aWarningWhosePostFailedIsAnnouncedOnce(timing: FaultInjectingTicketStore.Timing) async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await harness.open("boris", body: "Rude words")
        harness.faults.failNext(.commit, timing)
        await #expect(throws: StoreError.self) {
            try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(try await harness.secondDesk().finishOwedPolicyPosts() == 1)
        #expect(try await harness.automaticMessages(of: ticket).map(\.templateKey) == ["moderation.warning"])
        #expect(try await harness.notes(of: ticket).count == 1)
        #expect(harness.email.sentMessages.count == 1)
        // The warning stands: the same moderator reporting again gets the recorded decision back and
        // nothing is posted twice; another moderator reporting the same message is refused.
        let again = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        #expect(again.isRepeat)
        #expect(again.decision.action == .warning)
        #expect(again.ledger.entries.map(\.action) == [.warning])
        #expect(try await harness.automaticMessages(of: ticket).map(\.templateKey) == ["moderation.warning"])
        #expect(harness.email.sentMessages.count == 1)
        await expectDeskError(.conflict) {
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("marta")
            )
        }
    }

    @Test func aRequestWhoseNewTicketFailedGetsItWithTheMembersWords() async throws {
        let harness = PolicyDeskHarness()
        harness.faults.failNext(.commit, .beforeWrite)
        await #expect(throws: StoreError.self) {
            try await harness.desk.refunds.request(
                "rq-1",
                for: "lucia",
                facts: harness.facts("lucia", paidDaysAgo: 3),
                message: "Quiero mi dinero",
                by: .member("lucia")
            )
        }
        #expect(try await harness.desk.memberTickets(of: "lucia").isEmpty)
        #expect(try await harness.secondDesk().finishOwedPolicyPosts() == 1)
        let tickets = try await harness.desk.memberTickets(of: "lucia")
        #expect(tickets.count == 1)
        let ticket = try await harness.desk.agentView(of: try #require(tickets.first).id).ticket
        #expect(ticket.messages.map(\.kind) == [.memberMessage, .internalNote, .automatic])
        #expect(ticket.messages.first?.body == "Quiero mi dinero")
        #expect(ticket.reason == .refund)
        #expect(harness.email.sentMessages.count == 1)
    }

    @Test func aPostThatFailsAgainStaysOwedWhileTheOthersAreFinished() async throws {
        let harness = PolicyDeskHarness()
        let (annas, annasMessage) = try await harness.open("anna", body: "Rude words", id: "in-a")
        let (boris, borisMessage) = try await harness.open("boris", body: "Rude words", id: "in-b")
        for (ticket, message) in [(annas, annasMessage), (boris, borisMessage)] {
            harness.faults.failNext(.commit, .beforeWrite)
            await #expect(throws: StoreError.self) {
                try await harness.desk.moderation.report(
                    on: ticket,
                    message: message,
                    violation: Violation(.rudeness),
                    by: .agent("pavel")
                )
            }
        }
        let restarted = harness.secondDesk()
        harness.faults.failNext(.commit, .beforeWrite)
        await #expect(throws: StoreError.self) { try await restarted.finishOwedPolicyPosts() }
        #expect(try await harness.ledgers.pendingPolicyPosts(of: nil, limit: 10).count == 1)
        #expect(try await restarted.finishOwedPolicyPosts() == 1)
        #expect(try await harness.automaticMessages(of: annas).count == 1)
        #expect(try await harness.automaticMessages(of: boris).count == 1)
    }
}
