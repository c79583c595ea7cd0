import Foundation
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@Suite("The event feed on PostgreSQL")
struct FeedOnPostgresTests {
    @Test("an event still being written holds back no position: a reader skips nothing")
    func inFlightEventsSkipNothing() async throws {
        let schema = "feed_in_flight"
        try await TestDatabase.withClient { client in
            let store = try PostgresTicketStore(client: client, schema: schema, logger: TestDatabase.logger)
            try await store.dropSchema()
            try await store.migrate()
            let early = DeskEvent(
                key: "rating/T-0",
                kind: .ratingReceived,
                at: Date(timeIntervalSince1970: 1_767_603_600),
                ticket: "T-0",
                details: ["score": "5"]
            )
            let json = String(decoding: try JSONEncoder().encode(early), as: UTF8.self)
            try await client.withConnection { connection in
                // One server's transaction writes an event first and commits last.
                try await connection.query("BEGIN", logger: TestDatabase.logger)
                try await connection.query(
                    """
                    INSERT INTO \(unescaped: schema).desk_events (key, kind, event)
                    VALUES (\(early.key), \(early.kind.rawValue), \(json)::jsonb)
                    """,
                    logger: TestDatabase.logger
                )
                // Another server commits a new ticket meanwhile, and a consumer reads the feed.
                let message = InboundMessage(
                    channel: .email,
                    externalID: "m-1",
                    sender: "anna",
                    body: "Hello",
                    receivedAt: Date(timeIntervalSince1970: 1_767_603_600)
                )
                let desk = try SupportDesk(
                    store: store,
                    clock: ManualClock(),
                    channels: [InMemoryChannel(kind: .email)]
                )
                _ = try await desk.receive(message)
                let first = try await store.deskEvents(after: 0, limit: 100)
                #expect(first.map(\.position) == Array(1...first.count))
                #expect(!first.contains { $0.event.key == early.key }, "an uncommitted event is not readable")

                try await connection.query("COMMIT", logger: TestDatabase.logger)
                let next = try await store.deskEvents(after: first.count, limit: 100)
                #expect(next.map(\.position) == [first.count + 1], "the late event comes after what was read")
                #expect(next.first?.event == early)
            }
            try await store.dropSchema()
        }
    }

    @Test("two servers ingest at once while a third follows the feed: every event once, no gap")
    func twoServersAndAConsumer() async throws {
        let schema = "feed_two_servers"
        let seed = UInt64.random(in: 1...1_000_000)
        print("feed two servers: seed \(seed)")
        try await TestDatabase.withClient { setup in
            let migrated = try PostgresTicketStore(client: setup, schema: schema, logger: TestDatabase.logger)
            try await migrated.dropSchema()
            try await migrated.migrate()
            try await TestDatabase.withClient { clientA in
                try await TestDatabase.withClient { clientB in
                    let stores = [
                        try PostgresTicketStore(client: clientA, schema: schema, logger: TestDatabase.logger),
                        try PostgresTicketStore(client: clientB, schema: schema, logger: TestDatabase.logger),
                    ]
                    let clock = MovingClock(step: 0.01)
                    let desks = try stores.map {
                        try SupportDesk(
                            store: $0,
                            clock: clock,
                            channels: [InMemoryChannel(kind: .email)],
                            ids: UUIDGenerator()
                        )
                    }
                    let perDesk = 15
                    let writersDone = Flag()
                    let read = try await withThrowingTaskGroup(of: [DeskFeedEntry].self) { group in
                        group.addTask {
                            try await withThrowingTaskGroup(of: Void.self) { writers in
                                for (index, desk) in desks.enumerated() {
                                    writers.addTask {
                                        var random = SplitMix64(seed: seed &+ UInt64(index))
                                        for number in 0..<perDesk {
                                            let member = MemberID("member-\(Int.random(in: 1...5, using: &random))")
                                            _ = try await desk.receive(
                                                InboundMessage(
                                                    channel: .email,
                                                    externalID: "m-\(index)-\(number)",
                                                    sender: member,
                                                    body: "Message \(number)",
                                                    receivedAt: clock.now
                                                )
                                            )
                                        }
                                    }
                                }
                                try await writers.waitForAll()
                            }
                            await writersDone.set()
                            return []
                        }
                        group.addTask {
                            let consumer = try PostgresTicketStore(
                                client: setup,
                                schema: schema,
                                logger: TestDatabase.logger
                            )
                            var seen: [DeskFeedEntry] = []
                            while true {
                                // Read once more after the writers are done: that read sees every commit.
                                let done = await writersDone.isSet
                                let page = try await consumer.deskEvents(after: seen.last?.position ?? 0, limit: 5)
                                seen += page
                                if page.isEmpty && done { break }
                                await Task.yield()
                            }
                            return seen
                        }
                        var read: [DeskFeedEntry] = []
                        for try await result in group where !result.isEmpty { read = result }
                        return read
                    }
                    var all: [DeskFeedEntry] = []
                    while true {
                        let page = try await migrated.deskEvents(after: all.last?.position ?? 0, limit: 1000)
                        if page.isEmpty { break }
                        all += page
                    }
                    #expect(all.map(\.position) == Array(1...all.count), "seed \(seed): positions 1…n")
                    #expect(read == all, "seed \(seed): the follower saw every event once, in order")
                    #expect(Set(all.map(\.event.key)).count == all.count)
                    var tickets: [StoredTicket] = []
                    var cursor: TicketID?
                    repeat {
                        let page = try await migrated.tickets(matching: TicketQuery(after: cursor, limit: 1000))
                        tickets += page.tickets
                        cursor = page.nextCursor
                    } while cursor != nil
                    var expected = 0
                    for stored in tickets {
                        let reported = try await migrated.events(of: stored.ticket.id).compactMap {
                            DeskEvent($0, requester: stored.ticket.requester)
                        }
                        expected += reported.count
                        let inFeed = all.map(\.event).filter { $0.ticket == stored.ticket.id }
                        #expect(inFeed == reported, "seed \(seed): ticket \(stored.ticket.id)'s events")
                    }
                    #expect(expected == all.count, "seed \(seed): nothing in the feed that no ticket holds")
                }
            }
            try await migrated.dropSchema()
        }
    }
}

/// Whether the writers of a test are done.
private actor Flag {
    private(set) var isSet = false
    func set() { isSet = true }
}
