import Logging
import PostgresNIO
import SupportEngine

/// The server's own tables next to the stores' ones (the webhook ledger, the console's sessions): the
/// stores' client and schema, the schema checked once, and every database failure as a ``StoreError``.
struct ServerTableAccess: Sendable {
    /// A client whose `run()` is running.
    let client: PostgresClient
    /// The stores' schema.
    let schema: String
    /// Where queries log.
    let logger: Logger

    /// Checks the schema name.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema that is not a plain name.
    init(client: PostgresClient, schema: String, logger: Logger) throws {
        let isPlain =
            schema.unicodeScalars.first.map { ("a"..."z").contains($0) } == true && schema.utf8.count <= 63
            && schema.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard isPlain else {
            throw StoreError(.invalidQuery, "schema '\(schema)' must be lower-case letters, digits and '_'")
        }
        self.client = client
        self.schema = schema
        self.logger = logger
    }

    /// A table's name in the schema.
    func table(_ name: String) -> String { "\(schema).\(name)" }

    /// Runs `body` on a connection; a database failure comes out as ``StoreError/Code/unavailable``
    /// saying what was being done.
    func run<Result: Sendable>(
        _ what: String,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch let error as PSQLError {
            let cause = error.serverInfo?[.message] ?? error.underlying.map { "\($0)" } ?? "\(error.code)"
            throw StoreError(.unavailable, "PostgreSQL failed while \(what): \(cause)")
        }
    }

    /// Runs `statements` (tables, indexes) in one transaction under an advisory lock on `lockName`, so
    /// servers starting together do not race; the schema must exist (the stores' migration creates it),
    /// else this throws and a later call tries again.
    func create(_ what: String, lockingOn lockName: String, _ statements: [String]) async throws {
        try await run(what) { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lockName)))", logger: logger)
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}
