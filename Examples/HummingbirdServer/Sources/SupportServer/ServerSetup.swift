import Foundation
import Hummingbird
import Logging
import PostgresNIO
import PostgresStores
import ServiceLifecycle
import SupportEngine

/// The server's settings, from environment variables.
public struct ServerSettings: Sendable {
    /// The address to listen on.
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// Who may call what.
    public var tokens: AccessTokens
    /// PostgreSQL when set; memory otherwise.
    public var postgres: PostgresSettings?
    /// The schema for the tables in PostgreSQL.
    public var postgresSchema: String
    /// The desk configuration document to read (`--config FILE` or `DESK_CONFIG`); `nil` for the
    /// example's own `desk.json`.
    public var deskConfigurationPath: String?
    /// Whether the server runs as a demo (`--demo` or `SUPPORT_DEMO=1`): only then does it start with
    /// the well-known demo tokens (``AccessTokens/demo``) or short ones.
    public var allowsDemoTokens: Bool
    /// A spool file to hand outbound messages to, one JSON line each (`OUTBOUND_SPOOL`); `nil` logs them.
    public var outboundSpoolPath: String?
    /// Email: the desk's address, bounces, the cap on raw mail, and the SMTP server outbound email goes
    /// to when one is configured (then email is sent over SMTP, not spooled or logged).
    public var mail = MailSettings()
    /// A directory to keep attached files in (`ATTACHMENT_DIR`, see ``FileAttachmentStore``); `nil` keeps
    /// them in memory, lost on restart.
    public var attachmentDirectory: String?
    /// Where the desk's event feed is delivered (`HOOK_<NAME>_URL`, `_SECRET`, `_EVENTS`; see
    /// ``WebhookEndpoint/fromEnvironment(_:)``); none by default.
    public var webhooks: [WebhookEndpoint] = []
    /// The bearer token `GET /metrics` asks for (`METRICS_TOKEN`); `nil` leaves it open.
    public var metricsToken: String?
    /// Whether the web console's cookies always carry `Secure` (`CONSOLE_SECURE_COOKIES=1`), for a server
    /// behind a TLS proxy that does not send `X-Forwarded-Proto: https`; with that header they do anyway.
    public var consoleSecureCookies = false
    /// The Telegram bot (`TELEGRAM_BOT_TOKEN`, `TELEGRAM_WEBHOOK_SECRET`, …; see
    /// ``TelegramSettings/fromEnvironment(_:)``); `nil` for no Telegram channel.
    public var telegram: TelegramSettings?

