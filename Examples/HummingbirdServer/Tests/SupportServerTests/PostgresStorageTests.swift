import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresNIO
import PostgresStores
import SupportEngineTesting
import SupportServer
import Testing

@Suite("The server on PostgreSQL")
struct PostgresStorageTests {
    static let databaseConfigured =
        ProcessInfo.processInfo.environment["PGHOST"] != nil
        || ProcessInfo.processInfo.environment["DATABASE_URL"] != nil

    @Test(
        "with PG* set, tickets and refund decisions go to PostgreSQL and survive a server restart",
        .enabled(if: databaseConfigured, "set PGHOST (or DATABASE_URL) to run it")
    )
    func storesInPostgres() async throws {
        var logger = Logger(label: "support-server-tests")
        logger.logLevel = .warning
        var environment = ProcessInfo.processInfo.environment
        environment["SUPPORT_DEMO"] = "1"
        var settings = try ServerSettings.fromEnvironment(environment)
        settings.host = "127.0.0.1"
        settings.port = 0
        settings.postgresSchema = "server_test_\(UInt32.random(in: 0...UInt32.max))"
        let id = try await Self.run(settings, logger) { client in
            let health = try await client.call(.get, "/health", token: nil)
            #expect(try health.decode(HealthStatus.self).storage == "postgres")
            let form = WebFormSubmission(body: "Stored in PostgreSQL?", submissionID: "pg-1")
            let submitted = try await client.call(.post, "/inbound/web-form", token: "alice-token", json: form)
            #expect(submitted.status == .created, "\(submitted.text)")
            let refund = try await client.call(.post, "/me/refunds", token: "alice-token", json: Self.refund)
            #expect(try refund.decode(RefundRequestResult.self).isRepeat == false, "\(refund.text)")
            return try submitted.decode(InboundResult.self).ticket.id
        }
        // A new server process on the same database sees the ticket and the refund decision: the same
        // request again decides nothing new.
        let (after, refundAgain) = try await Self.run(settings, logger) { client in
            let ticket = try await client.call(.get, "/me/tickets/\(id.rawValue)", token: "alice-token").status
            let refund = try await client.call(.post, "/me/refunds", token: "alice-token", json: Self.refund)
            return (ticket, try refund.decode(RefundRequestResult.self))
        }
        #expect(after == .ok)
        #expect(refundAgain.isRepeat, "the decision was kept in PostgreSQL across the restart")
        #expect(refundAgain.decision.verdict == .approve)
        try await Self.dropSchema(settings, logger)
    }

    static let refund = RefundRequestBody(requestID: "rq-pg-1", message: "The course is not for me, please refund.")

    static func dropSchema(_ settings: ServerSettings, _ logger: Logger) async throws {
        let postgres = try #require(settings.postgres)
        let client = PostgresClient(configuration: postgres.clientConfiguration, backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await PostgresDeskStores(client: client, schema: settings.postgresSchema, logger: logger).dropSchema()
        }
    }

    static func run<Value: Sendable>(
        _ settings: ServerSettings,
        _ logger: Logger,
        _ test: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let (app, _) = try await buildApplication(
            settings: settings,
            configuration: try demoDeskConfiguration(),
            clock: ManualClock(now: TestServer.monday),
            logger: logger
        )
        return try await app.test(.live, test)
    }
}
