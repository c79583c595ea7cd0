import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Refunds at the desk")
struct RefundDeskTests {
    @Test(arguments: [
        (PolicyDeskHarness.anna, "your refund of 19.00 EUR is approved"),
        (PolicyDeskHarness.ivan, "Возврат 19.00 EUR одобрен"),
        (PolicyDeskHarness.lucia, "tu reembolso de 19.00 EUR está aprobado"),
    ])
    func insideTheWindowApprovesAndQueuesTheMessageInTheMembersLanguage(
        member: MemberProfile,
        expected: String
    ) async throws {
        let harness = PolicyDeskHarness()
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: member.id,
            facts: harness.facts(member.id, paidDaysAgo: 3),
            message: "I would like my money back",
            by: .member(member.id)
        )
        #expect(result.decision.verdict == .approve)
        #expect(result.decision.reason == .insideGuaranteeWindow)
        #expect(!result.isRepeat)
        #expect(result.ticket.reason == .refund)
        #expect(result.ticket.requester == member.id)

        let view = try await harness.desk.agentView(of: result.ticket.id)
        let automatic = view.ticket.messages.filter { $0.kind == .automatic }
        #expect(automatic.map(\.templateKey) == ["refund.approved"])
        #expect(automatic.first?.body.contains(expected) == true)
        #expect(automatic.first?.body.contains(member.displayName) == true)
        // Committed with the ticket and delivered through the outbox.
        #expect(view.deliveries.map(\.body) == automatic.map(\.body))
        #expect(view.deliveries.allSatisfy { $0.state == .delivered })
        #expect(harness.email.sentMessages.map(\.body) == automatic.map(\.body))

