import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SupportEngine
import SupportEngineTesting
import Testing

@testable import SupportServer

/// A desk with the Telegram channel (pointed at a ``FakeBotAPI``) and an email channel that records,
/// its webhook and link routes on a router, on a manual clock at Monday 10:00 in London.
struct TelegramFixture: Sendable {
    static let token = "123456:TEST-token-for-the-fake-bot-api"
    static let secret = "telegram-webhook-secret-0123456789"
    /// Anna's private chat.
    static let annaChat: Int64 = 5_550_001
    /// Dmitri's private chat.
    static let dmitriChat: Int64 = 5_550_002

    static let members = [
        MemberProfile(
            id: "anna",
            displayName: "Anna",
            contactChannels: [.email],
            emailAddresses: [try! EmailAddress("anna@members.example")]
        ),
        MemberProfile(
            id: "dmitri",
            displayName: "Дмитрий",
            locale: .ru,
            contactChannels: [.email],
            emailAddresses: [try! EmailAddress("dmitri@members.example")]
        ),
    ]

    static func bot(
        apiURL: String,
        bindings: any TelegramBindingStore = InMemoryTelegramBindingStore(),
        clock: any SupportClock = ManualClock(now: TestServer.monday)
    ) throws -> TelegramBot {
        let settings = try TelegramSettings(
            botToken: token,
            webhookSecret: secret,
            botUsername: "club_support_bot",
            apiBaseURL: URL(string: apiURL)!,
            maximumFileBytes: 1024 * 1024,
            requestTimeout: .seconds(10)
        )
        return TelegramBot(settings: settings, bindings: bindings, clock: clock)
    }

    let clock = ManualClock(now: TestServer.monday)
    let store = InMemoryTicketStore()
    let desk: SupportDesk
    let email = InMemoryChannel(kind: .email)
    let attachments = InMemoryAttachmentStore()
    let bot: TelegramBot
    let routes: TelegramRoutes

    init(apiURL: String, bindings: any TelegramBindingStore = InMemoryTelegramBindingStore()) throws {
        var logger = Logger(label: "telegram-tests")
        logger.logLevel = .critical
        bot = try Self.bot(apiURL: apiURL, bindings: bindings, clock: clock)
        let members = TelegramMemberDirectory(InMemoryMemberDirectory(Self.members), bindings: bindings)
        desk = try SupportDesk(
            store: store,
            clock: clock,
            channels: [bot.channel(attachments: attachments), email],
            configuration: try demoDeskConfiguration(),
            members: members,
            attachments: attachments
        )
        routes = bot.routes(desk: desk, members: members, tokens: .demo, logger: logger)
    }

    /// The webhook and link routes behind the server's JSON errors, ready for `test(.router)`.
    func application() -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        routes.add(to: router)
        return Application(router: router)
    }

    /// Every ticket in the store.
    func tickets() async throws -> [Ticket] {
        try await store.tickets(matching: TicketQuery(limit: 100)).tickets.map(\.ticket)
    }

    /// Posts an update to the webhook with `secret` in the header (none when `nil`).
    static func post(
        _ body: String,
        secret: String? = TelegramFixture.secret,
        to client: any TestClientProtocol
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let secret { headers[HTTPFields.Element.Name(TelegramRoutes.secretHeader)!] = secret }
        return try await client.execute(
            uri: "/inbound/telegram",
            method: .post,
            headers: headers,
            body: ByteBuffer(string: body)
        )
    }

    /// Links Anna's chat and opens a ticket from it (acknowledged there), then lets a second pass so the
    /// chat's pace allows the next message.
    func openTicketFromTelegram(_ client: any TestClientProtocol) async throws -> TicketID {
        _ = try await Self.link("anna", chat: Self.annaChat, update: 1, client: client)
        let question = TelegramUpdates.text("The lesson does not load", update: 2, chat: Self.annaChat, message: 2)
        let result = try await Self.post(question, to: client).decode(TelegramWebhook.Result.self)
        clock.advance(by: 1)
        return TicketID(rawValue: try #require(result.ticket))
    }

    /// Links a member's chat as the club's backend and the member would: a link from the backend, then
    /// `/start <token>` from the chat.
    static func link(
        _ member: String,
        chat: Int64,
        update: Int64,
        client: any TestClientProtocol
    ) async throws -> TestResponse {
        let issued = try await client.call(
            .post,
            "/backend/members/\(member)/telegram-link",
            token: "club-backend-token"
        )
        let invitation = try issued.decode(TelegramLinkInvitation.self)
        return try await post(
            TelegramUpdates.text("/start \(invitation.token)", update: update, chat: chat, message: update),
            to: client
        )
    }
}
