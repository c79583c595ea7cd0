import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// The desk against a store that reports version conflicts on demand (``ConflictingStore``).
@Suite("Version conflicts and retries")
struct ConflictRetryTests {
    private func desk(
        on store: ConflictingStore,
        retries: Int = 8,
        channels: [any Channel] = []
    ) -> SupportDesk {
        try! SupportDesk(
            store: store,
            clock: ManualClock(),
            channels: channels,
            configuration: DeskConfiguration(conflictRetries: retries),
            ids: SequentialIDGenerator()
        )
    }

    private static let inbound = InboundMessage(
        channel: .email,
        externalID: "mail-1",
        sender: "alice",
        body: "I cannot log in",
        receivedAt: Date(timeIntervalSince1970: 1_767_603_600)
    )

    /// Every outbound message the store holds among the first `limit` sequential ids.
    private func outbound(in store: InMemoryTicketStore, limit: Int = 40) async -> [OutboundMessage] {
        var result: [OutboundMessage] = []
        for number in 1...limit {
            if let message = await store.outbound(OutboundID(String(format: "O-%06d", number))) {
                result.append(message)
            }
        }
        return result
    }

    @Test("a receive that meets conflicts is retried until it commits", arguments: [1, 3, 8])
    func receiveRetriesConflicts(_ conflicts: Int) async throws {
        let store = ConflictingStore(conflicts: conflicts)
        let outcome = try await desk(on: store).receive(Self.inbound)

        #expect(outcome.disposition == .created)
        #expect(await store.commitAttempts == conflicts + 1)
        #expect(await store.base.ticketCount == 1)
        #expect(await store.base.ticket(outcome.ticket.id)?.ticket == outcome.ticket)
        let events = await store.base.events(of: outcome.ticket.id)
        #expect(events.first?.change.name == "created")
        #expect(try Ticket.replay(events) == outcome.ticket, "stored exactly once, not once per attempt")
    }

    @Test("conflicts beyond conflictRetries throw conflict and store nothing", arguments: [0, 2, 8])
    func receiveGivesUp(_ retries: Int) async throws {
        let store = ConflictingStore(conflicts: retries + 1)
        let desk = desk(on: store, retries: retries)

        let error = await expectDeskError(.conflict) { try await desk.receive(Self.inbound) }
        #expect(error?.message.contains("mail-1") == true)
        #expect(await store.commitAttempts == retries + 1)
        #expect(await store.base.ticketCount == 0)
        #expect(await store.base.ticketID(forExternalMessage: Self.inbound.key) == nil)
        #expect(await store.base.ticketID(forThread: ThreadKey(rawValue: "mail-1")) == nil)

        // Once the store stops conflicting, the same message goes in once.
        let outcome = try await desk.receive(Self.inbound)
        #expect(outcome.disposition == .created)
        #expect(await store.base.ticketCount == 1)
    }

    @Test("a reply that meets conflicts commits once and is sent once")
    func replyRetriesConflicts() async throws {
        let store = ConflictingStore(conflicts: 0)
        let email = InMemoryChannel(kind: .email)
        let desk = desk(on: store, channels: [email])
        let id = try await desk.receive(Self.inbound).ticket.id
        await store.conflictNext(3)

        let ticket = try await desk.reply(to: id, body: "Try again now", by: DeskHarness.agent)

        #expect(await store.commitAttempts == 4)
        #expect(ticket.messages.filter { $0.kind == .publicReply }.count == 1)
        #expect(await store.base.events(of: id).count == ticket.version)
        let outbox = await outbound(in: store.base)
        #expect(outbox.count == 1)
        #expect(outbox.first?.state == .delivered)
        #expect(email.sentMessages.map(\.body) == ["Try again now"])
    }

    @Test("a reply whose conflicts exceed conflictRetries throws conflict and changes and sends nothing")
    func replyGivesUp() async throws {
        let store = ConflictingStore(conflicts: 0)
        let email = InMemoryChannel(kind: .email)
        let desk = desk(on: store, retries: 2, channels: [email])
        let id = try await desk.receive(Self.inbound).ticket.id
        let before = await store.base.events(of: id)
        await store.conflictNext(3)

        await expectDeskError(.conflict) { try await desk.reply(to: id, body: "Try again now", by: DeskHarness.agent) }

        #expect(await store.commitAttempts == 3)
        #expect(await store.base.events(of: id) == before)
        #expect(await outbound(in: store.base).isEmpty)
        #expect(email.sentMessages.isEmpty)
    }

    @Test("a merge whose conflicts exceed conflictRetries changes neither ticket")
    func mergeGivesUp() async throws {
        let store = ConflictingStore(conflicts: 0)
        let desk = desk(on: store, retries: 1)
        let source = try await desk.receive(Self.inbound).ticket.id
        var second = Self.inbound
        second.externalID = "mail-2"
        let target = try await desk.receive(second).ticket.id
        let before = [await store.base.events(of: source), await store.base.events(of: target)]
        await store.conflictNext(2)

        await expectDeskError(.conflict) { try await desk.merge(source, into: target, by: DeskHarness.agent) }

        #expect(await store.commitAttempts == 2)
        #expect([await store.base.events(of: source), await store.base.events(of: target)] == before)
    }

}
