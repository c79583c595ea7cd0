import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// The examples of the article "Refunds and moderation at the desk", run against an in-memory desk.
@Suite("Article examples: refunds and moderation at the desk")
struct PolicyArticleExampleTests {
    @Test func theRefundExampleRuns() async throws {
        let policyJSON = Data(
            #"{"plans": {"monthly": {"guaranteeDays": 14, "windowStart": "eachRenewal", "afterWindow": {"mode": "goodwill", "maxDaysAfterWindow": 30}}}}"#
                .utf8
        )
        let clock = ManualClock()
        let email = InMemoryChannel(kind: .email)
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(refunds: try JSONDecoder().decode(RefundPolicy.self, from: policyJSON)),
            members: InMemoryMemberDirectory([MemberProfile(id: "anna", displayName: "Anna")]),
            ledgers: InMemoryPolicyLedgerStore()
        )
        let paid = clock.now.addingTimeInterval(-20 * 86_400)
        let facts = RefundFacts(
            member: "anna",
            plan: "monthly",
            charges: [
                Charge(
                    id: "ch_1",
                    amount: Money(minorUnits: 1900, currency: .eur),
                    at: paid,
                    periodEnd: paid.addingTimeInterval(31 * 86_400)
                )
            ]
        )
        let result = try await desk.refunds.request(
            "rq-2026-0042",
            for: "anna",
            facts: facts,
            message: "I forgot to cancel before the renewal",
            by: .member("anna")
        )
        #expect(result.decision.verdict == .escalateToOwner)
        let approved = try await desk.refunds.approve("rq-2026-0042", of: "anna", facts: facts, by: .owner("olga"))
        #expect(approved.decision.actionableOutcomes == [.refund, .cancelSubscription, .revokeAccess])
        #expect(approved.decision.amount == Money(minorUnits: 1900, currency: .eur))
        #expect(email.sentMessages.count == 2)
    }

    @Test func theModerationAndTemplateExamplesRun() async throws {
        var templates = TemplateCatalog.builtIn
        try templates.set(
            TemplateKey(rawValue: "moderation.rules_link"),
            for: .en,
            to: "https://club.example/rules"
        )
        try templates.set(
            TemplateKey(rawValue: "refund.approved"),
            for: .ru,
            to: "{{member_name}}, вернули {{amount}}."
        )
        let harness = PolicyDeskHarness(templates: templates)
        let desk = harness.desk
        var (ticketID, messageID) = try await harness.open("anna", body: "Rude words")
        var report = try await desk.moderation.report(
            on: ticketID,
            message: messageID,
            violation: Violation(.rudeness, severity: .minor, note: "insulted the team in the chat"),
            by: .agent("pavel")
        )
        let warning = try #require(try await harness.automaticMessages(of: ticketID).first).body
        #expect(warning.contains("https://club.example/rules"))
        for index in 1...2 {
            messageID = try await harness.write("anna", on: ticketID, body: "again \(index)", id: "M-doc-\(index)")
            harness.clock.advance(by: 60)
            report = try await desk.moderation.report(
                on: ticketID,
                message: messageID,
                violation: Violation(.rudeness),
                by: .agent("pavel")
            )
        }
        #expect(report.decision.action == .pendingRemoval)
        if report.decision.action == .pendingRemoval {
            try await desk.moderation.approveRemoval(of: report.decision.member, by: .owner("olga"))
        }
        #expect(try await desk.moderation.mayReceiveReengagement("anna") == false)
        ticketID = report.decision.entry.ticket ?? ticketID
        #expect(try await harness.automaticMessages(of: ticketID).last?.templateKey == "moderation.removal")

        let refund = try await desk.refunds.request(
            "rq-1",
            for: "ivan",
            facts: harness.facts("ivan", paidDaysAgo: 3),
            message: "Верните деньги",
            by: .member("ivan")
        )
        #expect(try await harness.automaticMessages(of: refund.ticket.id).first?.body == "Иван, вернули 19.00 EUR.")
    }
}
