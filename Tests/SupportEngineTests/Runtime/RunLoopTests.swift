import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// `run()` on a manual clock: every step waits for the desk to fall asleep with `nextSleep()`, never polls.
@Suite("The run loop")
struct RunLoopTests {
    /// One desk alone on its store: no store scans between the sleeps this suite checks.
    static let configuration = DeskConfiguration(
        autoCloseAfter: 3600,
        deliveryRetryDelay: 60,
        storeScanInterval: nil
    )

    /// Cancels the runner and expects it to end with `CancellationError` and leave no sleeper behind.
    private func stop(
        _ runner: Task<Void, any Error>,
        on clock: ManualClock,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        runner.cancel()
        await #expect(throws: CancellationError.self, sourceLocation: sourceLocation) { try await runner.value }
        #expect(clock.sleeperCount == 0, sourceLocation: sourceLocation)
    }

    @Test("with nothing due it sleeps until the distant future")
    func sleepsForeverWhenIdle() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        try await harness.receive("mail-1")
        let runner = Task { try await harness.desk.run() }

        #expect(await harness.clock.nextSleep() == .distantFuture)
        #expect(harness.clock.sleeperCount == 1)
        #expect(harness.clock.earliestDeadline == .distantFuture)
        await stop(runner, on: harness.clock)
    }

    @Test("solving a ticket wakes it early; reaching the auto-close instant closes the ticket")
    func wakesEarlyAndCloses() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        let id = try await harness.receive("mail-1").ticket.id
        let runner = Task { try await harness.desk.run() }
        #expect(await harness.clock.nextSleep() == .distantFuture)

        let solved = try await harness.desk.solve(id, by: DeskHarness.agent)
        let due = try #require(solved.solvedAt).addingTimeInterval(3600)
        #expect(await harness.clock.nextSleep() == due)
        #expect(harness.clock.sleeperCount == 1, "the distant-future sleep was not given up")
        #expect(try await harness.ticket(id).status == .solved)

        harness.clock.advance(to: due)
        #expect(await harness.clock.nextSleep() == .distantFuture)
        let closed = try await harness.ticket(id)
        #expect(closed.status == .closed)
        #expect(closed.closedAt == due)
        #expect(await harness.store.events(of: id).last?.actor == .system)

        await stop(runner, on: harness.clock)
        #expect(try await harness.ticket(id) == closed)
    }

    @Test("it picks up timers already in the store when it starts")
    func startsWithStoredTimers() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        let first = try await harness.receive("mail-1").ticket.id
        let second = try await harness.receive("mail-2").ticket.id
        let solved = try await harness.desk.solve(first, by: DeskHarness.agent)
        harness.clock.advance(by: 120)
        try await harness.desk.solve(second, by: DeskHarness.agent)
        let firstDue = try #require(solved.solvedAt).addingTimeInterval(3600)

        let restarted = DeskHarness(
            configuration: Self.configuration,
            store: harness.store,
            clock: harness.clock,
            ids: harness.ids
        )
        let runner = Task { try await restarted.desk.run() }
        #expect(await harness.clock.nextSleep() == firstDue)

        harness.clock.advance(to: firstDue)
        #expect(await harness.clock.nextSleep() == firstDue.addingTimeInterval(120))
        #expect(try await harness.ticket(first).status == .closed)
        #expect(try await harness.ticket(second).status == .solved)

        harness.clock.advance(by: 120)
        #expect(await harness.clock.nextSleep() == .distantFuture)
        #expect(try await harness.ticket(second).status == .closed)
        await stop(runner, on: harness.clock)
    }

    @Test("a failed delivery is retried by the loop at its backoff instant")
    func retriesDeliveries() async throws {
        let channel = FailingChannel(kind: .email, failures: 1)
        let harness = DeskHarness(configuration: Self.configuration, channels: [channel])
        let id = try await harness.receive("mail-1").ticket.id
        try await harness.desk.reply(to: id, body: "Answer", by: DeskHarness.agent)
        let retryAt = harness.clock.now.addingTimeInterval(60)
        #expect(channel.attempts.count == 1)

        let restarted = DeskHarness(
            configuration: Self.configuration,
            channels: [channel],
            store: harness.store,
            clock: harness.clock,
            ids: harness.ids
        )
        let runner = Task { try await restarted.desk.run() }
        #expect(await harness.clock.nextSleep() == retryAt)
        #expect(channel.attempts.count == 1, "retried before its backoff instant")

        harness.clock.advance(to: retryAt)
        #expect(await harness.clock.nextSleep() == .distantFuture)
        #expect(channel.attempts.count == 2)
        #expect(channel.deliveredMessages.count == 1)
        #expect(try #require(await harness.storedOutbound().first).state == .delivered)
        await stop(runner, on: harness.clock)
    }

    @Test("cancelling while it works between sleeps still ends it with CancellationError")
    func cancelBeforeFirstSleep() async throws {
        let harness = DeskHarness(configuration: Self.configuration)
        let runner = Task { try await harness.desk.run() }
        runner.cancel()
        await #expect(throws: CancellationError.self) { try await runner.value }
        #expect(harness.clock.sleeperCount == 0)
    }
}
