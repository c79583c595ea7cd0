import Foundation
import SupportEngineTesting
import Testing

@Suite("Concurrent receives and version conflicts")
struct ConcurrencyTests {
    @Test("1,000 concurrent deliveries of 800 distinct messages make exactly 800 tickets")
    func concurrentReceives() async throws {
        let seed: UInt64 = 0xC0FF_EE00_0800
        var random = SplitMix64(seed: seed)
        let harness = DeskHarness()
        let distinct = (0..<800).map { number in
            harness.message(
                String(format: "ext-%04d", number),
                from: MemberID("member-\(number % 37)"),
                body: "message number \(number)",
                channel: number.isMultiple(of: 3) ? .telegram : .email
            )
        }
        var deliveries = distinct
        for _ in 0..<200 { deliveries.append(distinct[Int.random(in: 0..<distinct.count, using: &random)]) }
        deliveries.shuffle(using: &random)

        let results = try await withThrowingTaskGroup(of: (InboundMessage, ReceiveOutcome).self) { group in
            for inbound in deliveries { group.addTask { (inbound, try await harness.desk.receive(inbound)) } }
            var results: [(InboundMessage, ReceiveOutcome)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 1000, "seed \(seed)")

        let tickets = try await harness.allTickets()
        #expect(tickets.count == 800, "seed \(seed)")
        #expect(await harness.store.ticketCount == 800, "seed \(seed)")
        var storedIn: [ExternalMessageKey: [TicketID]] = [:]
        for stored in tickets {
            #expect(stored.ticket.messages.count == 1, "seed \(seed): ticket \(stored.ticket.id)")
            for message in stored.ticket.messages where message.kind == .memberMessage {
                let channel = try #require(message.channel)
                let externalID = try #require(message.externalID)
                storedIn[ExternalMessageKey(channel: channel, externalID: externalID), default: []]
                    .append(stored.ticket.id)
            }
        }
        #expect(storedIn.count == 800, "seed \(seed)")
        #expect(storedIn.values.allSatisfy { $0.count == 1 }, "seed \(seed): a message was stored twice")

        let outcomesByKey = Dictionary(grouping: results, by: { $0.0.key })
        #expect(outcomesByKey.count == 800)
        for (key, outcomes) in outcomesByKey {
            let storedTicket = try #require(storedIn[key]?.first, "seed \(seed): \(key) not stored")
            #expect(Set(outcomes.map(\.1.ticket.id)) == [storedTicket], "seed \(seed): \(key)")
            #expect(outcomes.filter { $0.1.disposition == .created }.count == 1, "seed \(seed): \(key)")
            #expect(
                outcomes.allSatisfy { $0.1.disposition == .created || $0.1.disposition == .duplicate },
                "seed \(seed): \(key)"
            )
            let inbound = try #require(outcomes.first?.0)
            let ticket = try await harness.ticket(storedTicket)
            #expect(ticket.requester == inbound.sender, "seed \(seed): \(key)")
            #expect(ticket.messages.first?.body == inbound.body, "seed \(seed): \(key)")
        }
    }

    private func desk(
        on store: ConflictingStore,
        retries: Int = 8,
        channels: [any Channel] = []
    ) -> SupportDesk {
        SupportDesk(
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
        #expect(await store.base.events(of: outcome.ticket.id).count == 1)
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
