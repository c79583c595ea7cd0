import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The operator's view of the outbox")
struct OutboxListingTests {
    @Test("journey messages, replies and dead letters are all listed, paged and filtered by state")
    func everyOutboundMessageIsListed() async throws {
        let clock = ManualClock()
        let store = InMemoryTicketStore()
        let email = FailingChannel(kind: .email, failures: 1)
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(maximumDeliveryAttempts: 1, journey: JourneyPolicy()),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([MemberProfile(id: "anna", displayName: "Anna")])
        )
        _ = try await desk.journey.memberJoined("anna")
        let ticket = try await desk.receive(
            InboundMessage(channel: .email, externalID: "m1", sender: "anna", body: "Hello", receivedAt: clock.now)
        ).ticket
        try await desk.reply(to: ticket.id, body: "Hi Anna", by: .agent("olga"))

        let all = try await desk.outbox()
        #expect(all.messages.count == 2)
        #expect(all.messages.contains { $0.ticketID == nil }, "the journey's welcome has no ticket, and is listed")
        #expect(all.messages.map(\.id) == all.messages.map(\.id).sorted())
        let dead = try await desk.outbox(matching: OutboxQuery(states: [.deadLettered]))
        #expect(dead.messages.map(\.ticketID) == [nil], "the failed welcome is a dead letter")
        let delivered = try await desk.outbox(matching: OutboxQuery(states: [.delivered]))
        #expect(delivered.messages.map(\.body) == ["Hi Anna"])
        let first = try await desk.outbox(matching: OutboxQuery(limit: 1))
        let second = try await desk.outbox(matching: OutboxQuery(after: first.nextCursor, limit: 1))
        #expect(first.messages + second.messages == all.messages)
        #expect(second.nextCursor == nil)
        await #expect(throws: StoreError.self) { try await desk.outbox(matching: OutboxQuery(limit: 0)) }
    }
}