    /// Creates settings.
    ///
    /// - Parameters:
    ///   - host: The address to listen on.
    ///   - port: The port to listen on.
    ///   - tokens: Who may call what.
    ///   - postgres: PostgreSQL when set; memory otherwise.
    ///   - postgresSchema: The schema for the tables in PostgreSQL.
    ///   - deskConfigurationPath: The desk configuration document, or `nil` for the example's own.
    ///   - allowsDemoTokens: Whether the server runs as a demo and may use the demo tokens.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        tokens: AccessTokens = .demo,
        postgres: PostgresSettings? = nil,
        postgresSchema: String = "support",
        deskConfigurationPath: String? = nil,
        allowsDemoTokens: Bool = false
    ) {
        self.host = host
        self.port = port
        self.tokens = tokens
        self.postgres = postgres
        self.postgresSchema = postgresSchema
        self.deskConfigurationPath = deskConfigurationPath
        self.allowsDemoTokens = allowsDemoTokens
    }

    /// The desk's configuration: the document at ``deskConfigurationPath``, else the example's own
    /// (``demoDeskConfiguration()``).
    ///
    /// - Returns: The configuration.
    /// - Throws: `DeskConfigurationError` naming the file or the JSON path of the problem.
    public func deskConfiguration() throws -> DeskConfiguration {
        guard let deskConfigurationPath else { return try demoDeskConfiguration() }
        return try DeskConfiguration.load(path: deskConfigurationPath)
    }

    /// Reads `SUPPORT_DEMO` (`1` or `true` for demo mode, which starts from the demo tokens; outside it
    /// every token must be set), `HOST`, `PORT`, `MEMBER_TOKENS`, `AGENT_TOKENS`, `WEBHOOK_TOKEN`, `OWNER_TOKENS`,
    /// `BACKEND_TOKEN`, `SUPPORT_SCHEMA`, `DESK_CONFIG` (a desk configuration document), `OUTBOUND_SPOOL`
    /// (a file outbound messages are appended to, see ``SpoolChannel``), the email variables
    /// (``MailSettings/fromEnvironment(_:)``: `SUPPORT_EMAIL`, `BOUNCE_ADDRESS`, `MAX_EMAIL_BYTES`,
    /// `SMTP_HOST`, `SMTP_PORT`, `SMTP_HELO`, `SMTP_TIMEOUT`), `ATTACHMENT_DIR`, the webhooks (`HOOK_<NAME>_URL`,
    /// `HOOK_<NAME>_SECRET`, `HOOK_<NAME>_EVENTS`), `METRICS_TOKEN`, `CONSOLE_SECURE_COOKIES`, the Telegram bot
    /// (`TELEGRAM_BOT_TOKEN`, `TELEGRAM_WEBHOOK_SECRET`, `TELEGRAM_BOT_USERNAME`, `TELEGRAM_API_URL`,
    /// `TELEGRAM_MAX_FILE_BYTES`, `TELEGRAM_LINK_TTL`), and
    /// `DATABASE_URL` or the `PG*` variables (any of them set means PostgreSQL).
    ///
    /// - Parameter environment: The variables; the process's by default.
    /// - Returns: The settings.
    /// - Throws: ``PostgresSettingsError`` for unreadable database settings; ``APIError`` for a bad port;
    ///   ``TelegramError`` for a malformed `TELEGRAM_*` variable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServerSettings {
        var settings = ServerSettings()
        if let demo = environment["SUPPORT_DEMO"], !demo.isEmpty {
            guard ["1", "true", "0", "false"].contains(demo.lowercased()) else {
                throw APIError(.internalServerError, "invalid_setting", "SUPPORT_DEMO must be 1 or 0, not '\(demo)'")
            }
            settings.allowsDemoTokens = ["1", "true"].contains(demo.lowercased())
        }
        // Outside demo mode nothing is let in until its token is set.
        if !settings.allowsDemoTokens { settings.tokens = AccessTokens(members: [:], agents: [:], webhook: "") }
        if let host = environment["HOST"], !host.isEmpty { settings.host = host }
        if let port = environment["PORT"], !port.isEmpty {
            guard let number = Int(port), (0...65_535).contains(number) else {
                throw APIError(.internalServerError, "invalid_setting", "PORT must be a port number, not '\(port)'")
            }
            settings.port = number
        }
        if let members = environment["MEMBER_TOKENS"] {
            settings.tokens.members = AccessTokens.parse(members).mapValues(MemberID.init(rawValue:))
        }
        if let agents = environment["AGENT_TOKENS"] {
            settings.tokens.agents = AccessTokens.parse(agents).mapValues(AgentID.init(rawValue:))
        }
        if let webhook = environment["WEBHOOK_TOKEN"], !webhook.isEmpty { settings.tokens.webhook = webhook }
        if let owners = environment["OWNER_TOKENS"] {
            settings.tokens.owners = AccessTokens.parse(owners).mapValues(AgentID.init(rawValue:))
        }
        if let backend = environment["BACKEND_TOKEN"], !backend.isEmpty { settings.tokens.backend = backend }
        if let schema = environment["SUPPORT_SCHEMA"], !schema.isEmpty { settings.postgresSchema = schema }
        if let path = environment["DESK_CONFIG"], !path.isEmpty { settings.deskConfigurationPath = path }
        if let spool = environment["OUTBOUND_SPOOL"], !spool.isEmpty { settings.outboundSpoolPath = spool }
        settings.mail = try MailSettings.fromEnvironment(environment)
        if let directory = environment["ATTACHMENT_DIR"], !directory.isEmpty {
            settings.attachmentDirectory = directory
        }
        settings.webhooks = try WebhookEndpoint.fromEnvironment(environment)
        if let token = environment["METRICS_TOKEN"], !token.isEmpty { settings.metricsToken = token }
        settings.consoleSecureCookies = ["1", "true"].contains(
            (environment["CONSOLE_SECURE_COOKIES"] ?? "").lowercased()
        )
        if let demo = environment["SUPPORT_DEMO"], !demo.isEmpty {
            guard ["1", "true", "0", "false"].contains(demo.lowercased()) else {
                throw APIError(.internalServerError, "invalid_setting", "SUPPORT_DEMO must be 1 or 0, not '\(demo)'")
            }
            settings.allowsDemoTokens = ["1", "true"].contains(demo.lowercased())
        }
        settings.telegram = try TelegramSettings.fromEnvironment(environment)
        let databaseKeys = ["DATABASE_URL", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"]
        if databaseKeys.contains(where: { !(environment[$0] ?? "").isEmpty }) {
            settings.postgres = try PostgresSettings.fromEnvironment(environment)
        }
        return settings
    }
}

