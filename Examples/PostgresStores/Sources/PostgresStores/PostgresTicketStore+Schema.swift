import Logging
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Creates the schema, tables and indexes if they are missing.
    ///
    /// Idempotent, and safe when several servers start at once: it runs in one transaction under an
    /// advisory lock.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses.
    public func migrate() async throws {
        try await transaction("creating the schema \(schema)") { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(2030101)", logger: logger)
            for statement in schemaStatements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }

    /// Drops the schema with every table in it. For tests and demos.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses.
    public func dropSchema() async throws {
        try await transaction("dropping the schema \(schema)") { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"),
                logger: logger
            )
        }
    }

    /// Deletes every row, keeping the tables. For tests and demos.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses.
    public func truncate() async throws {
        let tables = ["events", "external_keys", "thread_keys", "outbox", "tickets"].map(table)
        try await transaction("emptying the schema \(schema)") { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "TRUNCATE \(tables.joined(separator: ", ")) RESTART IDENTITY"),
                logger: logger
            )
        }
    }

    /// The DDL, in order. Ids use the "C" collation so that SQL sorts them byte by byte, as Swift does.
    var schemaStatements: [String] {
        [
            "CREATE SCHEMA IF NOT EXISTS \(schema)",
            """
            CREATE TABLE IF NOT EXISTS \(table("tickets")) (
                id TEXT COLLATE "C" PRIMARY KEY,
                version INTEGER NOT NULL CHECK (version > 0),
                status TEXT NOT NULL,
                assignee TEXT,
                requester TEXT NOT NULL,
                due_at DOUBLE PRECISION,
                snapshot JSONB NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS tickets_status ON \(table("tickets")) (status, id)",
            "CREATE INDEX IF NOT EXISTS tickets_assignee ON \(table("tickets")) (assignee, id) WHERE assignee IS NOT NULL",
            "CREATE INDEX IF NOT EXISTS tickets_requester ON \(table("tickets")) (requester, id)",
            "CREATE INDEX IF NOT EXISTS tickets_due ON \(table("tickets")) (due_at) WHERE due_at IS NOT NULL",
            """
            CREATE TABLE IF NOT EXISTS \(table("events")) (
                ticket_id TEXT COLLATE "C" NOT NULL REFERENCES \(table("tickets")) (id),
                sequence INTEGER NOT NULL,
                event JSONB NOT NULL,
                PRIMARY KEY (ticket_id, sequence)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS \(table("external_keys")) (
                channel TEXT NOT NULL,
                external_id TEXT NOT NULL,
                ticket_id TEXT COLLATE "C" NOT NULL,
                PRIMARY KEY (channel, external_id)
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS \(table("thread_keys")) (
                key TEXT PRIMARY KEY,
                ticket_id TEXT COLLATE "C" NOT NULL
            )
            """,
            """
            CREATE TABLE IF NOT EXISTS \(table("outbox")) (
                id TEXT COLLATE "C" PRIMARY KEY,
                position BIGSERIAL NOT NULL,
                ticket_id TEXT COLLATE "C",
                state TEXT NOT NULL,
                next_attempt_at DOUBLE PRECISION NOT NULL,
                claimed_until DOUBLE PRECISION,
                claim_token TEXT,
                message JSONB NOT NULL
            )
            """,
            "ALTER TABLE \(table("outbox")) ADD COLUMN IF NOT EXISTS claimed_until DOUBLE PRECISION",
            // The claim's token, checked by updateOutbound: a schema from before it gains the column.
            "ALTER TABLE \(table("outbox")) ADD COLUMN IF NOT EXISTS claim_token TEXT",
            "CREATE INDEX IF NOT EXISTS outbox_pending ON \(table("outbox")) (next_attempt_at, id) WHERE state = 'pending'",
            "CREATE INDEX IF NOT EXISTS outbox_ticket ON \(table("outbox")) (ticket_id, position)",
            "CREATE INDEX IF NOT EXISTS outbox_dead ON \(table("outbox")) (id) WHERE state = 'dead_lettered'",
            // Ticket numbers: the store's own sequence hands them out, so that servers sharing the database
            // never give two tickets one number; a schema from before numbers gains the column (its old
            // tickets keep none) and the sequence. A sequence never rolls back: a number drawn for a commit
            // that failed is skipped, a gap.
            "CREATE SEQUENCE IF NOT EXISTS \(table("ticket_numbers")) AS BIGINT MINVALUE 1 START 1",
            "ALTER TABLE \(table("tickets")) ADD COLUMN IF NOT EXISTS number BIGINT",
            "CREATE UNIQUE INDEX IF NOT EXISTS tickets_number ON \(table("tickets")) (number) WHERE number IS NOT NULL",
            // A sequence that is behind the stored numbers (a restored dump, numbers written by hand) moves
            // past the largest one, so it never hands out a number a ticket has.
            """
            SELECT setval('\(table("ticket_numbers"))', stored.largest)
            FROM (SELECT MAX(number) AS largest FROM \(table("tickets"))) AS stored,
                 \(table("ticket_numbers")) AS numbers
            WHERE stored.largest IS NOT NULL
              AND stored.largest > (CASE WHEN numbers.is_called THEN numbers.last_value ELSE 0 END)
            """,
        ]
    }
}
