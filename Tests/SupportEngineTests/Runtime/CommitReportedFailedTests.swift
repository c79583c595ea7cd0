import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A commit that stands though the store reported it failed (its answer was lost on the way back)
/// still gets its timers: the desk reads the ticket again soon instead of waiting for a restart.
@Suite("Timers of a commit reported failed")
struct CommitReportedFailedTests {
    @Test func aSolveWrittenButReportedFailedStillAutoCloses() async throws {
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

        store.failNext(.commit, .afterWrite)
        await #expect(throws: StoreError.self) { try await desk.solve(id, by: .agent("olga")) }
        #expect(await base.ticket(id)?.ticket.status == .solved, "the solve stands")

        // Well past the auto-close, with no restart and no other call on the ticket.
        for _ in 0..<5 {
            clock.advance(by: 3600)
            try await desk.processDueWork()
        }
        #expect(await base.ticket(id)?.ticket.status == .closed, "\(store.faults)")
    }

    @Test func aCommitWhoseOutcomeIsUnknownIsLookedAtAgainSoon() async throws {
        let clock = ManualClock()
        let store = FaultInjectingTicketStore(wrapping: InMemoryTicketStore())
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            configuration: DeskConfiguration(autoCloseAfter: 3600, deliveryRetryDelay: 60),
            ids: SequentialIDGenerator()
        )
        try await desk.processDueWork()
        let id = try await desk.receive(
            InboundMessage(channel: .email, externalID: "mail-1", sender: "anna", body: "Hi", receivedAt: clock.now)
        ).ticket.id
        store.failNext(.commit, .beforeWrite)
        await #expect(throws: StoreError.self) { try await desk.solve(id, by: .agent("olga")) }
        // The fault's outcome is unknown to the desk, so it looks again soon: never later than the retry delay.
        let after = try #require(await desk.nextDueInstant)
        #expect(after <= clock.now.addingTimeInterval(60))
    }
}
