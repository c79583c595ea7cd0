import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Two desks on one store, and a send slower than its claim: the desk that took the message over owns
/// it, the late outcome is dropped, and the message goes out at most twice, always with the same key.
@Suite("A send that outlasts its claim")
struct ExpiredClaimTests {
    static let claimDuration: TimeInterval = 300
    static let configuration = DeskConfiguration(deliveryRetryDelay: 60, deliveryClaimDuration: claimDuration)

    /// Desk B with a fast channel, and desk A whose channel takes longer than a claim and runs desk B's
    /// delivery pass while its own send is in flight.
    struct TwoDesks {
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let ids = SequentialIDGenerator()
        let fast = RecordingChannel(kind: .email)
        let slow: RecordingChannel
        let a: DeskHarness
        let b: DeskHarness

        init(slowSendFails: Bool) {
            b = DeskHarness(
                configuration: ExpiredClaimTests.configuration,
                channels: [fast],
                store: store,
                clock: clock,
                ids: ids
            )
            let other = b.desk
            slow = RecordingChannel.slow(
                kind: .email,
                taking: ExpiredClaimTests.claimDuration + 1,
                on: clock,
                failures: slowSendFails ? 1 : 0
            ) { _ in
                _ = try? await other.deliverPendingMessages()
            }
            a = DeskHarness(
                configuration: ExpiredClaimTests.configuration,
                channels: [slow],
                store: store,
                clock: clock,
                ids: ids
            )
        }

        /// Every send of `key` on either channel.
        func sends(of key: String) -> Int { slow.sends(of: key) + fast.sends(of: key) }

        /// Runs both desks' timers, a retry delay and a claim apart, several times over.
        func laterPasses() async throws {
            for _ in 0..<4 {
                clock.advance(by: ExpiredClaimTests.claimDuration + 60)
                try await a.desk.processDueWork()
                try await b.desk.processDueWork()
            }
        }
    }

    @Test(
        "the late outcome of a slow send does not overwrite the delivery of the desk that took over",
        arguments: [true, false]
    )
    func aLateOutcomeIsDropped(slowSendFails: Bool) async throws {
        let desks = TwoDesks(slowSendFails: slowSendFails)
        let start = desks.clock.now
        let ticket = try await desks.a.receive("mail-1", from: "anna").ticket.id
        // The reply is delivered at once by desk A, whose send takes longer than its claim; meanwhile
        // desk B claims the message and delivers it.
        try await desks.a.desk.reply(to: ticket, body: "The recording is in the library", by: DeskHarness.agent)

        let sent = try #require(await desks.store.outbound(ofTicket: ticket).last)
        let takeover = start.addingTimeInterval(Self.claimDuration + 1)
        #expect(sent.state == .delivered)
        #expect(sent.claim == nil)
        #expect(sent.history.map(\.at) == [takeover], "only desk B's attempt is recorded")
        #expect(sent.attempts == 1)
        #expect(desks.fast.deliveries(of: sent.idempotencyKey) == 1)
        #expect(desks.slow.sends(of: sent.idempotencyKey) == 1)

        try await desks.laterPasses()

        let after = try #require(await desks.store.outbound(sent.id))
        #expect(after == sent, "later passes left the delivered message alone")
        #expect(desks.sends(of: sent.idempotencyKey) == 2, "at least once: the slow send and desk B's")
        #expect(Set((desks.slow.sends + desks.fast.sends).map(\.key)) == [sent.idempotencyKey])
        #expect(desks.fast.keysSentMoreThanOnce.isEmpty)
        #expect(desks.slow.keysSentMoreThanOnce.isEmpty)
    }

    @Test("a delivery pass that lost its claim returns without an error, and counts only what it recorded")
    func aLostClaimIsNotAnError() async throws {
        let desks = TwoDesks(slowSendFails: true)
        let message = OutboundMessage(
            id: "O-journey-1",
            ticketID: nil,
            messageID: nil,
            recipient: "anna",
            channel: .email,
            subject: "Welcome",
            body: "Glad you are here",
            createdAt: desks.clock.now
        )
        try await desks.store.commit(TicketCommit(writes: [], outbound: [message]))

        let deliveredByA = try await desks.a.desk.deliverPendingMessages()

        #expect(deliveredByA == 0, "desk A recorded nothing: desk B owns the message")
        #expect(await desks.store.outbound(message.id)?.state == .delivered)
        #expect(desks.fast.deliveries(of: message.idempotencyKey) == 1)
        try await desks.laterPasses()
        #expect(desks.sends(of: message.idempotencyKey) == 2)
        #expect(await desks.store.outbound(message.id)?.history.count == 1)
    }

    @Test("a send that outlasts its claim but is not taken over is still recorded")
    func aSlowSendNobodyTookOverIsRecorded() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let slow = RecordingChannel.slow(kind: .email, taking: Self.claimDuration * 2, on: clock)
        let harness = DeskHarness(configuration: Self.configuration, channels: [slow], store: store, clock: clock)
        let ticket = try await harness.receive("mail-1", from: "anna").ticket.id
        try await harness.desk.reply(to: ticket, body: "The recording is in the library", by: DeskHarness.agent)

        let sent = try #require(await store.outbound(ofTicket: ticket).last)
        #expect(sent.state == .delivered)
        try await harness.desk.processDueWork()
        #expect(slow.sends(of: sent.idempotencyKey) == 1)
        #expect(slow.keysSentMoreThanOnce.isEmpty)
    }
}
