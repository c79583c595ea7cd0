import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import Testing

@testable import SupportServer

/// The console's sessions on PostgreSQL: kept across a restart, shared by servers, only hashed.
@Suite("Console sessions on PostgreSQL")
struct ConsolePostgresTests {
    @Test(
        "with PG* set, a console session survives a server restart and the member's page still opens",
        .enabled(if: PostgresStorageTests.databaseConfigured, "set PGHOST (or DATABASE_URL) to run it")
    )
    func sessionSurvivesRestart() async throws {
        var logger = Logger(label: "console-pg-tests")
        logger.logLevel = .warning
        var environment = ProcessInfo.processInfo.environment
        environment["SUPPORT_DEMO"] = "1"
        var settings = try ServerSettings.fromEnvironment(environment)
        settings.host = "127.0.0.1"
        settings.port = 0
        settings.postgresSchema = "console_test_\(UInt32.random(in: 0...UInt32.max))"
        let cookies = try await PostgresStorageTests.run(settings, logger) { client in
            var alice = ConsoleBrowser(client)
            try await alice.signIn("alice-token")
            try await alice.get("/console/my")
            try await alice.submit("/console/my/tickets", ["subject": "Kept", "body": "Across a restart"])
            return alice.cookies
        }
        let page = try await PostgresStorageTests.run(settings, logger) { client in
            var alice = ConsoleBrowser(client)
            alice.cookies = cookies
            let response = try await alice.get("/console/my")
            return (response.status, alice.page)
        }
        #expect(page.0 == .ok, "the session was kept in PostgreSQL across the restart")
        #expect(page.1.contains("Kept"))
        try await PostgresStorageTests.dropSchema(settings, logger)
    }

    @Test(
        "two servers share sessions; the table holds only hashes of ids; signing out and expiry end them everywhere",
        .enabled(if: PostgresStorageTests.databaseConfigured, "set PGHOST (or DATABASE_URL) to run it")
    )
    func sharedSessions() async throws {
        var logger = Logger(label: "console-pg-tests")
        logger.logLevel = .critical
        let postgres = try PostgresSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        let schema = "console_sessions_\(UInt32.random(in: 0...UInt32.max))"
        let clients = (0..<2).map { _ in
            PostgresClient(configuration: postgres.clientConfiguration, backgroundLogger: logger)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients { group.addTask { await client.run() } }
            defer { group.cancelAll() }
            let stores = try PostgresDeskStores(client: clients[0], schema: schema, logger: logger)
            _ = try await stores.migrate()
            let clock = ManualClock(now: TestServer.monday)
            let tables = try clients.map { try PostgresConsoleSessionStore(client: $0, schema: schema, logger: logger) }
            // Both servers create the table at once; the advisory lock keeps them apart.
            async let first: Void = tables[0].prepare()
            async let second: Void = tables[1].prepare()
            _ = try await (first, second)
            let servers = tables.map { ConsoleSessions(store: $0, clock: clock) }

            let alice = try await servers[0].start(for: .member("alice"))
            #expect(try await servers[1].session(alice.id) == alice)
            let rows = try await clients[1].query("SELECT id_hash FROM \(unescaped: tables[1].table)", logger: logger)
            var hashes: [String] = []
            for try await hash in rows.decode(String.self) { hashes.append(hash) }
            #expect(hashes == [ConsoleSessions.hash(alice.id)])
            #expect(!hashes.contains(alice.id))

            let nina = try await servers[1].start(for: .owner("nina"))
            try await servers[0].end(alice.id)
            #expect(try await servers[1].session(alice.id) == nil)
            #expect(try await servers[0].session(nina.id)?.viewer == .owner("nina"))
            clock.advance(by: 8 * 3600 + 1)
            #expect(try await servers[0].session(nina.id) == nil)
            try await stores.dropSchema()
        }
    }
}
