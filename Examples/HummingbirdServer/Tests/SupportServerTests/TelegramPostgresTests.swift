import Foundation
import HummingbirdTesting
import Logging
import PostgresNIO
import PostgresStores
import SupportEngine
import SupportEngineTesting
import SupportServer
import Testing

@Suite("Telegram on PostgreSQL")
struct TelegramPostgresTests {
    @Test(
        "a chat linked on one server is known to the next one on the database: the link is not in memory",
        .enabled(if: PostgresStorageTests.databaseConfigured, "set PGHOST (or DATABASE_URL) to run it"),
        .timeLimit(.minutes(1))
    )
    func linksSurviveARestart() async throws {
        let logger = {
            var logger = Logger(label: "telegram-pg-tests")
            logger.logLevel = .warning
            return logger
        }()
        let api = FakeBotAPI(token: TelegramFixture.token)
        try await api.serve { url in
            var environment = ProcessInfo.processInfo.environment
            environment["SUPPORT_DEMO"] = "1"
            environment["TELEGRAM_BOT_TOKEN"] = TelegramFixture.token
            environment["TELEGRAM_WEBHOOK_SECRET"] = TelegramFixture.secret
            environment["TELEGRAM_BOT_USERNAME"] = "club_support_bot"
            environment["TELEGRAM_API_URL"] = url
            var settings = try ServerSettings.fromEnvironment(environment)
            settings.host = "127.0.0.1"
            settings.port = 0
            settings.postgresSchema = "telegram_test_\(UInt32.random(in: 0...UInt32.max))"
            let chat = TelegramFixture.annaChat
            try await PostgresStorageTests.run(settings, logger) { client in
                let issued = try await client.call(
                    .post,
                    "/backend/members/alice/telegram-link",
                    token: "club-backend-token"
                )
                let token = try issued.decode(TelegramLinkInvitation.self).token
                let start = TelegramUpdates.text("/start \(token)", update: 1, chat: chat, message: 1)
                let linked = try await TelegramFixture.post(start, to: client)
                #expect(try linked.decode(TelegramWebhook.Result.self).outcome == "linked", "\(linked.text)")
            }
            let ticket = try await PostgresStorageTests.run(settings, logger) { client in
                let question = TelegramUpdates.text("Is my chat still linked?", update: 2, chat: chat, message: 2)
                let response = try await TelegramFixture.post(question, to: client)
                let result = try response.decode(TelegramWebhook.Result.self)
                #expect(result.outcome == "received", "\(response.text)")
                // The acknowledgement may go out from the server's delivery loop after the webhook has
                // answered: wait for it while this server still runs.
                await api.waitForSent(2, chat: chat)
                return result.ticket
            }
            #expect(ticket != nil)
            #expect(api.sent.filter { $0.chat == chat }.count == 2, "the link's answer and the acknowledgement")
            try await PostgresStorageTests.dropSchema(settings, logger)
        }
    }

    @Test(
        "one token redeemed by two chats at once links exactly one of them; tokens are kept as hashes",
        .enabled(if: PostgresStorageTests.databaseConfigured, "set PGHOST (or DATABASE_URL) to run it")
    )
    func concurrentRedemptions() async throws {
        var logger = Logger(label: "telegram-pg-tests")
        logger.logLevel = .critical
        let postgres = try PostgresSettings.fromEnvironment(ProcessInfo.processInfo.environment)
        let schema = "telegram_race_\(UInt32.random(in: 0...UInt32.max))"
        let client = PostgresClient(configuration: postgres.clientConfiguration, backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let stores = try PostgresDeskStores(client: client, schema: schema, logger: logger)
            _ = try await stores.migrate()
            let store = try PostgresTelegramBindingStore(client: client, schema: schema, logger: logger)
            try await store.prepare()
            try await store.prepare()
            let clock = ManualClock(now: TestServer.monday)
            let links = TelegramLinks(
                settings: try TelegramFixture.bot(apiURL: "http://127.0.0.1:9").settings,
                bindings: store,
                clock: clock
            )
            for round in 0..<5 {
                let invitation = try await links.issue(for: MemberID(rawValue: "member-\(round)"))
                let chats = try [TelegramChatID(Int64(1000 + round * 2)), TelegramChatID(Int64(1001 + round * 2))]
                let outcomes = try await withThrowingTaskGroup(of: TelegramRedemption.self) { race in
                    for chat in chats { race.addTask { try await links.redeem(invitation.token, chat: chat) } }
                    var outcomes: [TelegramRedemption] = []
                    for try await outcome in race { outcomes.append(outcome) }
                    return outcomes
                }
                let linked = outcomes.filter { if case .linked = $0 { true } else { false } }
                #expect(linked.count == 1, "round \(round): \(outcomes)")
                #expect(outcomes.contains(.invalid))
            }
            // An expired token links nothing.
            let late = try await links.issue(for: "late")
            clock.advance(by: 86_401)
            #expect(try await links.redeem(late.token, chat: TelegramChatID(5000)) == .invalid)
            // Only hashes are stored.
            let rows = try await client.query(
                "SELECT count(*) FROM \(unescaped: schema).telegram_link_tokens WHERE token_hash = \(late.token)",
                logger: logger
            )
            for try await count in rows.decode(Int.self) { #expect(count == 0) }
            try await stores.dropSchema()
        }
    }
}
