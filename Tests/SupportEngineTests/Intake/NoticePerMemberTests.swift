import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

extension AcknowledgementTests {
    @Test("two tickets in one evening: each acknowledged, one after-hours notice for the member")
    func afterHoursNoticeAtMostOncePerMember() async throws {
        let (desk, clock) = try desk(
            at: "2026-01-09 19:00",
            members: [MemberProfile(id: "anna", displayName: "Anna"), MemberProfile(id: "olga", displayName: "Olga")]
        )
        let first = try await desk.receive(inbound("m1", from: "anna", at: clock, subject: "Lesson 3")).ticket
        clock.advance(by: 1800)
        let second = try await desk.receive(inbound("m2", from: "anna", at: clock, subject: "Invoice")).ticket
        let keys = { (ticket: Ticket) async throws -> [String?] in
            try await desk.agentView(of: ticket.id).ticket.messages.filter { $0.kind == .automatic }.map(\.templateKey)
        }
        #expect(try await keys(first) == ["acknowledgement", "after_hours"])
        #expect(try await keys(second) == ["acknowledgement"], "the member already has tonight's notice")
        #expect(email.sentMessages.count == 3)

        // Another member still gets their own notice; the next evening anna gets one again.
        try await desk.receive(inbound("m3", from: "olga", at: clock))
        #expect(email.sentMessages.count == 5)
        clock.advance(by: 86_400)
        let third = try await desk.receive(inbound("m4", from: "anna", at: clock, subject: "Lesson 4")).ticket
        #expect(try await keys(third) == ["acknowledgement", "after_hours"])
    }
}
