import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Refund and moderation messages: privacy")
struct PolicyPrivacyTests {
    @Test func internalNotesNeverReachTheMember() async throws {
        let harness = PolicyDeskHarness()
        let secret = "STAFF-ONLY-7f3a"
        let asked = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 20),
            message: "I forgot to cancel",
            by: .member("anna")
        )
        _ = try await harness.desk.refunds.approve(
            "rq-1",
            of: "anna",
            facts: harness.facts("anna", paidDaysAgo: 20),
            note: secret,
            by: .owner("olga")
        )
        let (ticket, message) = try await harness.open("anna", body: "Rude words", id: "in-2")
        for index in 0..<3 {
            let reported =
                index == 0
                ? message : try await harness.write("anna", on: ticket, body: "more \(index)", id: "M-more-\(index)")
            harness.clock.advance(by: 60)
            _ = try await harness.desk.moderation.report(
                on: ticket,
                message: reported,
                violation: Violation(.rudeness, note: secret),
                by: .agent("pavel")
            )
        }
        harness.clock.advance(by: 60)
        _ = try await harness.desk.moderation.approveRemoval(of: "anna", note: secret, by: .owner("olga"))

        var notes: [String] = []
        for id in [asked.ticket.id, ticket] { notes += try await harness.notes(of: id).map(\.body) }
        #expect(notes.count == 6)
        #expect(notes.filter { $0.contains(secret) }.count == 5)

        let staffWords = ["verdict", "goodwillAfterWindow", "plans.monthly", "Moderation of member", "ledger entry"]
        let views = try await harness.desk.memberTickets(of: "anna")
        #expect(views.count == 2)
        let memberTexts = views.flatMap(\.messages).map(\.body) + harness.email.sentMessages.map(\.body)
        #expect(harness.email.sentMessages.count == 5)
        for text in memberTexts {
            #expect(!text.contains(secret))
            #expect(!notes.contains(text))
            for word in staffWords { #expect(!text.contains(word), "member text contains '\(word)'") }
        }
    }
}
