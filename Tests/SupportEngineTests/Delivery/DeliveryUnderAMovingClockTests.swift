import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A channel that says it is unavailable (live chat with nobody on).
private struct UnavailableChannel: Channel {
    let kind: ChannelKind
    var isAvailable: Bool { false }
    func send(_ message: OutboundMessage) async throws -> DeliveryReceipt {
        Issue.record("an unavailable channel was asked to send")
        return DeliveryReceipt(externalID: "never", at: message.createdAt)
    }
}

/// Delivery on a clock that moves while the desk works, as a real one does.
@Suite("Delivery under a moving clock")
struct DeliveryUnderAMovingClockTests {
    let member = MemberProfile(id: "anna", displayName: "Anna", contactChannels: [.telegram, .email])

    private func openTicket(channels: [any Channel], attempts: Int = 3) async throws -> (SupportDesk, TicketID) {
        let clock = MovingClock(step: 0.5)
        let desk = try SupportDesk(
            store: InMemoryTicketStore(),
            clock: clock,
            channels: channels,
            configuration: DeskConfiguration(deliveryRetryDelay: 60, maximumDeliveryAttempts: attempts),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([member])
        )
        let outcome = try await desk.receive(
            InboundMessage(
                channel: .webForm,
                externalID: "form-1",
                sender: "anna",
                body: "The video lesson does not load",
                receivedAt: clock.now
            )
        )
        return (desk, outcome.ticket.id)
    }

    @Test func anUnavailableChannelFallsBackInTheSamePass() async throws {
        let email = RecordingChannel(kind: .email)
        let (desk, id) = try await openTicket(channels: [UnavailableChannel(kind: .telegram), email])
        try await desk.reply(to: id, body: "Here is the link", by: .agent("olga"))
        #expect(email.deliveredMessages.map(\.body) == ["Here is the link"])
        let message = try #require(try await desk.agentView(of: id).deliveries.last)
        #expect(message.state == .delivered)
        #expect(message.history.map(\.channel) == [.telegram, .email])
    }

    @Test func theLastFailureOnAChannelFallsBackInTheSamePass() async throws {
        let telegram = RecordingChannel(kind: .telegram, failures: .max)
        let email = RecordingChannel(kind: .email)
        let (desk, id) = try await openTicket(channels: [telegram, email], attempts: 1)
        try await desk.reply(to: id, body: "Try reloading the page", by: .agent("olga"))
        #expect(telegram.sends.count == 1)
        #expect(email.deliveredMessages.map(\.body) == ["Try reloading the page"])
    }
}
