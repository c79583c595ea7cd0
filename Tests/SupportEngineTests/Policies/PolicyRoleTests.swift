import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Refunds and moderation: roles and errors")
struct PolicyRoleTests {
    private func escalated(_ harness: PolicyDeskHarness) async throws -> DeskRefundResult {
        try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 20),
            message: "Refund please",
            by: .member("anna")
        )
    }

    @Test func aMemberCannotApproveTheirOwnGoodwillRefund() async throws {
        let harness = PolicyDeskHarness()
        let asked = try await escalated(harness)
        let facts = harness.facts("anna", paidDaysAgo: 20)
        let error = await expectDeskError(.notPermitted) {
            try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .member("anna"))
        }
        #expect(error?.message.contains("member") == true)
        #expect(try await harness.desk.refunds.decisions(of: "anna") == [asked.decision])
    }

    @Test(arguments: [SupportActor.agent("pavel"), .system])
    func onlyTheOwnerApprovesOrDeclines(actor: SupportActor) async throws {
        let harness = PolicyDeskHarness()
        let asked = try await escalated(harness)
        let facts = harness.facts("anna", paidDaysAgo: 20)
        await expectDeskError(.notPermitted) {
            try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: actor)
        }
        await expectDeskError(.notPermitted) {
            try await harness.desk.refunds.decline("rq-1", of: "anna", by: actor)
        }
        #expect(try await harness.desk.refunds.decisions(of: "anna") == [asked.decision])
        #expect(try await harness.automaticMessages(of: asked.ticket.id).count == 1)
    }

    @Test func anApprovedRequestCannotBeApprovedAgain() async throws {
        let harness = PolicyDeskHarness()
        _ = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Refund please",
            by: .member("anna")
        )
        let error = await #expect(throws: RefundError.self) {
            try await harness.desk.refunds.approve(
                "rq-1",
                of: "anna",
                facts: harness.facts("anna", paidDaysAgo: 3),
                by: .owner("olga")
            )
        }
        #expect(error?.code == .notEscalated)
    }

    @Test func everyRefundCallNeedsAPolicy() async throws {
        let harness = PolicyDeskHarness(refunds: nil)
        let facts = harness.facts("anna", paidDaysAgo: 3)
        for call in [
            {
                try await harness.desk.refunds.request(
                    "rq-1",
                    for: "anna",
                    facts: facts,
                    message: "x",
                    by: .member("anna")
                )
            },
            { try await harness.desk.refunds.approve("rq-1", of: "anna", facts: facts, by: .owner("olga")) },
            { try await harness.desk.refunds.decline("rq-1", of: "anna", by: .owner("olga")) },
        ] as [() async throws -> DeskRefundResult] {
            let error = await expectDeskError(.invalidInput) { _ = try await call() }
            #expect(error?.message.contains("no refund policy is configured") == true)
        }
    }

    @Test func unknownTicketsAndOtherMembersTicketsAreNotFound() async throws {
        let harness = PolicyDeskHarness()
        let (annasTicket, annasMessage) = try await harness.open("anna")
        let facts = harness.facts("boris", paidDaysAgo: 3)
        await expectDeskError(.notFound) {
            _ = try await harness.desk.refunds.request(
                "rq-1",
                for: "boris",
                facts: facts,
                message: "Refund",
                on: "T-404",
                by: .member("boris")
            )
        }
        await expectDeskError(.notFound, "a member acting on another member's ticket") {
            _ = try await harness.desk.refunds.request(
                "rq-1",
                for: "boris",
                facts: facts,
                message: "Refund",
                on: annasTicket,
                by: .member("boris")
            )
        }
        await expectDeskError(.notPermitted, "a member asking for someone else") {
            _ = try await harness.desk.refunds.request(
                "rq-1",
                for: "anna",
                facts: harness.facts("anna", paidDaysAgo: 3),
                message: "Refund",
                by: .member("boris")
            )
        }
        await expectDeskError(.notFound) {
            _ = try await harness.desk.refunds.approve("rq-404", of: "anna", facts: facts, by: .owner("olga"))
        }
        await expectDeskError(.notFound) {
            _ = try await harness.desk.moderation.report(
                on: "T-404",
                message: annasMessage,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(try await harness.desk.refunds.decisions(of: "boris").isEmpty)
        #expect(try await harness.desk.refunds.decisions(of: "anna").isEmpty)
    }

    @Test func membersCannotModerate() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, message) = try await harness.open("anna")
        await expectDeskError(.notPermitted) {
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .member("anna")
            )
        }
        await expectDeskError(.notPermitted) {
            _ = try await harness.desk.moderation.reverse(of: "anna", entry: 1, by: .member("anna"))
        }
        await expectDeskError(.notPermitted) {
            _ = try await harness.desk.moderation.approveRemoval(of: "anna", by: .member("anna"))
        }
        await expectDeskError(.notPermitted) {
            _ = try await harness.desk.moderation.declineRemoval(of: "anna", by: .agent("pavel"))
        }
        #expect(try await harness.desk.moderation.ledger(of: "anna") == nil)
    }

    @Test func onlyTheMembersOwnMessageCanBeReported() async throws {
        let harness = PolicyDeskHarness()
        let (ticket, _) = try await harness.open("anna")
        let reply = try await harness.desk.reply(to: ticket, body: "How can we help?", by: .agent("pavel"))
        let agentMessage = try #require(reply.messages.last).id
        let error = await expectDeskError(.invalidInput) {
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: agentMessage,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(error?.message.contains(agentMessage.rawValue) == true)
    }

    @Test func aMissingTemplateLeavesNothingHalfWritten() async throws {
        let harness = PolicyDeskHarness(templates: TemplateCatalog())
        let (ticket, message) = try await harness.open("boris")
        let refused = await #expect(throws: TemplateError.self) {
            try await harness.desk.refunds.request(
                "rq-1",
                for: "boris",
                facts: harness.facts("boris", paidDaysAgo: 3),
                message: "Refund please",
                by: .member("boris")
            )
        }
        #expect(refused?.code == .unknownTemplate)
        #expect(try await harness.desk.refunds.decisions(of: "boris").isEmpty)
        #expect(try await harness.desk.memberTickets(of: "boris").count == 1)
        await #expect(throws: TemplateError.self) {
            try await harness.desk.moderation.report(
                on: ticket,
                message: message,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(try await harness.desk.moderation.ledger(of: "boris") == nil)
        #expect(try await harness.notes(of: ticket).isEmpty)
    }
}
