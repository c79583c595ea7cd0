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
}
