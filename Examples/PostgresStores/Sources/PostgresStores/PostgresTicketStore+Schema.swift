import Logging
import PostgresNIO
import SupportEngine

extension PostgresTicketStore {
    /// Creates the schema and brings its tables up to date: runs ``PostgresMigrator`` with every
    /// ``PostgresMigration``, so the tables of the other stores of the package are made too; then moves
    /// the ticket-number sequence past the largest stored number if it is behind.
    ///
    /// Idempotent, and safe when several servers start at once: each step runs in its own transaction
    /// under an advisory lock and is recorded in `schema_migrations`.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses.
    public func migrate() async throws {
        _ = try await PostgresMigrator(access: access).migrate()
        try await repairTicketNumbers()
        try await indexUnsearchedTickets()
    }

    /// Moves the ticket-number sequence past the largest stored number when it is behind.
    func repairTicketNumbers() async throws {
        try await transaction("checking the ticket numbers of \(schema)") { connection in
            _ = try await connection.query(
                PostgresQuery(unsafeSQL: PostgresMigration.ticketNumberRepair(in: schema)),
                logger: logger
            )
        }
    }

    /// Drops the schema with every table in it. For tests and demos. The ticket numbers the store drew
    /// and had not handed out go with it: a schema made again numbers from 1.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses.
    public func dropSchema() async throws {
        try await transaction("dropping the schema \(schema)") { connection in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \(schema) CASCADE"),
                logger: logger
            )
        }
        await numberBlock.forget()
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
}
