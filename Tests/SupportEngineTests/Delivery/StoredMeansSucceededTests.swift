import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A call whose commit stood returns normally, whatever fails after it; the outbox finishes the work.
@Suite("Stored means succeeded")
struct StoredMeansSucceededTests {
    private func desk(
        _ store: FaultInjectingTicketStore,
        channel: RecordingChannel,
        clock: ManualClock
    ) async throws -> (SupportDesk, TicketID) {
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [channel],
            configuration: DeskConfiguration(deliveryRetryDelay: 60, deliveryClaimDuration: 300),
            ids: SequentialIDGenerator()
        )
        let outcome = try await desk.receive(
            InboundMessage(
                channel: .email,
                externalID: "mail-1",
                sender: "anna",
                body: "The video lesson does not load",
                receivedAt: clock.now
            )
        )
        return (desk, outcome.ticket.id)
    }

    @Test func aReplyReturnsWhenTheDeliveryPassFailsAfterTheCommit() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let channel = RecordingChannel(kind: .email)
        let (desk, id) = try await desk(store, channel: channel, clock: clock)
        // The delivery right after the commit claims its message first: that claim fails.
        store.failNext(.claimOutbound, .beforeWrite)

        let ticket = try await desk.reply(to: id, body: "Try reloading the page", by: .agent("olga"))

        #expect(ticket.version == (try await desk.agentView(of: id).ticket.version), "the reply stands")
        #expect(channel.sends.isEmpty)
        #expect(store.faults.count == 1)
        clock.advance(by: 60)
        try await desk.processDueWork()
        clock.advance(by: 600)
        try await desk.processDueWork()
        let sent = try #require(await base.outbound(ofTicket: id).last)
        #expect(sent.state == .delivered)
        #expect(channel.deliveries(of: sent.idempotencyKey) == 1)
        #expect(channel.duplicatedKeys.isEmpty)
    }

    @Test func aReplyReturnsWhenItsMessageIsClaimedButTheClaimIsReportedFailed() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let channel = RecordingChannel(kind: .email)
        let (desk, id) = try await desk(store, channel: channel, clock: clock)
        store.failNext(.claimOutbound, .afterWrite)

        try await desk.reply(to: id, body: "Try reloading the page", by: .agent("olga"))

        #expect(channel.sends.isEmpty)
        try await desk.processDueWork()
        #expect(channel.sends.isEmpty, "the claim the failed pass took holds until it expires")
        clock.advance(by: 300)
        try await desk.processDueWork()
        let sent = try #require(await base.outbound(ofTicket: id).last)
        #expect(sent.state == .delivered)
        #expect(channel.deliveries(of: sent.idempotencyKey) == 1)
    }
}
