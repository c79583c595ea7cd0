import Logging
import PostgresNIO
import SupportEngine

/// Every store a ``SupportDesk`` keeps, on one PostgreSQL client and one schema.
///
/// One connection pool serves the five stores: tickets and the outbox (``tickets``), moderation ledgers
/// and refund decisions (``policyLedgers``), journeys and fix announcements (``journeys``), ratings
/// (``ratings``) and agents' presence, absence and shift state (``agentStatuses``). Several servers on one
/// database each make their own and see one another's records.
///
/// ```swift
/// let stores = try PostgresDeskStores(settings: try PostgresSettings.fromEnvironment(), logger: logger)
/// // run `stores.client.run()` in a task or a ServiceGroup (PostgresClient is a Service), then:
/// try await stores.migrate()
/// let desk = try SupportDesk(
///     store: stores.tickets,
///     clock: SystemClock(),
///     channels: [email],
///     ledgers: stores.policyLedgers,
///     journeys: stores.journeys,
///     ratings: stores.ratings,
///     agentStatuses: stores.agentStatuses
/// )
/// ```
public struct PostgresDeskStores: Sendable {
    /// The client every store runs its queries on; its `run()` must be running.
    public let client: PostgresClient
    /// The schema holding every table.
    public let schema: String
    /// Tickets, their events and the outbox.
    public let tickets: PostgresTicketStore
    /// Moderation ledgers, refund decisions and the ticket posts they owe.
    public let policyLedgers: PostgresPolicyLedgerStore
    /// Members' journeys and fix announcements.
    public let journeys: PostgresMemberJourneyStore
    /// Satisfaction ratings.
    public let ratings: PostgresRatingStore
    /// Agents' presence, absence and shift state.
    public let agentStatuses: PostgresAgentStatusStore
    let access: PostgresAccess

    /// Makes the stores on a client of their own, made from settings. Run ``client``'s `run()` before
    /// using them.
    ///
    /// - Parameters:
    ///   - settings: Where the database is.
    ///   - schema: The schema for the tables: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where the client and the queries log.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier.
    public init(settings: PostgresSettings, schema: String = "support", logger: Logger) throws {
        let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
        try self.init(client: client, schema: schema, logger: logger)
    }

    /// Makes the stores on a client.
    ///
    /// - Parameters:
    ///   - client: The client; its `run()` must be running before the stores are used.
    ///   - schema: The schema for the tables: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where the queries log.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier.
    public init(client: PostgresClient, schema: String = "support", logger: Logger) throws {
        let access = try PostgresAccess(client: client, schema: schema, logger: logger)
        self.access = access
        self.client = client
        self.schema = schema
        self.tickets = try PostgresTicketStore(client: client, schema: schema, logger: logger)
        self.policyLedgers = PostgresPolicyLedgerStore(access: access)
        self.journeys = PostgresMemberJourneyStore(access: access)
        self.ratings = PostgresRatingStore(access: access)
        self.agentStatuses = PostgresAgentStatusStore(access: access)
    }

    /// Brings the schema up to date with ``PostgresMigrator``: idempotent, and safe when several servers
    /// start at once.
    ///
    /// - Returns: The steps this call applied; empty when the schema was up to date.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses a step.
    @discardableResult
    public func migrate() async throws -> [PostgresMigration] {
        let applied = try await PostgresMigrator(access: access).migrate()
        try await tickets.repairTicketNumbers()
        try await tickets.indexUnsearchedTickets()
        return applied
    }

    /// Drops the schema with every table in it. For tests and demos.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses.
    public func dropSchema() async throws {
        try await tickets.dropSchema()
    }
}
