import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// A ``TicketStore`` in PostgreSQL, for several app servers sharing one database.
///
/// Each ``commit(_:)`` is one transaction: every ticket write is guarded by its version
/// (`UPDATE … WHERE version = expected`, or an insert that the primary key refuses when another writer
/// created the ticket first), inbound message keys have a primary key so a message delivered to two
/// servers at once makes one ticket, and any error rolls everything back.
///
/// Tables live in their own schema (``schema``): `tickets` (the snapshot as JSONB plus indexed columns
/// for status, assignee, requester and due instant), `events`, `outbox`, `external_keys` and
/// `thread_keys`. Call ``migrate()`` (or ``PostgresMigrator/migrate()``) once at start-up; it is
/// idempotent and safe to run from several servers at once.
///
/// ```swift
/// let settings = try PostgresSettings.fromEnvironment()
/// try await settings.checkReachable()
/// let client = PostgresClient(configuration: settings.clientConfiguration, backgroundLogger: logger)
/// // run `client.run()` in a task or service group, then:
/// let store = try PostgresTicketStore(client: client, logger: logger)
/// try await store.migrate()
/// let desk = try SupportDesk(store: store, clock: SystemClock())
/// ```
public final class PostgresTicketStore: TicketStore {
    /// The client the store runs its queries on; its `run()` must be running.
    public var client: PostgresClient { access.client }
    /// The schema holding the store's tables.
    public var schema: String { access.schema }
    let access: PostgresAccess
    var logger: Logger { access.logger }
    /// The ticket numbers drawn from the sequence and not handed out yet.
    let numberBlock: TicketNumberBlock

    /// Creates a store on a running client.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The schema for the tables: lower-case letters, digits and `_`, starting with a letter.
    ///   - ticketNumbersPerDraw: How many ticket numbers ``nextTicketNumber()`` draws from the sequence in
    ///     one round trip and then hands out one by one (at least 1). With 1, numbers follow the order
    ///     tickets are created on every server; with more, each server hands out its own block, so numbers
    ///     increase per server, and the ones a server had not handed out when it stopped are skipped.
    ///   - logger: Where queries are logged.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier, or a `ticketNumbersPerDraw` outside 1 … 1,000.
    public init(
        client: PostgresClient,
        schema: String = "support",
        ticketNumbersPerDraw: Int = 16,
        logger: Logger
    ) throws {
        guard (1...1_000).contains(ticketNumbersPerDraw) else {
            throw StoreError(
                .invalidQuery,
                "ticketNumbersPerDraw must be 1 to 1,000 numbers per round trip, not \(ticketNumbersPerDraw)"
            )
        }
        self.access = try PostgresAccess(client: client, schema: schema, logger: logger)
        self.numberBlock = TicketNumberBlock(size: ticketNumbersPerDraw)
    }

    /// A table's schema-qualified name.
    func table(_ name: String) -> String { access.table(name) }

    /// Runs `body` in one transaction on one connection: `COMMIT` when it returns, `ROLLBACK` when it
    /// throws. Errors come out as ``StoreError``.
    func transaction(_ what: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        try await access.transaction(what, body)
    }

    /// Runs one read query; errors come out as ``StoreError``.
    func read(_ query: PostgresQuery, _ what: String) async throws -> PostgresRowSequence {
        try await access.read(query, what) { $0 }
    }

    func json<Value: Encodable>(_ value: Value) throws -> String {
        try access.json(value)
    }

    func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try access.decode(type, from: text)
    }
}

/// Dates are stored as `DOUBLE PRECISION` seconds since Foundation's reference date, which keeps every
/// bit: the desk compares stored due instants for equality.
extension Date {
    var storedValue: Double { timeIntervalSinceReferenceDate }

    init(storedValue: Double) {
        self.init(timeIntervalSinceReferenceDate: storedValue)
    }
}