        let note = try #require(view.ticket.messages.first { $0.kind == .internalNote })
        #expect(note.author == .system)
        for fragment in ["verdict approve", "insideGuaranteeWindow", "plans.monthly.guaranteeDays", "19.00 EUR"] {
            #expect(note.body.contains(fragment), "note lacks \(fragment)")
        }
        #expect(try await harness.desk.refunds.decisions(of: member.id) == [result.decision])
        #expect(result.decision.at == harness.clock.now)
    }

    @Test func aStrictPlanDeniesOutsideTheWindowWithTheReason() async throws {
        let harness = PolicyDeskHarness()
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", plan: "annual", paidDaysAgo: 40),
            message: "Refund please",
            by: .member("anna")
        )
        #expect(result.decision.verdict == .deny)
        #expect(result.decision.reason == .outsideGuaranteeWindow)
        let automatic = try await harness.automaticMessages(of: result.ticket.id)
        #expect(automatic.map(\.templateKey) == ["refund.denied.outside_window"])
        #expect(automatic.first?.body.contains("within 30 days") == true)
        let note = try #require(try await harness.notes(of: result.ticket.id).first)
        #expect(note.body.contains("outsideGuaranteeWindow"))
        #expect(note.body.contains("plans.annual.afterWindow"))
    }

    @Test func goodwillEscalatesAndTheOwnerApproves() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 20)
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "I forgot to cancel",
            by: .member("anna")
        )
        #expect(asked.decision.verdict == .escalateToOwner)
        #expect(asked.decision.reason == .goodwillAfterWindow)
        #expect(try await harness.automaticMessages(of: asked.ticket.id).map(\.templateKey) == ["refund.escalated"])
        #expect(asked.ticket.tags == ["refund-escalated"], "agents see what waits for the owner")

        harness.clock.advance(by: 3600)
        let approved = try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga"))
        #expect(approved.decision.verdict == .approve)
        #expect(approved.decision.reason == .approvedByOwner)
        #expect(approved.decision.decidedBy == .owner("olga"))
        #expect(approved.decision.at == harness.clock.now)
        #expect(approved.ticket.id == asked.ticket.id)
        #expect(approved.ticket.tags.isEmpty)
        let automatic = try await harness.automaticMessages(of: asked.ticket.id)
        #expect(automatic.map(\.templateKey) == ["refund.escalated", "refund.approved.goodwill"])
        #expect(automatic.last?.body.contains("refund 19.00 EUR as a gesture of good will") == true)
        #expect(harness.email.sentMessages.count == 2)
        #expect(try await harness.desk.refunds.decisions(of: "anna") == [approved.decision])
        let notes = try await harness.notes(of: asked.ticket.id)
        #expect(notes.count == 2)
        #expect(notes.last?.body.contains("approvedByOwner") == true)
        let policyEvents = try await harness.desk.events(limit: 1000).map(\.event).filter {
            $0.kind == .refundEscalated || $0.kind == .refundDecided
        }
        #expect(policyEvents.map(\.kind) == [.refundEscalated, .refundDecided], "the owner hears of both")
        #expect(policyEvents.allSatisfy { $0.ticket == asked.ticket.id && $0.member == "anna" })
        #expect(policyEvents.map { $0.details["verdict"] } == ["escalateToOwner", "approve"])
        #expect(policyEvents.last?.actor == .owner("olga"))
    }

    @Test func theOwnerDeclinesAnEscalation() async throws {
        let harness = PolicyDeskHarness()
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "ivan",
            facts: harness.facts("ivan", paidDaysAgo: 20),
            message: "Верните деньги",
            by: .member("ivan")
        )
        let declined = try await harness.desk.refunds.decline(
            "rq-1",
            of: "ivan",
            note: "second request",
            by: .owner("olga")
        )
        #expect(declined.decision.verdict == .deny)
        #expect(declined.decision.reason == .declinedByOwner)
        let automatic = try await harness.automaticMessages(of: asked.ticket.id)
        #expect(automatic.last?.templateKey == "refund.denied.by_owner")
        #expect(automatic.last?.body.contains("сделать исключение") == true)
        #expect(try await harness.notes(of: asked.ticket.id).last?.body.contains("second request") == true)
        // Resolved once: a second resolution is refused by the rules.
        await #expect(throws: RefundError.self) {
            try await harness.desk.refunds.decline("rq-1", of: "ivan", by: .owner("olga"))
        }
    }

    @Test func aRepeatedRequestIDNeverDecidesOrSendsTwice() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 3)
        let first = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund please",
            by: .member("anna")
        )
        harness.clock.advance(by: 60)
        let again = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund please",
            by: .member("anna")
        )
        #expect(again.isRepeat)
        #expect(again.decision == first.decision)
        #expect(again.ticket.id == first.ticket.id)
        #expect(try await harness.desk.refunds.decisions(of: "anna").count == 1)
        #expect(try await harness.automaticMessages(of: first.ticket.id).count == 1)
        #expect(harness.email.sentMessages.count == 1)
        #expect(try await harness.desk.memberTickets(of: "anna").count == 1)
    }

    @Test func concurrentRequestsWithOneIDDecideOnce() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 3)
        let desk = harness.desk
        async let one = desk.refunds.request("rq-1", for: "anna", facts: facts, message: "Refund", by: .member("anna"))
        async let two = desk.refunds.request("rq-1", for: "anna", facts: facts, message: "Refund", by: .member("anna"))
        let results = try await [one, two]
        #expect(results.filter(\.isRepeat).count == 1)
        #expect(Set(results.map(\.ticket.id)).count == 1)
        #expect(try await desk.refunds.decisions(of: "anna").count == 1)
        #expect(harness.email.sentMessages.count == 1)
    }

    @Test func aDisputedChargeIsNotRefunded() async throws {
        let harness = PolicyDeskHarness()
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: "lucia",
            facts: harness.facts("lucia", paidDaysAgo: 3, dispute: .open),
            message: "Quiero mi dinero",
            by: .member("lucia")
        )
        #expect(result.decision.verdict == .deny)
        #expect(result.decision.reason == .chargeDisputed)
        let automatic = try await harness.automaticMessages(of: result.ticket.id)
        #expect(automatic.map(\.templateKey) == ["refund.denied.disputed"])
        #expect(automatic.first?.body.contains("disputa con tu banco") == true)
    }

    @Test func aRequestGoesOnTheMembersGivenTicket() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, _) = try await harness.open("anna", body: "The course is not for me")
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Can I get a refund?",
            on: ticket,
            via: .email,
            by: .member("anna")
        )
        #expect(result.ticket.id == ticket)
        let members = result.ticket.messages.filter { $0.kind == .memberMessage }.map(\.body)
        #expect(members == ["The course is not for me", "Can I get a refund?"])
        #expect(result.ticket.messages.last?.kind == .automatic)
    }

    @Test func anAgentAsksOnBehalfWithoutWritingAsTheMember() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, _) = try await harness.open("anna", body: "Phone call follow-up")
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Asked for a refund on the phone",
            on: ticket,
            by: .agent("pavel")
        )
        #expect(result.ticket.messages.filter { $0.kind == .memberMessage }.count == 1)
        let note = try #require(try await harness.notes(of: ticket).first)
        #expect(note.body.contains("Asked for a refund on the phone"))
        #expect(note.body.contains("agent:pavel"))
    }

    @Test func aClosedTicketGetsAFollowUp() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, _) = try await harness.open("anna")
        try await harness.desk.solve(ticket, by: .agent("pavel"))
        try await harness.desk.setStatus(.closed, of: ticket, by: .agent("pavel"))
        let result = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Refund please",
            on: ticket,
            by: .member("anna")
        )
        #expect(result.ticket.id != ticket)
        #expect(result.ticket.followUpOf == ticket)
        #expect(result.ticket.messages.map(\.kind) == [.memberMessage, .internalNote, .automatic])
    }
}
