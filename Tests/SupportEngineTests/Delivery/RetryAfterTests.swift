import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A channel that asks to wait: `waits[n]` for the n-th send (then it accepts), counting or not.
private final class WaitingChannel: Channel, @unchecked Sendable {
    struct Wait: RetryAfterError {
        var retryAfter: TimeInterval
        var countsAsFailure: Bool
        var description: String { "asked to wait \(Int(retryAfter)) s" }
    }
    let kind: ChannelKind = .telegram
    private let lock = NSLock()
    private var waits: [TimeInterval]
    private let counts: Bool
    private var sends = 0
    init(waits: [TimeInterval], counts: Bool) {
        self.waits = waits
        self.counts = counts
    }
    var attempts: Int { lock.withLock { sends } }
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        let wait = lock.withLock { () -> TimeInterval? in
            sends += 1
            return waits.isEmpty ? nil : waits.removeFirst()
        }
        if let wait { throw Wait(retryAfter: wait, countsAsFailure: counts) }
        return DeliveryReceipt(externalID: "tg-\(message.id)", at: message.nextAttemptAt)
    }
}

@Suite("A channel that asks to wait")
struct RetryAfterTests {
    private func desk(_ channel: WaitingChannel, email: InMemoryChannel, clock: ManualClock) throws -> SupportDesk {
        try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [channel, email],
            configuration: DeskConfiguration(deliveryRetryDelay: 60, maximumDeliveryAttempts: 3),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([
                MemberProfile(id: "anna", displayName: "Anna", contactChannels: [.telegram, .email])
            ])
        )
    }

    private func reply(on desk: SupportDesk, clock: ManualClock) async throws -> TicketID {
        let inbound = InboundMessage(
            channel: .webForm,
            externalID: "form-1",
            sender: "anna",
            body: "The lesson does not load",
            receivedAt: clock.now
        )
        let id = try await desk.receive(inbound).ticket.id
        try await desk.reply(to: id, body: "Reload the page", by: .agent("olga"))
        return id
    }

    @Test("the next attempt comes exactly after the wait the provider named, not after the back-off")
    func honoursTheWait() async throws {
        let clock = ManualClock()
        let telegram = WaitingChannel(waits: [5], counts: true)
        let email = InMemoryChannel(kind: .email)
        let desk = try desk(telegram, email: email, clock: clock)
        let id = try await reply(on: desk, clock: clock)
        #expect(telegram.attempts == 1)
        let pending = try #require(try await desk.agentView(of: id).deliveries.first)
        #expect(pending.nextAttemptAt == clock.now.addingTimeInterval(5))
        #expect(pending.lastError == "asked to wait 5 s")
        clock.advance(by: 4)
        try await desk.processDueWork()
        #expect(telegram.attempts == 1, "not before the wait is over")
        clock.advance(by: 1)
        try await desk.processDueWork()
        #expect(telegram.attempts == 2)
        #expect(try await desk.agentView(of: id).deliveries.first?.state == .delivered)
        #expect(email.sentMessages.isEmpty)
    }

    @Test("waits that count fall back after the maximum attempts; pacing waits never do")
    func countingAndPacing() async throws {
        for counts in [true, false] {
            let clock = ManualClock()
            let telegram = WaitingChannel(waits: [1, 1, 1, 1], counts: counts)
            let email = InMemoryChannel(kind: .email)
            let desk = try desk(telegram, email: email, clock: clock)
            let id = try await reply(on: desk, clock: clock)
            for _ in 0..<4 {
                clock.advance(by: 1)
                try await desk.processDueWork()
            }
            let message = try #require(try await desk.agentView(of: id).deliveries.first)
            #expect(message.state == .delivered)
            if counts {
                #expect(telegram.attempts == 3, "three counted failures: the maximum")
                #expect(message.history.last?.channel == .email)
                #expect(email.sentMessages.count == 1)
            } else {
                #expect(telegram.attempts == 5, "four waits, then the send")
                #expect(message.history.map(\.channel) == Array(repeating: .telegram, count: 5))
                #expect(email.sentMessages.isEmpty)
            }
        }
    }
}
