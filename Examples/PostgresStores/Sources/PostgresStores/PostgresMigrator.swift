import Logging
import PostgresNIO
import SupportEngine

/// Brings a schema up to date: runs the ``PostgresMigration`` steps it has not had yet.
///
/// Each pending step runs in a transaction of its own that first takes
/// `pg_advisory_xact_lock(`\(``advisoryLockKey``)`)`, then reads `schema_migrations` again and skips the
/// step when another server recorded it meanwhile. So several servers starting together on one
/// database apply every step exactly once, and a server that starts on an up-to-date schema changes
/// nothing. A step that fails rolls back and stops the run; the steps before it stay applied.
///
/// ```swift
/// let migrator = try PostgresMigrator(client: client, schema: "support", logger: logger)
/// let applied = try await migrator.migrate()   // [] when the schema is up to date
/// ```
public struct PostgresMigrator: Sendable {
    /// The key of the transaction-level advisory lock every step runs under, the same for every
    /// schema of the database.
    public static let advisoryLockKey: Int64 = 2_030_101

    /// The steps, in version order.
    public let migrations: [PostgresMigration]
    let access: PostgresAccess

    /// Creates a migrator for a schema.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The schema: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where the steps are logged.
    ///   - migrations: The steps; every step of the package (``PostgresMigration/all(in:)``) by default.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a
    ///   plain identifier, or steps not numbered 1, 2, 3… in order with distinct names.
    public init(
        client: PostgresClient,
        schema: String = "support",
        logger: Logger,
        migrations: [PostgresMigration]? = nil
    ) throws {
        try self.init(
            access: PostgresAccess(client: client, schema: schema, logger: logger),
            migrations: migrations
        )
    }

    init(access: PostgresAccess, migrations: [PostgresMigration]? = nil) throws {
        let steps = migrations ?? PostgresMigration.all(in: access.schema)
        for (index, step) in steps.enumerated() where step.version != index + 1 {
            throw StoreError(
                .invalidQuery,
                "migration '\(step.name)' has version \(step.version) at position \(index + 1): "
                    + "steps are numbered 1, 2, 3… in order"
            )
        }
        guard Set(steps.map(\.name)).count == steps.count else {
            throw StoreError(.invalidQuery, "two migrations share a name: \(steps.map(\.name))")
        }
        self.access = access
        self.migrations = steps
    }

    /// Runs every pending step, each in its own transaction under the advisory lock.
    ///
    /// - Returns: The steps this call applied, in order; empty when the schema was up to date.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database refuses a step;
    ///   the steps applied before it stay.
    @discardableResult
    public func migrate() async throws -> [PostgresMigration] {
        let schema = access.schema
        let logger = access.logger
        let ledger = access.table("schema_migrations")
        try await retryingCatalogRaces { try await prepare(schema: schema, ledger: ledger) }
        let recorded = try await appliedVersions()
        var applied: [PostgresMigration] = []
        for step in migrations where !recorded.contains(step.version) {
            let ran = try await retryingCatalogRaces {
                try await access.transaction("migration \(step.version) (\(step.name)) of \(schema)") {
                    connection in
                    try await connection.query("SELECT pg_advisory_xact_lock(\(Self.advisoryLockKey))", logger: logger)
                    let done = try await PostgresAccess.count(
                        connection.query(
                            "SELECT 1 FROM \(unescaped: ledger) WHERE version = \(step.version)",
                            logger: logger
                        )
                    )
                    guard done == 0 else { return false }
                    for statement in step.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO \(unescaped: ledger) (version, name) VALUES (\(step.version), \(step.name))",
                        logger: logger
                    )
                    return true
                }
            }
            if ran {
                logger.info("applied migration", metadata: ["schema": "\(schema)", "version": "\(step.version)"])
                applied.append(step)
            }
        }
        return applied
    }

    /// Runs `body` again, up to three times in all, when it fails with
    /// ``StoreError/Code/versionConflict``.
    ///
    /// A server that waited on the advisory lock may still hold catalog entries from before the other
    /// server's commit (taking an advisory lock does not refresh them), so its `CREATE … IF NOT EXISTS`
    /// can collide with what the other one just made. A new transaction sees the commit; the step is
    /// then found made, or recorded, and skipped.
    private func retryingCatalogRaces<Result>(_ body: () async throws -> Result) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as StoreError where error.code == .versionConflict && attempt < 3 {
                access.logger.debug("another server changed the schema meanwhile; trying again")
                attempt += 1
            }
        }
    }

    /// Creates the schema and its `schema_migrations` table when they are missing, under the lock.
    private func prepare(schema: String, ledger: String) async throws {
        let logger = access.logger
        try await access.transaction("preparing the schema \(schema)") { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.advisoryLockKey))", logger: logger)
            try await connection.query(
                PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"),
                logger: logger
            )
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        CREATE TABLE IF NOT EXISTS \(ledger) (
                            version INTEGER PRIMARY KEY,
                            name TEXT NOT NULL,
                            applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                        )
                        """
                ),
                logger: logger
            )
        }
    }

    /// The versions recorded in the schema's `schema_migrations`, ascending.
    ///
    /// - Returns: The versions; empty when the table does not exist yet.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database cannot be read.
    public func appliedVersions() async throws -> [Int] {
        let exists = try await access.read(
            "SELECT to_regclass(\(access.table("schema_migrations"))) IS NOT NULL",
            "looking for \(access.table("schema_migrations"))"
        ) { rows in
            var exists = false
            for try await (found) in rows.decode(Bool.self) { exists = found }
            return exists
        }
        guard exists else { return [] }
        return try await access.read(
            "SELECT version FROM \(unescaped: access.table("schema_migrations")) ORDER BY version",
            "reading \(access.table("schema_migrations"))"
        ) { rows in
            var versions: [Int] = []
            for try await (version) in rows.decode(Int.self) { versions.append(version) }
            return versions
        }
    }
}
