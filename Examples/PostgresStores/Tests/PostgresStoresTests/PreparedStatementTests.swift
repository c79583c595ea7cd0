import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

/// The statements a desk runs for every message are prepared on each connection; a preparation that
/// failed must not leave a connection failing that statement for good, and a schema made again under a
/// running client must still answer.
@Suite("Prepared statements on the pool's connections")
struct PreparedStatementTests {
    @Test("reads made before the tables exist fail, and the same reads answer once they do, on every connection")
    func failedPreparationsAreNotKept() async throws {
        try await TestDatabase.withClient { client in
            let store = try PostgresTicketStore(client: client, schema: "prepared_late", logger: TestDatabase.logger)
            try await store.dropSchema()
            // More calls at once than the pool has connections: every connection fails to prepare.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        await #expect(throws: StoreError.self) { _ = try await store.ticket("T-1") }
                        await #expect(throws: StoreError.self) { _ = try await store.nextTicketNumber() }
                    }
                }
                try await group.waitForAll()
            }
            try await store.migrate()
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        #expect(try await store.ticket("T-1") == nil)
                        return try await store.nextTicketNumber().rawValue
                    }
                }
                return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
            }
            #expect(numbers.count == 24, "every call drew its own number")
            try await store.dropSchema()
        }
    }

    @Test("a schema dropped and made again under a running client answers its prepared statements")
    func schemaMadeAgain() async throws {
        try await TestDatabase.withClient { client in
            let store = try PostgresTicketStore(client: client, schema: "prepared_again", logger: TestDatabase.logger)
            let clock = ManualClock()
            for round in 0..<3 {
                try await store.dropSchema()
                try await store.migrate()
                let desk = try SupportDesk(store: store, clock: clock, channels: [InMemoryChannel(kind: .email)])
                let outcome = try await desk.receive(
                    InboundMessage(
                        channel: .email,
                        externalID: "m-\(round)",
                        sender: "anna",
                        body: "Round \(round)",
                        receivedAt: clock.now
                    )
                )
                #expect(outcome.disposition == .created, "round \(round)")
                #expect(outcome.ticket.number?.rawValue == 1, "a new schema numbers from 1 again")
                #expect(try await store.ticket(outcome.ticket.id)?.ticket.messages.first?.body == "Round \(round)")
            }
            try await store.dropSchema()
        }
    }
}
