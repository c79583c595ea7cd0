import Foundation
import Logging
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

@Suite("Webhooks on PostgreSQL")
struct PostgresWebhookTests {
    @Test(
        "two servers on one schema deliver every event exactly once, in order; a restart resumes from the stored cursor",
        .enabled(if: PostgresStorageTests.databaseConfigured, "set PGHOST (or DATABASE_URL) to run it")
    )
    func twoServersDeliverOnce() async throws {
        var logger = Logger(label: "webhook-pg-tests")
        logger.logLevel = .critical
        let postgres = try PostgresSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        let schema = "hooks_test_\(UInt32.random(in: 0...UInt32.max))"
        let clients = (0..<3).map { _ in
            PostgresClient(configuration: postgres.clientConfiguration, backgroundLogger: logger)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients { group.addTask { await client.run() } }
            defer { group.cancelAll() }
            let stores = try clients.map { try PostgresDeskStores(client: $0, schema: schema, logger: logger) }
            _ = try await stores[0].migrate()
            let ledgers = try clients.map { try PostgresWebhookLedger(client: $0, schema: schema, logger: logger) }
            // Both servers create the tables at once; the advisory lock keeps them apart.
            async let first: Void = ledgers[0].prepare()
            async let second: Void = ledgers[1].prepare()
            _ = try await (first, second)
            let servers = try stores.map { try WebhookFixture(store: $0.tickets) }
            try await servers[0].openTickets(3)
            try await servers[1].openTickets(3, from: 3)
            let receiver = WebhookReceiver(secret: WebhookFixture.secret)
            try await receiver.serve { url in
                let endpoint = try WebhookEndpoint(
                    name: "counter",
                    url: url,
                    secret: WebhookFixture.secret,
                    selection: .all
                )
                let keys = try await servers[0].feedKeys()
                let skipped = try await withThrowingTaskGroup(of: Int.self) { group in
                    for server in 0..<2 {
                        let dispatcher = servers[server].dispatcher([endpoint], batchSize: 3, ledger: ledgers[server])
                        group.addTask { try await Self.deliverAll(dispatcher, endpoint) }
                    }
                    return try await group.reduce(0, +)
                }
                let duplicates = receiver.acceptedKeys.count - Set(receiver.acceptedKeys).count
                print(
                    "two servers: \(keys.count) events, \(receiver.attempts.count) deliveries, \(skipped) turns skipped as the other server held the cursor, \(duplicates) duplicates"
                )
                #expect(duplicates == 0)
                #expect(receiver.acceptedKeys == keys, "every event exactly once, in feed order")
                #expect(try await ledgers[1].deliveries(of: "counter", limit: 100).count == receiver.attempts.count)

                // A restarted server (a new client) starts from the stored cursor: only the new events.
                try await servers[0].openTickets(2, from: 6)
                let stored = try await ledgers[2].cursor(of: "counter")
                #expect(stored?.position == keys.count)
                let restarted = servers[0].dispatcher([endpoint], batchSize: 3, ledger: ledgers[2])
                _ = try await Self.deliverAll(restarted, endpoint)
                #expect(receiver.acceptedKeys == (try await servers[0].feedKeys()), "resumed, nothing repeated")
            }

            // A new endpoint started by two servers at once gets one cursor; "now" is the newest position.
            let newest = try await servers[1].desk.latestEventPosition()
            #expect(newest == (try await servers[0].feedKeys()).count)
            async let byFirst = ledgers[0].startCursor(of: "fresh", at: newest)
            async let bySecond = ledgers[1].startCursor(of: "fresh", at: 0)
            let created = try await [byFirst, bySecond]
            #expect(created.filter { $0 }.count == 1, "\(created)")
            let position = try await ledgers[2].cursor(of: "fresh")?.position
            #expect(position == (created[0] ? newest : 0))
            try await stores[0].dropSchema()
        }
    }

    /// Turns until the feed is delivered; returns how many turns found the cursor held elsewhere.
    static func deliverAll(_ dispatcher: WebhookDispatcher, _ endpoint: WebhookEndpoint) async throws -> Int {
        var skipped = 0
        for _ in 0..<5000 {
            guard let step = try await dispatcher.turn(for: endpoint) else {
                skipped += 1
                await Task.yield()
                continue
            }
            if step.next == .poll { break }
        }
        return skipped
    }
}
