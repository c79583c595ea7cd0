import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A messenger that reaches only the members who linked it.
private final class LinkedOnlyChannel: Channel, @unchecked Sendable {
    let kind: ChannelKind = .telegram
    private let lock = NSLock()
    private var linked: Set<MemberID>
    private var sent: [OutboundMessage] = []
    init(linked: Set<MemberID>) { self.linked = linked }
    var sentMessages: [OutboundMessage] { lock.withLock { sent } }
    func unlink(_ member: MemberID) { _ = lock.withLock { linked.remove(member) } }
    func canReach(_ member: MemberID) async -> Bool { lock.withLock { linked.contains(member) } }
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        lock.withLock { sent.append(message) }
        return DeliveryReceipt(externalID: "tg-\(message.id)", at: message.nextAttemptAt)
    }
}

@Suite("A channel that cannot reach a member")
struct ReachTests {
    @Test("it is skipped at once without a send; the member view names the channel the answer goes out on")
    func skippedAndNamed() async throws {
        let clock = ManualClock()
        let telegram = LinkedOnlyChannel(linked: ["anna"])
        let email = InMemoryChannel(kind: .email)
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [telegram, email],
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([
                MemberProfile(id: "anna", displayName: "Anna", contactChannels: [.telegram, .email])
            ])
        )
        let inbound = InboundMessage(
            channel: .telegram,
            externalID: "tg-1",
            sender: "anna",
            body: "The lesson does not load",
            receivedAt: clock.now
        )
        let id = try await desk.receive(inbound).ticket.id
        #expect(try await desk.memberView(of: id, for: "anna").replyChannel == .telegram)
        try await desk.reply(to: id, body: "Reload the page", by: .agent("olga"))
        #expect(telegram.sentMessages.map(\.body) == ["Reload the page"])

        telegram.unlink("anna")
        #expect(try await desk.memberView(of: id, for: "anna").replyChannel == .email)
        try await desk.reply(to: id, body: "Did it help?", by: .agent("olga"))
        #expect(telegram.sentMessages.count == 1, "not asked to send")
        #expect(email.sentMessages.map(\.body) == ["Did it help?"])
        let history = try #require(try await desk.agentView(of: id).deliveries.last).history
        #expect(history.map(\.channel) == [.telegram, .email])
        guard case .unavailable(let reason) = history.first?.outcome else {
            Issue.record("expected the telegram attempt to be unavailable, got \(history)")
            return
        }
        #expect(reason == "channel telegram cannot reach anna")
    }

    @Test("the acknowledgement names the channel the answer goes out on, in the member's language")
    func acknowledgementNamesTheChannel() async throws {
        let hours = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        let boundaries = try BoundariesPolicy(
            hours: hours,
            channels: [ChannelPolicy(kind: .email), ChannelPolicy(kind: .telegram)],
            promises: [.normal: ResponseTargets(firstReply: .business(4 * 3600))]
        )
        let clock = ManualClock(now: ISO8601DateFormatter().date(from: "2026-01-12T10:00:00+03:00")!)
        let telegram = LinkedOnlyChannel(linked: ["anna"])
        let email = InMemoryChannel(kind: .email)
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: [telegram, email],
            configuration: DeskConfiguration(boundaries: boundaries),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([
                MemberProfile(id: "anna", displayName: "Анна", locale: .ru, contactChannels: [.telegram, .email]),
                MemberProfile(id: "boris", displayName: "Boris", contactChannels: [.telegram, .email]),
            ])
        )
        for sender: MemberID in ["anna", "boris"] {
            let inbound = InboundMessage(
                channel: .telegram,
                externalID: "tg-\(sender)",
                sender: sender,
                body: "The lesson does not load",
                receivedAt: clock.now
            )
            try await desk.receive(inbound)
        }
        let toAnna = try #require(telegram.sentMessages.first)
        #expect(toAnna.body.contains("Ответим вам здесь: Telegram."), "\(toAnna.body)")
        let toBoris = try #require(email.sentMessages.first)
        #expect(toBoris.recipient == "boris")
        #expect(toBoris.body.contains("We will answer you on: Email."), "\(toBoris.body)")
    }
}
