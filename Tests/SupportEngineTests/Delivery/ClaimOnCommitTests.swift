import Foundation
import SupportEngineTesting
import Testing

@testable import SupportEngine

/// `DeskConfiguration.deliveryClaimsOnCommit`: the messages a commit makes due at once are committed
/// claimed by the desk and sent without claiming them again; a commit reported failed, a stopped desk
/// and a second desk on the store still send each message once.
@Suite("Claims made by the commit")
struct ClaimOnCommitTests {
    private static func configuration(claimOnCommit: Bool) -> DeskConfiguration {
        DeskConfiguration(deliveryRetryDelay: 60, deliveryClaimDuration: 300, deliveryClaimsOnCommit: claimOnCommit)
    }

    private static func desk(
        _ store: any TicketStore,
        channel: RecordingChannel,
        clock: ManualClock,
        claimOnCommit: Bool = true,
        prefix: String = ""
    ) throws -> SupportDesk {
        try SupportDesk(
            store: store,
            clock: clock,
            channels: [channel],
            configuration: configuration(claimOnCommit: claimOnCommit),
            ids: PrefixedIDs(prefix: prefix)
        )
    }

    private static func message(_ id: String, at instant: Date) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: id,
            sender: "anna",
            body: "The video lesson does not load",
            receivedAt: instant
        )
    }

    @Test(arguments: [true, false])
    func aReplyIsSentOnceWithOrWithoutAClaimRoundTrip(claimOnCommit: Bool) async throws {
        let clock = ManualClock()
        let store = ClaimCountingStore()
        let channel = RecordingChannel(kind: .email)
        let desk = try Self.desk(store, channel: channel, clock: clock, claimOnCommit: claimOnCommit)
        let outcome = try await desk.receive(Self.message("mail-1", at: clock.now))

        try await desk.reply(to: outcome.ticket.id, body: "Try reloading the page", by: .agent("olga"))

        let sent = try #require(await store.base.outbound(ofTicket: outcome.ticket.id).first)
        #expect(sent.state == .delivered)
        #expect(sent.claim == nil, "the update under the claim ended it")
        #expect(channel.deliveries(of: sent.idempotencyKey) == 1)
        #expect(await store.claims == (claimOnCommit ? 0 : 1), "claimOutbound calls for one reply")
    }

    @Test func aStoreThatKeepsNoClaimFromACommitIsClaimedAsBefore() async throws {
        let clock = ManualClock()
        let store = ClaimCountingStore(says: false, keeps: false)
        let channel = RecordingChannel(kind: .email)
        let desk = try Self.desk(store, channel: channel, clock: clock)
        let outcome = try await desk.receive(Self.message("mail-1", at: clock.now))

        try await desk.reply(to: outcome.ticket.id, body: "Try reloading the page", by: .agent("olga"))

        #expect(await store.claims == 1, "the desk claimed the message itself")
        let sent = try #require(await store.base.outbound(ofTicket: outcome.ticket.id).first)
        #expect(sent.state == .delivered)
        #expect(channel.deliveries(of: sent.idempotencyKey) == 1)
    }

    @Test func aCommitReportedFailedIsSentByItsDeskAtTheNextPassAndNotByAnother() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let channel = RecordingChannel(kind: .email)
        let first = try Self.desk(store, channel: channel, clock: clock, prefix: "a")
        let second = try Self.desk(store, channel: channel, clock: clock, prefix: "b")
        let ticket = try await first.receive(Self.message("mail-1", at: clock.now)).ticket.id
        store.failNext(.commit, .afterWrite)

        await #expect(throws: StoreError.self) {
            try await first.reply(to: ticket, body: "Try reloading the page", by: .agent("olga"))
        }

        let stored = try #require(await base.outbound(matching: OutboxQuery(limit: 10)).messages.first)
        #expect(stored.claim?.token == "commit:\(stored.id.rawValue)", "the commit stood with its claim")
        #expect(channel.sends.isEmpty)
        try await second.deliverPendingMessages()
        #expect(channel.sends.isEmpty, "another desk cannot send a message claimed by the commit")
        clock.advance(by: 60)
        try await first.processDueWork()
        #expect(channel.deliveries(of: stored.idempotencyKey) == 1, "the committing desk sent it at its next pass")
        #expect(await base.outbound(stored.id)?.state == .delivered)
        clock.advance(by: 600)
        try await second.processDueWork()
        try await first.processDueWork()
        #expect(channel.deliveries(of: stored.idempotencyKey) == 1)
        #expect(channel.duplicatedKeys.isEmpty)
    }

    @Test func aMessageOfADeskThatStoppedAfterItsCommitIsSentByAnotherWhenTheClaimEnds() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let channel = RecordingChannel(kind: .email)
        let stopped = try Self.desk(store, channel: channel, clock: clock, prefix: "a")
        let ticket = try await stopped.receive(Self.message("mail-1", at: clock.now)).ticket.id
        // The commit stands but the answer is lost, and the desk stops before its next pass.
        store.failNext(.commit, .afterWrite)
        await #expect(throws: StoreError.self) {
            try await stopped.reply(to: ticket, body: "Try reloading the page", by: .agent("olga"))
        }
        let other = try Self.desk(store, channel: channel, clock: clock, prefix: "b")

        clock.advance(by: 299)
        try await other.deliverPendingMessages()
        #expect(channel.sends.isEmpty, "the claim holds until it ends")
        clock.advance(by: 1)
        try await other.deliverPendingMessages()
        let sent = try #require(await base.outbound(matching: OutboxQuery(limit: 10)).messages.first)
        #expect(sent.state == .delivered)
        #expect(channel.deliveries(of: sent.idempotencyKey) == 1)
    }

    @Test func journeyMessagesAreNotClaimedByTheCommit() async throws {
        let clock = ManualClock()
        let desk = try Self.desk(InMemoryTicketStore(), channel: RecordingChannel(kind: .email), clock: clock)
        func message(_ id: String, ticket: TicketID?) -> OutboundMessage {
            OutboundMessage(
                id: OutboundID(id),
                ticketID: ticket,
                messageID: nil,
                recipient: "anna",
                channel: .email,
                subject: "Welcome",
                body: "Hello",
                createdAt: clock.now
            )
        }
        var outbound = [message("O-journey", ticket: nil), message("O-ticket", ticket: "T-1")]
        let claimed = await desk.claimOnCommit(&outbound)
        #expect(claimed.keys.map(\.rawValue) == ["O-ticket"])
        #expect(outbound[0].claim == nil, "a journey message is claimed when sent, after its journey is read")
        #expect(outbound[1].claim?.token == "commit:O-ticket")
        #expect(outbound[1].claim?.until == clock.now.addingTimeInterval(300))
    }

    @Test func aClaimWithLessThanHalfLeftWaitsForItsEndAndIsSentOnce() async throws {
        let clock = ManualClock()
        let base = InMemoryTicketStore()
        let store = FaultInjectingTicketStore(wrapping: base)
        let channel = RecordingChannel(kind: .email)
        let desk = try Self.desk(store, channel: channel, clock: clock)
        let ticket = try await desk.receive(Self.message("mail-1", at: clock.now)).ticket.id
        store.failNext(.commit, .afterWrite)
        await #expect(throws: StoreError.self) {
            try await desk.reply(to: ticket, body: "Try reloading the page", by: .agent("olga"))
        }
        // 100 s of the 300 s claim are left: too little to start a send another desk could take over.
        clock.advance(by: 200)
        try await desk.deliverPendingMessages()
        #expect(channel.sends.isEmpty, "a send started with less than half of its claim left")
        clock.advance(by: 100)
        try await desk.processDueWork()
        let sent = try #require(await base.outbound(ofTicket: ticket).last)
        #expect(sent.state == .delivered)
        #expect(channel.deliveries(of: sent.idempotencyKey) == 1)
    }
}