extension AccessTokens {
    /// The example's tokens: members `alice` and `bob`, agent `olga`, webhook `mail-webhook-token`,
    /// owner `nina`, the club backend `club-backend-token`.
    public static let demo = AccessTokens(
        members: ["alice-token": "alice", "bob-token": "bob"],
        agents: ["olga-token": "olga"],
        webhook: "mail-webhook-token",
        owners: ["nina-token": "nina"],
        backend: "club-backend-token"
    )
}

/// Builds the whole server: the stores (memory, or all four on PostgreSQL with one client as a service), the desk
/// with logging channels, the desk's timer service, and the HTTP application.
///
/// - Parameters:
///   - settings: Where to listen and what to store in.
///   - configuration: The desk's configuration.
///   - clock: The desk's clock.
///   - logger: Where everything logs.
/// - Returns: The application, ready for `runService()`, and the API it serves.
/// - Throws: ``AccessTokensError`` for demo or short tokens outside demo mode; ``StoreError`` with
///   ``StoreError/Code/unavailable`` when PostgreSQL is configured but not reachable.
public func buildApplication(
    settings: ServerSettings,
    configuration: DeskConfiguration,
    clock: any SupportClock = SystemClock(),
    logger: Logger
) async throws -> (some ApplicationProtocol, SupportAPI) {
    try settings.tokens.check(allowingDemo: settings.allowsDemoTokens)
    if settings.allowsDemoTokens {
        logger.warning("demo mode: the server accepts the demo tokens from its README; never expose it")
    }
    var services: [any Service] = []
    let store: any TicketStore
    var ledgers: any PolicyLedgerStore = InMemoryPolicyLedgerStore()
    var journeys: any MemberJourneyStore = InMemoryMemberJourneyStore()
    var ratings: any RatingStore = InMemoryRatingStore()
    var agentStatuses: any AgentStatusStore = InMemoryAgentStatusStore()
    var prepare: @Sendable () async throws -> Void = {}
    var webhookLedger: any WebhookLedger = InMemoryWebhookLedger()
    var consoleSessions = ConsoleSessionStorage.memory
    var telegramBindings: any TelegramBindingStore = InMemoryTelegramBindingStore()
    if let postgres = settings.postgres {
        try await postgres.checkReachable(logger: logger)
        // One client for every store: tickets and outbox, refund decisions and moderation ledgers,
        // journeys and fixes, ratings, agents' presence and absence. Servers sharing the database agree
        // on all of them.
        let stores = try PostgresDeskStores(settings: postgres, schema: settings.postgresSchema, logger: logger)
        services.append(stores.client)
        // The webhook cursors and delivery log live next to the stores' tables, in the example's own
        // tables (not a step of the stores' migration).
        let ledger = try PostgresWebhookLedger(client: stores.client, schema: settings.postgresSchema, logger: logger)
        webhookLedger = ledger
        // Members' Telegram chats and link tokens too, so a restart forgets no link.
        let bindings = try PostgresTelegramBindingStore(
            client: stores.client,
            schema: settings.postgresSchema,
            logger: logger
        )
        telegramBindings = bindings
        prepare = {
            _ = try await stores.migrate()
            try await ledger.prepare()
            if settings.telegram != nil { try await bindings.prepare() }
        }
        // The web console's sessions too, so a restart signs nobody out and every server knows them.
        consoleSessions = .postgres(stores.client, schema: settings.postgresSchema, logger: logger)
        store = stores.tickets
        ledgers = stores.policyLedgers
        journeys = stores.journeys
        ratings = stores.ratings
        agentStatuses = stores.agentStatuses
        logger.info("storing everything in PostgreSQL", metadata: ["database": "\(postgres)"])
    } else {
        store = InMemoryTicketStore()
        logger.info("storing everything in memory; set DATABASE_URL or PGHOST to use PostgreSQL")
    }
    var channels: [any SupportEngine.Channel]
    if let spool = settings.outboundSpoolPath {
        channels = [try SpoolChannel(kind: .email, path: spool), try SpoolChannel(kind: .webForm, path: spool)]
        logger.info("handing outbound messages to the spool", metadata: ["path": "\(spool)"])
    } else {
        channels = [LoggingChannel(kind: .email, logger: logger), LoggingChannel(kind: .webForm, logger: logger)]
    }
    var members: any MemberDirectory = InMemoryMemberDirectory(demoMembers)
    if settings.telegram != nil { members = TelegramMemberDirectory(members, bindings: telegramBindings) }
    let attachments: any AttachmentStore
    if let directory = settings.attachmentDirectory {
        attachments = try FileAttachmentStore(root: URL(fileURLWithPath: directory))
        logger.info("keeping attached files on disk", metadata: ["directory": "\(directory)"])
    } else {
        attachments = InMemoryAttachmentStore()
    }
    let email = try settings.mail.deskSettings()
    if let smtp = settings.mail.smtp {
        // Email goes out over SMTP; the web form's messages still go to the spool or the log.
        channels.removeAll { $0.kind == .email }
        let transport = SMTPMailTransport(settings: smtp)
        channels.append(
            EmailChannel(
                settings: email,
                store: store,
                members: members,
                clock: clock,
                transport: transport,
                attachments: attachments
            )
        )
        logger.info("sending email over SMTP", metadata: ["server": "\(smtp.host):\(smtp.port)"])
    }
    let telegram = settings.telegram.map { TelegramBot(settings: $0, bindings: telegramBindings, clock: clock) }
    if let telegram {
        channels.append(telegram.channel(attachments: attachments))
        logger.info("sending and taking Telegram messages", metadata: ["bot": "\(telegram.settings.botUsername)"])
    }
    let metrics = ServerMetrics()
    let desk = try SupportDesk(
        store: DeskActivityLog(store, logger: logger),
        clock: clock,
        channels: channels.map { CountingChannel($0, metrics: metrics) },
        configuration: configuration,
        members: members,
        ledgers: ledgers,
        journeys: journeys,
        ratings: ratings,
        agentStatuses: agentStatuses,
        attachments: attachments
    )
    let api = SupportAPI(
        desk: desk,
        tokens: settings.tokens,
        storage: settings.postgres == nil ? "memory" : "postgres",
        payments: { member in demoPayments(of: member, at: clock.now) },
        intake: EmailIntake(desk: desk, settings: email),
        maximumRawEmailBytes: settings.mail.maximumRawEmailBytes
    )
    // The web console's HTML pages, next to the JSON API (and not part of its OpenAPI document).
    let console = try WebConsole(
        api: api,
        clock: clock,
        secureCookies: settings.consoleSecureCookies,
        members: members,
        sessionStorage: consoleSessions
    )
    let prepareStores = prepare
    prepare = {
        try await prepareStores()
        try await console.prepare()
    }
    services.append(DeskService(desk: desk, prepare: prepare, logger: logger))
    if !settings.webhooks.isEmpty {
        services.append(
            WebhookDispatcher(
                endpoints: settings.webhooks,
                ledger: webhookLedger,
                desk: desk,
                clock: clock,
                logger: logger,
                metrics: metrics
            )
        )
        logger.info("delivering the event feed", metadata: ["webhooks": "\(settings.webhooks.map(\.name))"])
    }
    let router = serverRouter(
        api: api,
        operations: OperationsRoutes(
            desk: desk,
            tokens: settings.tokens,
            endpoints: settings.webhooks,
            ledger: webhookLedger,
            metrics: metrics,
            metricsToken: settings.metricsToken
        ),
        telegram: telegram?.routes(desk: desk, members: members, tokens: settings.tokens, logger: logger)
    )
    console.add(to: router)
    logger.info("web console", metadata: ["url": "http://\(settings.host):\(settings.port)/console"])
    var app = Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "support-server"),
        services: services,
        logger: logger
    )
    let migrate = prepare
    app.beforeServerStarts { try await migrate() }
    return (app, api)
}

/// Every route the server answers: the API's, the operations routes (delivery log, `/metrics`) and, with a
/// bot configured, the Telegram routes.
///
/// ``buildApplication(settings:configuration:clock:logger:)`` serves this router; the OpenAPI test reads
/// its routes.
///
/// - Parameters:
///   - api: The HTTP API.
///   - operations: The routes for running the desk.
///   - telegram: The Telegram routes, or `nil` without a bot.
/// - Returns: The router.
public func serverRouter(
    api: SupportAPI,
    operations: OperationsRoutes,
    telegram: TelegramRoutes? = nil
) -> Router<BasicRequestContext> {
    let router = api.router()
    operations.add(to: router)
    telegram?.add(to: router)
    return router
}
