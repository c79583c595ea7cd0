import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Outbox delivery: retries with backoff and dead letters")
struct OutboxDeliveryTests {
    static let configuration = DeskConfiguration(deliveryRetryDelay: 60, maximumDeliveryAttempts: 5)

    /// A desk on a failing email channel with one reply in its outbox, attempted once at the clock's start.
    private func replyOnFailingChannel(failures: Int) async throws -> (DeskHarness, FailingChannel, OutboundID) {
        let channel = FailingChannel(kind: .email, failures: failures)
        let harness = DeskHarness(configuration: Self.configuration, channels: [channel])
        let id = try await harness.receive("mail-1").ticket.id
        try await harness.desk.reply(to: id, body: "Here is your receipt", by: DeskHarness.agent)
        let outbound = try #require(await harness.storedOutbound().first)
        return (harness, channel, outbound.id)
    }

    @Test("a failed delivery is retried after the delay, then after twice the delay, and delivered once")
    func retriesWithBackoff() async throws {
        let (harness, channel, id) = try await replyOnFailingChannel(failures: 2)
        let start = harness.clock.now

        var message = try #require(await harness.store.outbound(id))
        #expect(channel.attempts.count == 1)
        #expect(message.state == .pending)
        #expect(message.attempts == 1)
        #expect(message.nextAttemptAt == start.addingTimeInterval(60))
        #expect(message.lastError?.contains("attempt 1") == true)

        harness.clock.advance(to: start.addingTimeInterval(59))
        try await harness.desk.processDueWork()
        #expect(channel.attempts.count == 1, "retried before the delay")
        #expect(await harness.desk.nextDueInstant == start.addingTimeInterval(60))

        harness.clock.advance(to: start.addingTimeInterval(60))
        try await harness.desk.processDueWork()
        message = try #require(await harness.store.outbound(id))
        #expect(channel.attempts.count == 2)
        #expect(message.state == .pending)
        #expect(message.attempts == 2)
        #expect(message.nextAttemptAt == start.addingTimeInterval(60 + 120))

        harness.clock.advance(to: start.addingTimeInterval(179))
        try await harness.desk.processDueWork()
        #expect(channel.attempts.count == 2, "retried before the doubled delay")

        harness.clock.advance(to: start.addingTimeInterval(180))
        try await harness.desk.processDueWork()
        message = try #require(await harness.store.outbound(id))
        #expect(channel.attempts.count == 3)
        #expect(channel.deliveredMessages.map(\.id) == [id])
        #expect(message.state == .delivered)
        #expect(message.attempts == 3)
        #expect(message.receipt?.externalID == "email-1")
        #expect(message.lastError == nil)

        for _ in 0..<3 {
            harness.clock.advance(by: 86_400)
            try await harness.desk.processDueWork()
            try await harness.desk.deliverPendingMessages()
        }
        #expect(channel.attempts.count == 3, "sent again after delivery")
        #expect(try #require(await harness.store.outbound(id)) == message)
    }

    @Test("a message that always fails is dead-lettered after the maximum attempts and kept")
    func deadLetter() async throws {
        let (harness, channel, id) = try await replyOnFailingChannel(failures: .max)
        let start = harness.clock.now
        var expectedAttemptTimes = [start]
        var delay: TimeInterval = 60
        var next = start
        for _ in 2...5 {
            next = next.addingTimeInterval(delay)
            expectedAttemptTimes.append(next)
            delay *= 2
        }

        for (index, instant) in expectedAttemptTimes.enumerated().dropFirst() {
            let message = try #require(await harness.store.outbound(id))
            #expect(message.state == .pending)
            #expect(message.attempts == index)
            #expect(message.nextAttemptAt == instant)
            harness.clock.advance(to: instant)
            try await harness.desk.processDueWork()
        }

        let message = try #require(await harness.store.outbound(id), "a dead-lettered message must stay in the store")
        #expect(message.state == .deadLettered)
        #expect(message.attempts == 5)
        #expect(message.receipt == nil)
        #expect(message.lastError?.contains("attempt 5") == true)
        #expect(channel.attempts.count == 5)
        let deadLetters = try await harness.desk.events(limit: 1000).filter { $0.event.kind == .deadLettered }
        #expect(deadLetters.map(\.event.details["outbound"]) == [id.rawValue], "the feed reports the dead letter once")
        #expect(deadLetters.first?.event.details["attempts"] == "5")
        #expect(channel.deliveredMessages.isEmpty)
        #expect(await harness.store.pendingOutbound(dueBy: .distantFuture, limit: 10).isEmpty)

        harness.clock.advance(by: 30 * 86_400)
        try await harness.desk.processDueWork()
        try await harness.desk.deliverPendingMessages()
        #expect(channel.attempts.count == 5, "a dead-lettered message was sent again")
        let ticketID = try #require(message.ticketID)
        #expect(try await harness.ticket(ticketID).messages.last?.body == "Here is your receipt")
    }

