import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("An erasure racing a write")
struct ErasureRaceTests {
    /// A store that runs a hook once, just before the next commit reaches it: an erasure recorded and
    /// carried out while a write that found no erasure is on its way.
    private actor RacingStore: ForwardingTicketStore {
        let base = InMemoryTicketStore()
        private var hook: (@Sendable () async throws -> Void)?

        func beforeNextCommit(_ hook: @escaping @Sendable () async throws -> Void) { self.hook = hook }

        func commit(_ commit: TicketCommit) async throws {
            if let hook {
                self.hook = nil
                try await hook()
            }
            try await base.commit(commit)
        }

        func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
            await base.eraseMember(member, redaction: redaction)
        }
    }

    private static func texts(in store: InMemoryTicketStore, of member: MemberID) async throws -> [String] {
        let page = try await store.tickets(matching: TicketQuery(requester: member, limit: 100))
        return page.tickets.flatMap { stored in [stored.ticket.subject] + stored.ticket.messages.map(\.body) }
    }

    @Test("a message that checked before the erasure was recorded is redacted after it lands, and refused")
    func inboundRacingAnErasure() async throws {
        let store = RacingStore()
        let clock = ManualClock()
        let desk = try SupportDesk(store: store, clock: clock, ids: SequentialIDGenerator())
        let first = InboundMessage(
            channel: .email,
            externalID: "m-1",
            sender: "anna",
            subject: "Anna Ivanova, flat 12",
            body: "My phone is +34 600 000 001",
            receivedAt: clock.now
        )
        try await desk.receive(first)
        await store.beforeNextCommit { _ = try await desk.erase(member: "anna", by: .owner("olga")) }
        let second = InboundMessage(
            channel: .email,
            externalID: "m-2",
            sender: "anna",
            body: "And my card ends in 4242",
            receivedAt: clock.now
        )
        do {
            try await desk.receive(second)
            Issue.record("a message of an erased member was accepted")
        } catch let error as DeskError {
            #expect(error.code == .memberErased)
        }
        let left = try await Self.texts(in: store.base, of: "anna")
        #expect(!left.isEmpty, "the tickets are kept for statistics")
        for text in left {
            #expect(!text.contains("4242") && !text.contains("+34") && !text.contains("Ivanova"), "\(text)")
        }
    }

    @Test("an agent's reply that checked before the erasure was recorded is redacted after it lands")
    func replyRacingAnErasure() async throws {
        let store = RacingStore()
        let clock = ManualClock()
        let desk = try SupportDesk(store: store, clock: clock, ids: SequentialIDGenerator())
        let message = InboundMessage(
            channel: .email,
            externalID: "m-1",
            sender: "anna",
            body: "Please call me at +34 600 000 001",
            receivedAt: clock.now
        )
        let id = try await desk.receive(message).ticket.id
        await store.beforeNextCommit { _ = try await desk.erase(member: "anna", by: .member("anna")) }
        await #expect(throws: DeskError.self) {
            try await desk.reply(to: id, body: "Anna, we will call +34 600 000 001 at five", by: .agent("olga"))
        }
        for text in try await Self.texts(in: store.base, of: "anna") {
            #expect(!text.contains("+34"), "\(text)")
        }
    }

    @Test("a merge that read the messages before the erasure does not bring them back")
    func mergeRacingAnErasure() async throws {
        let store = RacingStore()
        let clock = ManualClock()
        let desk = try SupportDesk(store: store, clock: clock, ids: SequentialIDGenerator())
        var ids: [TicketID] = []
        for (index, body) in ["My address is Calle Mayor 5", "Second question, same flat"].enumerated() {
            let message = InboundMessage(
                channel: .email,
                externalID: "m-\(index)",
                sender: "anna",
                subject: "Question \(index)",
                body: body,
                receivedAt: clock.now
            )
            ids.append(try await desk.receive(message).ticket.id)
        }
        await store.beforeNextCommit { _ = try await desk.erase(member: "anna", by: .owner("olga")) }
        await #expect(throws: DeskError.self) {
            try await desk.merge(ids[1], into: ids[0], by: .agent("olga"))
        }
        for text in try await Self.texts(in: store.base, of: "anna") {
            #expect(!text.contains("Calle Mayor") && !text.contains("flat"), "\(text)")
        }
    }
}
