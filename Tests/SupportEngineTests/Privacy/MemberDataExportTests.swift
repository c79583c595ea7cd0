import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Exporting a member's data")
struct MemberDataExportTests {
    @Test("one document holds the member's tickets, messages, decisions, ledger and ratings, and nobody else's")
    func exportHoldsEverythingAboutTheMember() async throws {
        let harness = PolicyDeskHarness()
        let refund = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: harness.facts("anna", paidDaysAgo: 3),
            message: "Please refund, the course is not for me",
            by: .member("anna")
        )
        try await harness.desk.addInternalNote(to: refund.ticket.id, body: "Checked the payment", by: .agent("pavel"))
        try await harness.desk.solve(refund.ticket.id, by: .agent("pavel"))
        _ = try await harness.desk.ratings.rate(refund.ticket.id, score: 5, by: "anna")
        let (other, _) = try await harness.open("ivan", body: "Где мой курс?", id: "in-ivan")
        let (ticket, message) = try await harness.open("anna", body: "And another thing", id: "in-anna")
        harness.clock.advance(by: 60)
        _ = try await harness.desk.moderation.report(
            on: ticket,
            message: message,
            violation: Violation(.rudeness, note: "rude"),
            by: .agent("pavel")
        )

        let export = try await harness.desk.exportData(of: "anna", by: .member("anna"))
        #expect(export.member == "anna")
        #expect(export.exportedAt == harness.clock.now)
        #expect(export.profile?.displayName == "Anna")
        #expect(Set(export.tickets.map(\.id)) == [refund.ticket.id, ticket])
        #expect(!export.tickets.contains { $0.id == other }, "another member's ticket")
        let texts = export.tickets.flatMap(\.messages).map(\.body)
        #expect(texts.contains("Please refund, the course is not for me"))
        #expect(texts.contains("Checked the payment"), "internal notes about the member are in the club's copy")
        #expect(export.refundDecisions.map(\.requestID) == ["rq-1"])
        #expect(export.moderationLedger?.entries.count == 1)
        #expect(export.ratings.map(\.score) == [5])
        #expect(!export.outbound.isEmpty && export.outbound.allSatisfy { $0.recipient == "anna" })
        #expect(export.outbound.allSatisfy { $0.claim == nil })

        let encoded = try JSONEncoder().encode(export)
        #expect(try JSONDecoder().decode(MemberDataExport.self, from: encoded) == export)
        #expect(!String(decoding: encoded, as: UTF8.self).contains("Где мой курс"))

        #expect(try await harness.desk.exportData(of: "anna", by: .owner("olga")) == export)
    }

    @Test("only the owner or the member may export, and an unknown member exports empty")
    func permissions() async throws {
        let harness = PolicyDeskHarness()
        for actor in [SupportActor.agent("pavel"), .member("ivan"), .system] {
            let error = await #expect(throws: DeskError.self) {
                _ = try await harness.desk.exportData(of: "anna", by: actor)
            }
            #expect(error?.code == .notPermitted)
        }
        let nobody = try await harness.desk.exportData(of: "nobody", by: .owner("olga"))
        #expect(nobody.profile == nil && nobody.tickets.isEmpty && nobody.refundDecisions.isEmpty)
    }
}
