import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

extension AcknowledgementTests {
    private func consultation(_ id: String, from member: MemberID, at clock: ManualClock) -> InboundMessage {
        var message = inbound(id, from: member, at: clock, subject: "A question about my diet")
        message.reason = .personalConsultation
        return message
    }

    @Test("an out-of-scope request gets the redirect and is solved: no clock, no queue, no agent")
    func outOfScopeIsSolved() async throws {
        let (desk, clock) = try desk(
            at: "2026-01-12 10:00",
            members: [MemberProfile(id: "anna", displayName: "Anna")],
            withSLA: true
        )
        try await desk.agents.setPresence(.online, of: "ivan")
        let ticket = try await desk.receive(consultation("m1", from: "anna", at: clock)).ticket
        #expect(ticket.status == .solved)
        #expect(ticket.sla.running.isEmpty, "no reply clock runs for a request the line does not handle")
        #expect(ticket.assignee == nil)
        #expect(try await desk.agents.queue().isEmpty)
        #expect(email.sentMessages.map(\.body).allSatisfy { $0.contains("book a call") })
        let explanation = try await desk.agentView(of: ticket.id).ticket.explanations[.assignee]
        #expect(explanation?.because.contains("out of scope") == true)

        // The member writing back reopens it for a person to look at.
        var answer = inbound("m2", from: "anna", at: clock)
        answer.threadReference = "ticket:\(ticket.id)"
        answer.body = "But I really need help with this"
        #expect(try await desk.receive(answer).ticket.status == .open)
    }

    @Test("the third out-of-scope request within 30 days is reported as misuse; two are not")
    func repeatedMisuseReachesTheLadder() async throws {
        let (desk, clock) = try desk(
            at: "2026-01-12 10:00",
            members: [MemberProfile(id: "anna", displayName: "Anna")]
        )
        for index in 1...2 {
            try await desk.receive(consultation("m\(index)", from: "anna", at: clock))
            clock.advance(by: 10 * 86_400)
        }
        #expect(try await desk.moderation.ledger(of: "anna") == nil, "two requests are mistakes, not misuse")
        let third = try await desk.receive(consultation("m3", from: "anna", at: clock)).ticket
        let ledger = try #require(try await desk.moderation.ledger(of: "anna"))
        #expect(ledger.entries.map(\.violation?.kind) == [.supportLineMisuse])
        #expect(ledger.entries.first?.action == .warning)
        let messages = try await desk.agentView(of: third.id).ticket.messages
        #expect(messages.contains { $0.templateKey == "moderation.warning" }, "the member gets the calm warning")
        #expect(messages.contains { $0.kind == .internalNote && $0.body.contains("3 requests outside") })

        // Forty days later the window holds only one: nothing more is counted.
        clock.advance(by: 40 * 86_400)
        try await desk.receive(consultation("m4", from: "anna", at: clock))
        #expect(try await desk.moderation.ledger(of: "anna")?.entries.count == 1)
    }
}
