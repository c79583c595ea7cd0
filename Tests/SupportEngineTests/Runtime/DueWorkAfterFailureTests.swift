import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Due work that fails is retried with a back-off, never dropped; a restart schedules every pending
/// delivery.
@Suite("Due work after a store failure")
struct DueWorkAfterFailureTests {
    @Test func anAutoCloseWhoseStoreReadFailsIsRetriedAfterABackOff() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            configuration: DeskConfiguration(autoCloseAfter: 3600, deliveryRetryDelay: 60),
            ids: SequentialIDGenerator()
        )
        try await desk.processDueWork()  // the timers are rebuilt from the store once, before the test starts
        let id = try await desk.receive(
            InboundMessage(channel: .email, externalID: "mail-1", sender: "anna", body: "Hi", receivedAt: clock.now)
        ).ticket.id
        try await desk.solve(id, by: .agent("olga"))

        clock.advance(by: 3600)
        store.failNext(.ticket, .beforeWrite)
        await #expect(throws: StoreError.self) { try await desk.processDueWork() }
        let afterFailure = await base.ticket(id)?.ticket.status
        #expect(afterFailure == .solved, "\(store.faults)")
        #expect(await desk.nextDueInstant == clock.now.addingTimeInterval(60), "put back with a back-off")

        clock.advance(by: 59)
        #expect(try await desk.processDueWork() == 0)
        clock.advance(by: 1)
        #expect(try await desk.processDueWork() == 1)
        #expect(await base.ticket(id)?.ticket.status == .closed)
    }

    @Test func theBackOffDoublesWhileTheStoreKeepsFailing() async throws {
        let clock = ManualClock()
        let store = FaultInjectingTicketStore(wrapping: InMemoryTicketStore())
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            configuration: DeskConfiguration(autoCloseAfter: 3600, deliveryRetryDelay: 60),
            ids: SequentialIDGenerator()
        )
        try await desk.processDueWork()  // the timers are rebuilt from the store once, before the test starts
        let id = try await desk.receive(
            InboundMessage(channel: .email, externalID: "mail-1", sender: "anna", body: "Hi", receivedAt: clock.now)
        ).ticket.id
        try await desk.solve(id, by: .agent("olga"))
        clock.advance(by: 3600)
        store.failNext(.ticket, .beforeWrite, count: 2)
        _ = try? await desk.processDueWork()
        clock.advance(by: 60)
        _ = try? await desk.processDueWork()
        #expect(await desk.nextDueInstant == clock.now.addingTimeInterval(120))
        clock.advance(by: 120)
        #expect(try await desk.processDueWork() == 1)
    }

    @Test func aRestartSchedulesEveryPendingDeliveryNotOnlyTheEarliest() async throws {
        let clock = ManualClock()
        let store = InMemoryTicketStore()
        var messages: [OutboundMessage] = []
        for (index, delay) in [60.0, 600.0, 3600.0].enumerated() {
            var message = OutboundMessage(
                id: OutboundID("O-\(index)"),
                ticketID: nil,
                messageID: nil,
                recipient: "anna",
                channel: .email,
                subject: "Hello",
                body: "Message \(index)",
                createdAt: clock.now
            )
            message.nextAttemptAt = clock.now.addingTimeInterval(delay)
            messages.append(message)
        }
        try await store.commit(TicketCommit(writes: [], outbound: messages))
        // A desk starting on a store that already holds a pending outbox.
        let channel = RecordingChannel(kind: .email)
        let desk = try SupportDesk(store: store, clock: clock, channels: [channel], ids: SequentialIDGenerator())
        try await desk.processDueWork()
        for (delay, expected) in [(60.0, 1), (600.0, 2), (3600.0, 3)] {
            clock.advance(to: messages[0].createdAt.addingTimeInterval(delay))
            try await desk.processDueWork()
            #expect(channel.deliveredMessages.count == expected, "after \(delay) s")
        }
        #expect(channel.duplicatedKeys.isEmpty)
    }
}
