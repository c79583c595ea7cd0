import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A channel that says it is unavailable (live chat with nobody on).
private struct ClosedChannel: Channel {
    let kind: ChannelKind
    var isAvailable: Bool { false }
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        Issue.record("an unavailable channel was asked to send")
        return DeliveryReceipt(externalID: "never", at: message.createdAt)
    }
}

/// A channel whose member blocked the bot: retrying cannot help.
private final class BlockedChannel: Channel, @unchecked Sendable {
    struct Blocked: UndeliverableError {
        var description: String { "the member blocked the bot" }
    }
    let kind: ChannelKind
    private let lock = NSLock()
    private var tries = 0
    init(kind: ChannelKind) { self.kind = kind }
    var attempts: Int { lock.withLock { tries } }
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        lock.withLock { tries += 1 }
        throw Blocked()
    }
}

@Suite("Delivery fallback")
struct DeliveryFallbackTests {
    let member = MemberProfile(id: "anna", displayName: "Anna", contactChannels: [.telegram, .email])

    private func desk(
        channels: [any Channel],
        clock: ManualClock,
        attempts: Int = 3
    ) -> (SupportDesk, InMemoryTicketStore) {
        let store = InMemoryTicketStore()
        let desk = try! SupportDesk(
            store: store,
            clock: clock,
            channels: channels,
            configuration: DeskConfiguration(deliveryRetryDelay: 60, maximumDeliveryAttempts: attempts),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([member])
        )
        return (desk, store)
    }

    private func openTicket(on desk: SupportDesk, clock: ManualClock) async throws -> TicketID {
        let outcome = try await desk.receive(
            InboundMessage(
                channel: .webForm,
                externalID: "form-1",
                sender: "anna",
                body: "The video lesson does not load",
                receivedAt: clock.now
            )
        )
        return outcome.ticket.id
    }

    @Test func fallsBackToTheNextPreferredChannelAfterRepeatedFailures() async throws {
        let clock = ManualClock()
        let telegram = FailingChannel(kind: .telegram, failures: .max)
        let email = InMemoryChannel(kind: .email)
        let (desk, _) = desk(channels: [telegram, email], clock: clock)
        let id = try await openTicket(on: desk, clock: clock)
        try await desk.reply(to: id, body: "Try reloading the page", by: .agent("olga"))
        #expect(telegram.attempts.count == 1)
        clock.advance(by: 60)
        try await desk.processDueWork()
        #expect(telegram.attempts.count == 2)
        clock.advance(by: 119)
        try await desk.processDueWork()
        #expect(telegram.attempts.count == 2, "the second retry waits the doubled delay")
        clock.advance(by: 1)
        try await desk.processDueWork()
        #expect(telegram.attempts.count == 3)
        #expect(email.sentMessages.map(\.body) == ["Try reloading the page"])

        let deliveries = try await desk.agentView(of: id).deliveries
        let message = try #require(deliveries.first)
        #expect(message.state == .delivered)
        #expect(message.history.map(\.channel) == [.telegram, .telegram, .telegram, .email])
        #expect(message.history.map(\.number) == [1, 2, 3, 4])
        guard case .delivered = message.history.last?.outcome else {
            Issue.record("the last attempt should be the delivery")
            return
        }
    }

    @Test("an undeliverable error falls back at once, without the retries a passing failure gets")
    func undeliverableFallsBackAtOnce() async throws {
        let clock = ManualClock()
        let telegram = BlockedChannel(kind: .telegram)
        let email = InMemoryChannel(kind: .email)
        let (desk, _) = desk(channels: [telegram, email], clock: clock)
        let id = try await openTicket(on: desk, clock: clock)
        try await desk.reply(to: id, body: "Here is the link", by: .agent("olga"))
        #expect(telegram.attempts == 1, "no retry on the channel that cannot deliver")
        #expect(email.sentMessages.map(\.body) == ["Here is the link"], "sent on the next channel in the same pass")
        let history = try #require(try await desk.agentView(of: id).deliveries.first).history
        #expect(history.map(\.channel) == [.telegram, .email])
        guard case .failed(let reason) = history.first?.outcome else {
            Issue.record("expected the failed attempt first, got \(history)")
            return
        }
        #expect(reason == "the member blocked the bot")
    }

    @Test func anUnavailableChannelIsSkippedAtOnce() async throws {
        let clock = ManualClock()
        let email = InMemoryChannel(kind: .email)
        let (desk, _) = desk(channels: [ClosedChannel(kind: .telegram), email], clock: clock)
        let id = try await openTicket(on: desk, clock: clock)
        try await desk.reply(to: id, body: "Here is the link", by: .agent("olga"))
        #expect(email.sentMessages.count == 1)
        let history = try #require(try await desk.agentView(of: id).deliveries.first).history
        guard case .unavailable = history.first?.outcome else {
            Issue.record("expected the unavailable attempt first, got \(history)")
            return
        }
        #expect(history.count == 2)
    }

    @Test func everyChannelFailingEndsInADeadLetterThatStaysVisible() async throws {
        let clock = ManualClock()
        let telegram = FailingChannel(kind: .telegram, failures: .max)
        let email = FailingChannel(kind: .email, failures: .max)
        let (desk, _) = desk(channels: [telegram, email], clock: clock, attempts: 2)
        let id = try await openTicket(on: desk, clock: clock)
        try await desk.reply(to: id, body: "Answer", by: .agent("olga"))
        for _ in 0..<10 {
            clock.advance(by: 3600)
            try await desk.processDueWork()
        }
        #expect(telegram.attempts.count == 2)
        #expect(email.attempts.count == 2)
        let dead = try await desk.deadLetters()
        #expect(dead.count == 1)
        #expect(dead.first?.state == .deadLettered)
        #expect(dead.first?.history.count == 4)
        #expect(dead.first?.ticketID == id)
        #expect(dead.first?.lastError?.contains("simulated failure") == true)
    }
}
