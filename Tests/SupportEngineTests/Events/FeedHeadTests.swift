import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The newest feed position")
struct FeedHeadTests {
    /// A store that leaves ``TicketStore/latestDeskEventPosition()`` to the protocol's default.
    private actor PagingStore: ForwardingTicketStore {
        let base = InMemoryTicketStore()
    }

    @Test("the protocol's default pages to the end of a feed longer than a page, as the index does")
    func defaultPagesToTheEnd() async throws {
        let store = PagingStore()
        #expect(try await store.latestDeskEventPosition() == 0)
        let clock = ManualClock()
        let desk = try SupportDesk(store: store, clock: clock, channels: [], ids: SequentialIDGenerator())
        var index = 0
        while try await store.base.latestDeskEventPosition() <= DeskFeedEntry.maximumPageSize + 10, index < 3_000 {
            let message = InboundMessage(
                channel: .email,
                externalID: "m-\(index)",
                sender: MemberID("member-\(index)"),
                body: "Help \(index)",
                receivedAt: clock.now
            )
            try await desk.receive(message)
            index += 1
        }
        let indexed = try await store.base.latestDeskEventPosition()
        #expect(indexed > DeskFeedEntry.maximumPageSize, "the feed spans more than one page")
        #expect(try await store.latestDeskEventPosition() == indexed)
        let tail = try await store.deskEvents(after: indexed - 1, limit: 10)
        #expect(tail.map(\.position) == [indexed], "the newest position is the feed's last entry")
    }

    @Test("a consumer starting from the desk's newest position sees only what happens next")
    func startFromNow() async throws {
        let harness = DeskHarness()
        try await harness.receive("m-1")
        let now = try await harness.desk.latestEventPosition()
        #expect(now > 0)
        try await harness.receive("m-2", from: "bruno", body: "Where is my invoice?")
        let next = try await harness.desk.events(after: now)
        #expect(!next.isEmpty)
        #expect(next.allSatisfy { $0.event.member == "bruno" }, "\(next.map(\.event))")
    }
}
