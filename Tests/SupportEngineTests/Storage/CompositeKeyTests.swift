import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Keys built from several ids stay distinct when the ids contain `/`.
@Suite("Keys that do not collide")
struct CompositeKeyTests {
    @Test func aRefundRequestOfMemberABIsNotMemberAsRequest() async throws {
        let harness = PolicyDeskHarness()
        let first = try await harness.desk.refunds.request(
            "b/c",
            for: "a",
            facts: harness.facts("a", paidDaysAgo: 3),
            message: "I would like my money back",
            by: .member("a")
        )
        let second = try await harness.desk.refunds.request(
            "c",
            for: "a/b",
            facts: harness.facts("a/b", paidDaysAgo: 3),
            message: "Me too, please",
            by: .member("a/b")
        )
        #expect(first.ticket.requester == "a")
        #expect(second.ticket.requester == "a/b", "member a/b was handed member a's ticket")
        #expect(second.ticket.id != first.ticket.id)
    }

    @Test func aNoteIDWithASlashDoesNotPassOverAnotherMember() async throws {
        let harness = JourneyHarness()
        func open(_ member: MemberID, id: String) async throws -> TicketID {
            try await harness.desk.receive(
                InboundMessage(
                    channel: .email,
                    externalID: id,
                    sender: member,
                    subject: "Calendar export",
                    body: "Please add this",
                    receivedAt: harness.clock.now
                )
            ).ticket.id
        }
        let lucia = try await open("lucia", id: "in-1")
        let annaLucia = try await open("anna/lucia", id: "in-2")
        let first = try await harness.desk.journey.publishYouSaidWeDid(
            "calendar/anna",
            note: "Calendar export is live.",
            answering: [lucia],
            by: .owner("olga")
        )
        let second = try await harness.desk.journey.publishYouSaidWeDid(
            "calendar",
            note: "Calendar export is live.",
            answering: [annaLucia],
            by: .owner("olga")
        )
        #expect(first == ["lucia"])
        #expect(second == ["anna/lucia"], "note 'calendar' to 'anna/lucia' shared a key with an earlier message")
    }
}
