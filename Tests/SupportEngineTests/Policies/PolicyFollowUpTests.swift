import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Where refund and moderation decisions go")
struct PolicyFollowUpTests {
    private func closedTicket(_ harness: PolicyDeskHarness, of member: MemberID) async throws -> (TicketID, MessageID) {
        let (ticket, message) = try await harness.open(member, body: "Rude words")
        try await harness.desk.solve(ticket, by: .agent("pavel"))
        try await harness.desk.setStatus(.closed, of: ticket, by: .agent("pavel"))
        return (ticket, message)
    }

    @Test func anAgentOpensARefundTicketWithTheMembersWords() async throws {
        let harness = PolicyDeskHarness()
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Wants a refund, said so on the phone",
            via: .phone,
            by: .agent("pavel")
        )
        let first = try #require(result.ticket.messages.first)
        #expect(first.kind == .memberMessage)
        #expect(first.author == .member("anna"))
        #expect(result.ticket.subject == "Wants a refund, said so on the phone")
        #expect(result.ticket.channel == .phone)
        #expect(result.ticket.messages.map(\.kind) == [.memberMessage, .internalNote, .automatic])
    }

    @Test func theOwnersResolutionOnAClosedTicketGoesOnAFollowUp() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 20)
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund please",
            by: .member("anna")
        )
        try await harness.desk.solve(asked.ticket.id, by: .agent("pavel"))
        try await harness.desk.setStatus(.closed, of: asked.ticket.id, by: .agent("pavel"))
        let approved = try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        #expect(approved.ticket.followUpOf == asked.ticket.id)
        let first = try #require(approved.ticket.messages.first)
        #expect(first.kind == .publicReply)
        #expect(first.author == .owner("olga"))
        #expect(first.templateKey == "refund.approved.goodwill")
        #expect(approved.ticket.messages.map(\.kind) == [.publicReply, .internalNote])
        #expect(harness.email.sentMessages.map(\.body).last == first.body)
    }

    @Test func aWarningForAMessageOnAClosedTicketGoesOnAFollowUp() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await closedTicket(harness, of: "boris")
        let result = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness),
            by: .agent("pavel")
        )
        let followUp = try #require(result.ticket)
        #expect(followUp.followUpOf == ticket)
        #expect(followUp.messages.first?.templateKey == "moderation.warning")
        #expect(followUp.messages.map(\.kind) == [.publicReply, .internalNote])
    }

    @Test func anAutomaticFilterOnAClosedTicketRecordsWithoutAMessage() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await closedTicket(harness, of: "boris")
        let result = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.spam),
            by: .system
        )
        #expect(result.ledger.entries.map(\.action) == [.warning])
        #expect(result.ticket?.id == ticket, "nothing can be added to a closed ticket by the system")
        #expect(try await harness.desk.memberTickets(of: "boris").count == 1)
    }

    @Test(arguments: [false, true])
    func aRepeatThatOvertakesTheFirstCallStillSendsOnce(onExistingTicket: Bool) async throws {
        let racing = RacingLedgerStore()
        let harness = PolicyDeskHarness(ledgers: racing)
        let desk = harness.desk
        let facts = harness.facts("anna", paidDaysAgo: 3)
        let existing = onExistingTicket ? try await harness.open("anna").0 : nil
        // The repeat runs entirely between the first call's recording and its ticket commit, on a second
        // desk sharing the stores (one desk decides a member's refunds one at a time).
        let repeatCall = LockedResult()
        let other = harness.secondDesk()
        await racing.afterNextRecord {
            let result = try await other.refunds.request(
                "rq-1",
                for: "anna",
                facts: facts,
                message: "Refund",
                on: existing,
                by: .member("anna")
            )
            await repeatCall.set(result)
        }
        let first = try await desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund",
            on: existing,
            by: .member("anna")
        )
        let second = try #require(await repeatCall.value)
        #expect(second.isRepeat)
        #expect(!first.isRepeat)
        #expect(first.ticket.id == second.ticket.id)
        #expect(try await harness.automaticMessages(of: first.ticket.id).count == 1)
        #expect(harness.email.sentMessages.count == 1)
        #expect(try await desk.memberTickets(of: "anna").count == 1)
    }
}

/// A result set from inside a store hook.
private actor LockedResult {
    private(set) var value: DeskRefundResult?
    func set(_ result: DeskRefundResult) { value = result }
}