/// The conformance check on a commit's claims catches a store that says one thing and does another.
@Suite("The commit-claim check catches a careless store")
struct CommitClaimConformanceTests {
    @Test(arguments: [(says: true, keeps: false), (says: false, keeps: true)])
    func aStoreWhoseAnswerIsWrongFailsTheCheck(says: Bool, keeps: Bool) async throws {
        let name = "outbox: a claim a commit carries is kept exactly when the store says so"
        let check = try #require(TicketStoreConformance.checks.first { $0.name == name })
        await #expect(throws: (any Error).self) {
            try await check.run(against: ClaimCountingStore(says: says, keeps: keeps))
        }
        try await check.run(against: ClaimCountingStore(says: keeps, keeps: keeps))
        try await check.run(against: InMemoryTicketStore())
    }
}

/// Ids with a desk's own prefix, so two desks on one store never draw the same id.
private final class PrefixedIDs: IDGenerator {
    let prefix: String
    let counter = SequentialIDGenerator()

    init(prefix: String) { self.prefix = prefix }

    func next(_ kind: String) -> String {
        prefix.isEmpty ? counter.next(kind) : counter.next("\(kind)\(prefix)")
    }
}

/// An in-memory store counting `claimOutbound` calls. It keeps a commit's claims or, like an adapter
/// written before `storesClaimsOnCommit`, drops them; and its `storesClaimsOnCommit` may say otherwise,
/// as a careless adapter's would.
private actor ClaimCountingStore: ForwardingTicketStore {
    let base = InMemoryTicketStore()
    let says: Bool
    let keeps: Bool
    private(set) var claims = 0

    init(says: Bool = true, keeps: Bool = true) {
        self.says = says
        self.keeps = keeps
    }

    nonisolated var storesClaimsOnCommit: Bool { says }

    func commit(_ commit: TicketCommit) async throws {
        var commit = commit
        if !keeps {
            for index in commit.outbound.indices { commit.outbound[index].claim = nil }
        }
        try await base.commit(commit)
    }

    func claimOutbound(_ id: OutboundID, at instant: Date, until: Date) async throws -> OutboundMessage? {
        claims += 1
        return await base.claimOutbound(id, at: instant, until: until)
    }
}
