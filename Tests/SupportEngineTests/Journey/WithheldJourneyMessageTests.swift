import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// A journey message waits in the outbox; whether the member may still be contacted is decided just
/// before the send, not when the message was written.
@Suite("Journey messages withheld at the send")
struct WithheldJourneyMessageTests {
    @Test func aWelcomeWrittenBeforeAnOptOutIsNotSent() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let email = RecordingChannel(kind: .email)
        let desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [email],
            configuration: DeskConfiguration(journey: JourneyPolicy()),
            ids: SequentialIDGenerator(),
            members: InMemoryMemberDirectory([MemberProfile(id: "anna", displayName: "Anna")])
        )
        // The welcome is written, but the delivery right after the join cannot claim it.
        store.failNext(.claimOutbound, .beforeWrite)
        _ = try await desk.journey.memberJoined("anna")
        let pending = await base.pendingOutbound(dueBy: .distantFuture, limit: 10)
        let welcome = try #require(pending.first { $0.ticketID == nil })

        _ = try await desk.journey.setOptOut("anna", true, by: .member("anna"))
        clock.advance(by: 3600)
        try await desk.processDueWork()
        try await desk.deliverPendingMessages()

        #expect(email.sends.isEmpty, "nothing reaches a member who opted out")
        let stored = try #require(await base.outbound(welcome.id))
        #expect(stored.state == .withheld)
        #expect(stored.lastError?.contains("opted out") == true)
    }
}
