import Foundation
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("SupportDesk on PostgreSQL")
struct DeskOnPostgresTests {
    static func inbound(_ number: Int, at: Date) -> InboundMessage {
        InboundMessage(
            channel: .email,
            externalID: "<msg-\(number)@club.example>",
            sender: MemberID("member-\(number % 37)"),
            subject: "Question \(number)",
            body: "Message number \(number): I cannot find the recording of yesterday's call.",
            receivedAt: at
        )
    }

    @Test("two desks on one database: 500 concurrent deliveries with 100 duplicates make 400 tickets")
    func twoDesksConcurrentDeliveries() async throws {
        let seed: UInt64 = 0x5EED_0009
        try await TestDatabase.withStore(schema: "two_desks") { storeA in
            try await TestDatabase.withClient { clientB in
                let storeB = try PostgresTicketStore(
                    client: clientB,
                    schema: storeA.schema,
                    logger: TestDatabase.logger
                )
                let clock = ManualClock()
                let desks = try [
                    SupportDesk(store: storeA, clock: clock, channels: [InMemoryChannel(kind: .email)]),
                    SupportDesk(store: storeB, clock: clock, channels: [InMemoryChannel(kind: .email)]),
                ]
                // 400 distinct messages, alternating between the desks; the first 100 arrive again at the
                // other desk, as when a webhook is retried and hits the second app server.
                var deliveries = (0..<400).map { (desk: $0 % 2, message: Self.inbound($0, at: clock.now)) }
                deliveries += (0..<100).map { (desk: ($0 + 1) % 2, message: Self.inbound($0, at: clock.now)) }
                var random = SplitMix64(seed: seed)
                deliveries.shuffle(using: &random)

                let dispositions = try await withThrowingTaskGroup(of: ReceiveOutcome.Disposition.self) { group in
                    for delivery in deliveries {
                        let desk = desks[delivery.desk]
                        let message = delivery.message
                        group.addTask { try await desk.receive(message).disposition }
                    }
                    var all: [ReceiveOutcome.Disposition] = []
                    for try await disposition in group { all.append(disposition) }
                    return all
                }
                #expect(dispositions.count { $0 == .created } == 400, "seed \(seed)")
                #expect(dispositions.count { $0 == .duplicate } == 100, "seed \(seed)")

                var tickets: [StoredTicket] = []
                var cursor: TicketID?
                repeat {
                    let page = try await storeA.tickets(matching: TicketQuery(after: cursor, limit: 150))
                    tickets += page.tickets
                    cursor = page.nextCursor
                } while cursor != nil
                #expect(tickets.count == 400, "seed \(seed)")
                #expect(Set(tickets.map(\.ticket.id)).count == 400)
                // Every ticket has a number of its own, from the database's sequence, and is found by it.
                let numbers = tickets.compactMap(\.ticket.number)
                #expect(numbers.count == 400, "seed \(seed)")
                #expect(Set(numbers).count == 400, "distinct numbers, seed \(seed)")
                for stored in tickets.prefix(40) {
                    let number = try #require(stored.ticket.number)
                    #expect(try await storeB.ticketID(forNumber: number) == stored.ticket.id, "seed \(seed)")
                }

                // No lost events: every ticket's log replays to its snapshot.
                for stored in tickets {
                    let events = try await storeB.events(of: stored.ticket.id)
                    #expect(events.count == stored.ticket.version, "ticket \(stored.ticket.id), seed \(seed)")
                    #expect(try Ticket.replay(events) == stored.ticket, "ticket \(stored.ticket.id), seed \(seed)")
                    #expect(stored.ticket.messages.count { $0.kind == .memberMessage } == 1)
                }
                // Every message went into exactly one ticket, and each ticket holds one message.
                var owners = Set<TicketID>()
                for number in 0..<400 {
                    let key = Self.inbound(number, at: clock.now).key
                    let owner = try await storeB.ticketID(forExternalMessage: key)
                    #expect(owner != nil, "message \(number), seed \(seed)")
                    if let owner { owners.insert(owner) }
                }
                #expect(owners.count == 400, "seed \(seed)")
            }
        }
    }

    @Test("a desk restarted on the same database resumes its timers and pending deliveries")
    func restartResumesTimersAndDeliveries() async throws {
        try await TestDatabase.withStore(schema: "restart") { firstStore in
            let clock = ManualClock()
            let configuration = DeskConfiguration(autoCloseAfter: 3600, deliveryRetryDelay: 600)
            let failing = FailingChannel(kind: .email, failures: Int.max)
            let first = try SupportDesk(
                store: firstStore,
                clock: clock,
                channels: [failing],
                configuration: configuration
            )
            let outcome = try await first.receive(Self.inbound(1, at: clock.now))
            let id = outcome.ticket.id
            try await first.reply(
                to: id,
                body: "The recording is in the library now.",
                by: .agent("olga"),
                status: .solved
            )

            let stored = try #require(try await firstStore.ticket(id))
            #expect(stored.ticket.status == .solved)
            let closeAt = try #require(stored.dueAt)
            #expect(closeAt == clock.now.addingTimeInterval(3600))
            let pending = try await firstStore.pendingOutbound(dueBy: .distantFuture, limit: 10)
            #expect(pending.count == 1)
            #expect(pending.first?.attempts == 1)
            #expect(pending.first?.nextAttemptAt == clock.now.addingTimeInterval(600))

            // The first server goes away. Later, a new one starts on the same database.
            clock.advance(by: 3601)
            try await TestDatabase.withClient { client in
                let store = try PostgresTicketStore(
                    client: client,
                    schema: firstStore.schema,
                    logger: TestDatabase.logger
                )
                let email = InMemoryChannel(kind: .email)
                let second = try SupportDesk(
                    store: store,
                    clock: clock,
                    channels: [email],
                    configuration: configuration
                )
                let fired = try await second.processDueWork()
                #expect(fired == 1)
                let after = try #require(try await store.ticket(id))
                #expect(after.ticket.status == .closed)
                #expect(after.dueAt == nil)
                #expect(email.sentMessages.map(\.id) == pending.map(\.id))
                let pendingID = try #require(pending.first?.id)
                let delivered = try #require(try await store.outbound(pendingID))
                #expect(delivered.state == .delivered)
                #expect(delivered.history.count == 2)
                #expect(try await store.pendingOutbound(dueBy: .distantFuture, limit: 10).isEmpty)
                #expect(try Ticket.replay(try await store.events(of: id)) == after.ticket)
            }
        }
    }
}

/// A small seeded generator, so a failing shuffle can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
