import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// A ``WebhookLedger`` in PostgreSQL, next to the stores' tables in their schema, so that several
/// servers on one database share each endpoint's cursor and the delivery log.
///
/// Tables (created by ``prepare()`` with `CREATE TABLE IF NOT EXISTS`, under an advisory lock so
/// servers starting together do not race): `webhook_cursors` (one row per endpoint: position, the
/// batch being retried, failed attempts, next retry) and `webhook_deliveries` (one row per attempt).
///
/// A turn takes the endpoint's row with `SELECT … FOR UPDATE SKIP LOCKED` in a transaction that lasts
/// for the turn, HTTP attempt included: a second server finds the row locked and skips the endpoint
/// instead of sending the same batch at the same time. The new cursor and the log entry are written
/// in the same transaction. When a server dies after the receiver answered 2xx but before its commit,
/// the row's lock goes with its connection and the next turn sends the batch again: delivery is at
/// least once, and receivers drop repeats by event key (``WebhookSignature/eventKeysHeader``).
public struct PostgresWebhookLedger: WebhookLedger {
    let access: ServerTableAccess
    var logger: Logger { access.logger }

    /// Creates the ledger.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The stores' schema: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where queries log.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema that is not a plain name.
    public init(client: PostgresClient, schema: String, logger: Logger) throws {
        access = try ServerTableAccess(client: client, schema: schema, logger: logger)
    }

    var cursors: String { access.table("webhook_cursors") }
    var log: String { access.table("webhook_deliveries") }

    /// Creates both tables when they are missing, in a transaction; the schema must exist (the stores'
    /// migration creates it), else this throws and a later call tries again.
    public func prepare() async throws {
        let statements = [
            """
            CREATE TABLE IF NOT EXISTS \(cursors) (
                endpoint text PRIMARY KEY,
                position bigint NOT NULL DEFAULT 0,
                batch_end bigint,
                attempts integer NOT NULL DEFAULT 0,
                retry_at timestamptz
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS \(log) (
                id bigserial PRIMARY KEY,
                endpoint text NOT NULL,
                delivery text NOT NULL,
                first_position bigint NOT NULL,
                last_position bigint NOT NULL,
                events integer NOT NULL,
                attempt integer NOT NULL,
                outcome text NOT NULL,
                status_code integer,
                error text,
                at timestamptz NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS webhook_deliveries_by_endpoint ON \(log) (endpoint, id DESC)",
        ]
        try await access.create("creating the webhook tables", lockingOn: cursors, statements)
    }

    /// Gives a new endpoint its cursor at `position`; see ``WebhookLedger/startCursor(of:at:)``.
    public func startCursor(of endpoint: String, at position: Int) async throws -> Bool {
        try await access.run("starting the cursor of webhook \(endpoint)") { connection in
            let rows = try await connection.query(
                """
                INSERT INTO \(unescaped: cursors) (endpoint, position) VALUES (\(endpoint), \(position))
                ON CONFLICT DO NOTHING RETURNING endpoint
                """,
                logger: logger
            )
            var created = false
            for try await _ in rows { created = true }
            return created
        }
    }

    /// Runs a turn with the endpoint's row locked; `nil` when another server holds it.
    public func withCursor(
        of endpoint: String,
        _ body: (WebhookCursor) async throws -> WebhookStep
    ) async throws -> WebhookStep? {
        try await access.run("delivering to webhook \(endpoint)") { connection in
            // Outside the turn's transaction, so a first turn never waits for another server's.
            try await connection.query(
                "INSERT INTO \(unescaped: cursors) (endpoint) VALUES (\(endpoint)) ON CONFLICT DO NOTHING",
                logger: logger
            )
            try await connection.query("BEGIN", logger: logger)
            do {
                let rows = try await connection.query(
                    """
                    SELECT position, batch_end, attempts, retry_at FROM \(unescaped: cursors)
                    WHERE endpoint = \(endpoint) FOR UPDATE SKIP LOCKED
                    """,
                    logger: logger
                )
                var cursor: WebhookCursor?
                for try await (position, batchEnd, attempts, retryAt) in rows.decode((Int, Int?, Int, Date?).self) {
                    cursor = WebhookCursor(position: position, batchEnd: batchEnd, attempts: attempts, retryAt: retryAt)
                }
                guard let cursor else {
                    try await connection.query("ROLLBACK", logger: logger)
                    return nil
                }
                let step = try await body(cursor)
                try await store(step, of: endpoint, on: connection)
                try await connection.query("COMMIT", logger: logger)
                return step
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    private func store(_ step: WebhookStep, of endpoint: String, on connection: PostgresConnection) async throws {
        let cursor = step.cursor
        try await connection.query(
            """
            UPDATE \(unescaped: cursors) SET position = \(cursor.position), batch_end = \(cursor.batchEnd),
            attempts = \(cursor.attempts), retry_at = \(cursor.retryAt) WHERE endpoint = \(endpoint)
            """,
            logger: logger
        )
        guard let delivery = step.delivery else { return }
        try await connection.query(
            """
            INSERT INTO \(unescaped: log) (endpoint, delivery, first_position, last_position, events, attempt,
            outcome, status_code, error, at) VALUES (\(delivery.endpoint), \(delivery.id), \(delivery.firstPosition),
            \(delivery.lastPosition), \(delivery.events), \(delivery.attempt), \(delivery.outcome.rawValue),
            \(delivery.statusCode), \(delivery.error), \(delivery.at))
            """,
            logger: logger
        )
    }

    /// The most recent attempts, newest first.
    public func deliveries(of endpoint: String?, limit: Int) async throws -> [WebhookDelivery] {
        try await access.run("reading the webhook delivery log") { connection in
            let rows = try await connection.query(
                """
                SELECT endpoint, delivery, first_position, last_position, events, attempt, outcome, status_code,
                error, at FROM \(unescaped: log) WHERE \(endpoint)::text IS NULL OR endpoint = \(endpoint)
                ORDER BY id DESC LIMIT \(limit)
                """,
                logger: logger
            )
            var deliveries: [WebhookDelivery] = []
            let columns = (String, String, Int, Int, Int, Int, String, Int?, String?, Date).self
            for try await (name, id, first, last, events, attempt, outcome, status, error, at) in rows.decode(columns) {
                deliveries.append(
                    WebhookDelivery(
                        endpoint: name,
                        id: id,
                        firstPosition: first,
                        lastPosition: last,
                        events: events,
                        attempt: attempt,
                        outcome: WebhookDelivery.Outcome(rawValue: outcome) ?? .failed,
                        statusCode: status,
                        error: error,
                        at: at
                    )
                )
            }
            return deliveries
        }
    }

    /// The stored cursor of an endpoint.
    public func cursor(of endpoint: String) async throws -> WebhookCursor? {
        try await access.run("reading webhook \(endpoint)'s cursor") { connection in
            let rows = try await connection.query(
                "SELECT position, batch_end, attempts, retry_at FROM \(unescaped: cursors) WHERE endpoint = \(endpoint)",
                logger: logger
            )
            var cursor: WebhookCursor?
            for try await (position, batchEnd, attempts, retryAt) in rows.decode((Int, Int?, Int, Date?).self) {
                cursor = WebhookCursor(position: position, batchEnd: batchEnd, attempts: attempts, retryAt: retryAt)
            }
            return cursor
        }
    }
}
