import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// An ``AgentStatusStore`` in PostgreSQL: one row of `agent_statuses` per agent, shared by every server on
/// the database, so an agent who goes online, away or absent through one server is so for all of them.
///
/// Each field of ``AgentStatus`` is a column: `presence` (its raw value), `is_absent`, `shift_was_open`
/// (`NULL` while no desk has looked at the shift), `updated_at` (seconds since Foundation's reference
/// date, every bit kept) and `version`. A first save (expected version 0) is
/// `INSERT … ON CONFLICT DO NOTHING`; a later one is `UPDATE … SET version = version + 1 WHERE version =
/// expected`. When no row is written another writer got there first, and the save throws
/// ``StoreError/Code/versionConflict`` naming the version stored. Statuses are listed by agent id in the
/// "C" collation, byte by byte. A status no store keeps (``AgentStatus/storageRefusal()``) is refused
/// before the database sees it.
///
/// Make the table with ``PostgresMigrator`` (or ``PostgresDeskStores/migrate()``).
public struct PostgresAgentStatusStore: AgentStatusStore {
    let access: PostgresAccess

    /// The schema holding the store's table.
    public var schema: String { access.schema }

    /// Creates a store on a running client.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The schema of the table: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where queries are logged.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier.
    public init(client: PostgresClient, schema: String = "support", logger: Logger) throws {
        self.access = try PostgresAccess(client: client, schema: schema, logger: logger)
    }

    init(access: PostgresAccess) {
        self.access = access
    }

    /// One agent's status, if it was ever saved.
    ///
    /// - Parameter agent: The agent.
    /// - Returns: The stored status, with the version to save over.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails or a stored
    ///   presence is not one this version knows.
    public func agentStatus(of agent: AgentID) async throws -> AgentStatus? {
        try await statuses(
            """
            SELECT \(unescaped: Self.columns) FROM \(unescaped: access.table("agent_statuses"))
            WHERE agent = \(agent.rawValue)
            """,
            "reading the status of agent \(agent)"
        ).first
    }

    /// Every stored status, ordered by agent id.
    ///
    /// - Returns: The statuses.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails or a stored
    ///   presence is not one this version knows.
    public func agentStatuses() async throws -> [AgentStatus] {
        try await statuses(
            "SELECT \(unescaped: Self.columns) FROM \(unescaped: access.table("agent_statuses")) ORDER BY agent",
            "reading every agent status"
        )
    }

    /// Saves a status over the version it was read at.
    ///
    /// - Parameters:
    ///   - status: The new status; its own ``AgentStatus/version`` is not stored.
    ///   - expectedVersion: The version read; 0 for an agent with no stored status.
    /// - Returns: The status as stored, with version `expectedVersion + 1`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version is not
    ///   `expectedVersion` (nothing is changed), ``StoreError/Code/invalidCommit`` for a status that cannot
    ///   be stored, ``StoreError/Code/unavailable`` when the database fails.
    public func saveAgentStatus(_ status: AgentStatus, expectedVersion: Int) async throws -> AgentStatus {
        if let refusal = status.storageRefusal() { throw refusal }
        let agent = status.agent.rawValue
        let presence = status.presence.rawValue
        let updatedAt = status.updatedAt.storedValue
        let table = access.table("agent_statuses")
        return try await access.transaction("saving the status of agent \(status.agent)") { connection in
            let query: PostgresQuery
            if expectedVersion == 0 {
                query = """
                    INSERT INTO \(unescaped: table) (agent, presence, is_absent, shift_was_open, updated_at, version)
                    VALUES (\(agent), \(presence), \(status.isAbsent), \(status.shiftWasOpen), \(updatedAt), 1)
                    ON CONFLICT (agent) DO NOTHING
                    RETURNING version
                    """
            } else {
                query = """
                    UPDATE \(unescaped: table)
                    SET presence = \(presence), is_absent = \(status.isAbsent), shift_was_open = \(status.shiftWasOpen),
                        updated_at = \(updatedAt), version = version + 1
                    WHERE agent = \(agent) AND version = \(expectedVersion)
                    RETURNING version
                    """
            }
            let rows = try await connection.query(query, logger: access.logger)
            var versions: [Int] = []
            for try await (version) in rows.decode(Int.self) { versions.append(version) }
            guard let version = versions.first else {
                let stored = try await Self.storedVersion(of: agent, in: table, on: connection, logger: access.logger)
                throw StoreError(
                    .versionConflict,
                    "the status of agent \(status.agent) is at version \(stored), not \(expectedVersion): read it again"
                )
            }
            var saved = status
            saved.version = version
            return saved
        }
    }

    /// The columns every read selects, in the order ``statuses(_:_:)`` decodes them.
    private static let columns = "agent, presence, is_absent, shift_was_open, updated_at, version"

    /// The version stored for an agent, 0 when there is no row: for the message of a conflict.
    private static func storedVersion(
        of agent: String,
        in table: String,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Int {
        let rows = try await connection.query(
            "SELECT version FROM \(unescaped: table) WHERE agent = \(agent)",
            logger: logger
        )
        var stored = 0
        for try await (version) in rows.decode(Int.self) { stored = version }
        return stored
    }

    /// Runs a query returning ``columns`` rows.
    private func statuses(_ query: PostgresQuery, _ what: String) async throws -> [AgentStatus] {
        let rows = try await access.read(query, what) { rows in
            var read: [(String, String, Bool, Bool?, Double, Int)] = []
            for try await row in rows.decode((String, String, Bool, Bool?, Double, Int).self) { read.append(row) }
            return read
        }
        return try rows.map { agent, presence, isAbsent, shiftWasOpen, updatedAt, version in
            guard let presence = AgentPresence(rawValue: presence) else {
                throw StoreError(
                    .unavailable,
                    "the stored presence '\(presence)' of agent \(agent) is not one of "
                        + "\(AgentPresence.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return AgentStatus(
                agent: AgentID(agent),
                presence: presence,
                isAbsent: isAbsent,
                shiftWasOpen: shiftWasOpen,
                updatedAt: Date(storedValue: updatedAt),
                version: version
            )
        }
    }
}
