import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The desk's event feed")
struct DeskEventFeedTests {
    private static func desk(store: any TicketStore, clock: ManualClock) throws -> SupportDesk {
        try SupportDesk(
            store: store,
            clock: clock,
            channels: [InMemoryChannel(kind: .email)],
            configuration: DeskConfiguration(agents: [AgentProfile(id: "olga", displayName: "Olga")]),
            ids: SequentialIDGenerator()
        )
    }

    private static func message(_ id: String, from member: MemberID, body: String, at: Date) -> InboundMessage {
        InboundMessage(channel: .email, externalID: id, sender: member, body: body, receivedAt: at)
    }

    @Test("a ticket's life is in the feed, once, in order, without the member's words")
    func ticketLife() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let desk = try Self.desk(store: store, clock: clock)
        let secret = "my card number is 4111 1111 1111 1111"
        let ticket = try await desk.receive(Self.message("m1", from: "anna", body: secret, at: clock.now)).ticket
        clock.advance(by: 60)
        try await desk.reply(to: ticket.id, body: "We are on it", by: .agent("olga"))
        try await desk.solve(ticket.id, by: .agent("olga"))

        let feed = try await desk.events(limit: 1000)
        #expect(feed.map(\.position) == Array(1...feed.count))
        let expected = await store.events(of: ticket.id).compactMap { DeskEvent($0, requester: "anna") }
        #expect(feed.map(\.event) == expected, "the feed is the ticket's reported events")
        let kinds = feed.map(\.event.kind)
        #expect(kinds.first == .ticketCreated)
        #expect(kinds.contains(.messageAdded))
        #expect(feed.last?.event.kind == .statusChanged && feed.last?.event.details["to"] == "solved")
        let encoded = String(decoding: try JSONEncoder().encode(feed), as: UTF8.self)
        #expect(!encoded.contains("4111"), "the feed carries no member text")
        #expect(!encoded.contains("We are on it"), "the feed carries no reply text")
        #expect(try await desk.events(after: feed.count, limit: 10).isEmpty)
    }

    @Test("a rating is reported once, and a retry after a lost report heals the feed")
    func ratingReportedOnce() async throws {
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base, seed: 1)
        let clock = ManualClock()
        let desk = try Self.desk(store: store, clock: clock)
        let ticket = try await desk.receive(Self.message("m1", from: "anna", body: "Broken button", at: clock.now))
            .ticket
        try await desk.solve(ticket.id, by: .agent("olga"))
        func ratingEvents() async throws -> [DeskEvent] {
            try await base.deskEvents(after: 0, limit: 1000).map(\.event).filter { $0.kind == .ratingReceived }
        }

        // The rating is saved, then the commit of its feed event fails: the call reports the failure.
        store.failNext(.commit, .beforeWrite)
        await #expect(throws: StoreError.self) { try await desk.ratings.rate(ticket.id, score: 4, by: "anna") }
        #expect(try await ratingEvents().isEmpty)
        #expect(try await desk.ratings.rating(of: ticket.id)?.score == 4, "the rating itself stands")

        // The member's retry finds the rating and reports it; every later try adds nothing.
        for _ in 0..<2 {
            await #expect(throws: RatingError.self) { try await desk.ratings.rate(ticket.id, score: 4, by: "anna") }
        }
        let events = try await ratingEvents()
        #expect(events.count == 1)
        #expect(events.first?.details["score"] == "4")
        #expect(events.first?.ticket == ticket.id && events.first?.member == "anna")
    }

    @Test("a live stream yields what is stored, waits on the clock, and ends when cancelled")
    func liveStream() async throws {
        let store = InMemoryTicketStore()
        let clock = ManualClock()
        let desk = try Self.desk(store: store, clock: clock)
        _ = try await desk.receive(Self.message("m1", from: "anna", body: "One", at: clock.now))
        let before = try await desk.events(limit: 1000)

        let stream = try desk.eventStream(after: 0, pollInterval: 0.5, pageSize: 2)
        let received = LockedBox<[DeskFeedEntry]>([])
        let consumer = Task {
            for try await entry in stream { received.withLock { $0.append(entry) } }
        }
        // The consumer reads what is stored, then waits half a second on the desk's clock.
        let firstWait = await clock.nextSleep()
        #expect(firstWait == clock.now.addingTimeInterval(0.5))
        #expect(received.withLock { $0 } == before)

        _ = try await desk.receive(Self.message("m2", from: "boris", body: "Two", at: clock.now))
        let all = try await desk.events(limit: 1000)
        clock.advance(by: 0.5)
        await clock.nextSleep()  // it read the new events and waits again
        #expect(received.withLock { $0 } == all, "the stream yields every entry once, in order")

        consumer.cancel()
        clock.advance(by: 0.5)
        try await consumer.value
        #expect(received.withLock { $0 }.count == all.count)
    }

    @Test("feed arguments out of range are refused with a clear error")
    func argumentsValidated() async throws {
        let desk = try Self.desk(store: InMemoryTicketStore(), clock: ManualClock())
        for interval in [0, -1, 3601] as [TimeInterval] {
            #expect(throws: DeskError.self) { _ = try desk.eventStream(pollInterval: interval) }
        }
        #expect(throws: DeskError.self) { _ = try desk.eventStream(pageSize: 0) }
        #expect(throws: DeskError.self) { _ = try desk.eventStream(after: -3) }
        await #expect(throws: StoreError.self) { _ = try await desk.events(after: -1) }
        await #expect(throws: StoreError.self) { _ = try await desk.events(limit: 1001) }
    }
}