    @Test("a restarted desk resumes the retries of the outbox")
    func restartResumesRetries() async throws {
        let (harness, channel, id) = try await replyOnFailingChannel(failures: 1)
        let retryAt = try #require(await harness.store.outbound(id)).nextAttemptAt

        let restarted = DeskHarness(
            configuration: Self.configuration,
            channels: [channel],
            store: harness.store,
            clock: harness.clock,
            ids: harness.ids
        )
        harness.clock.advance(to: retryAt)
        try await restarted.desk.processDueWork()

        #expect(try #require(await harness.store.outbound(id)).state == .delivered)
        #expect(channel.attempts.count == 2)
        #expect(channel.deliveredMessages.map(\.id) == [id])
    }

    @Test("two overlapping delivery passes do not retry a failed message before its backoff")
    func overlappingPassesKeepBackoff() async throws {
        let channel = GatedChannel()
        let harness = DeskHarness(configuration: Self.configuration, channels: [channel])
        let first = try await harness.receive("mail-1", from: "alice").ticket.id
        let second = try await harness.receive("mail-2", from: "bob").ticket.id
        try await harness.desk.reply(to: first, body: "Answer for Alice", by: DeskHarness.agent)
        try await harness.desk.reply(to: second, body: "Answer for Bob", by: DeskHarness.agent)
        let outbox = await harness.storedOutbound()
        try #require(outbox.count == 2)
        let (held, failing) = (outbox[0].id, outbox[1].id)
        #expect(channel.attempts(of: failing) == 1)
        let retryAt = harness.clock.now.addingTimeInterval(60)
        #expect(outbox.allSatisfy { $0.nextAttemptAt == retryAt })

        // Pass A takes the held message first and waits inside the channel; pass B then tries the other one,
        // which fails again and is rescheduled 120 s later. When A resumes it must not try it once more.
        harness.clock.advance(to: retryAt)
        channel.hold(held)
        let passA = Task { try await harness.desk.deliverPendingMessages() }
        await channel.waitUntilHeld()
        #expect(try await harness.desk.deliverPendingMessages() == 0)
        #expect(channel.attempts(of: failing) == 2)
        channel.release()
        #expect(try await passA.value == 1)

        #expect(await harness.store.outbound(held)?.state == .delivered)
        // Regression (fixed): pass A re-reads the message, sees it still pending and sends it again at once,
        // ignoring the nextAttemptAt that pass B just set.
        let rescheduled = try #require(await harness.store.outbound(failing))
        #expect(channel.attempts(of: failing) == 2)
        #expect(rescheduled.attempts == 2)
        #expect(rescheduled.nextAttemptAt == retryAt.addingTimeInterval(120))

    }

    @Test("when more than 500 messages come due at once, every one of them is delivered")
    func largeBacklogIsDrained() async throws {
        let count = 600
        let channel = FailingChannel(kind: .email, failures: count)
        let harness = DeskHarness(configuration: Self.configuration, channels: [channel])
        for number in 1...count {
            let id = try await harness.receive("mail-\(number)", from: MemberID("member-\(number)")).ticket.id
            try await harness.desk.reply(to: id, body: "Answer \(number)", by: DeskHarness.agent)
        }
        #expect(channel.attempts.count == count)
        #expect(channel.deliveredMessages.isEmpty)

        harness.clock.advance(by: 60)
        try await harness.desk.processDueWork()
        let firstPass = channel.deliveredMessages.count
        #expect(firstPass > 0)
        for _ in 0..<3 {
            harness.clock.advance(by: 3600)
            try await harness.desk.processDueWork()
        }

        // Regression (fixed): processDueWork pops every due outbox entry but calls deliverPendingMessages once, which
        // takes at most 500 messages; the rest stay pending with no timer left to send them.
        let stillPending = await harness.store.pendingOutbound(dueBy: .distantFuture, limit: 1000).count
        #expect(channel.deliveredMessages.count == count)
        #expect(stillPending == 0)

        #expect(channel.deliveredMessages.count + stillPending == count)
    }
}
