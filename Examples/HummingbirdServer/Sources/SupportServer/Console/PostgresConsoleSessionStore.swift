import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// Console sessions in PostgreSQL: one row per session in `console_sessions`, in the stores' schema,
/// keyed by the SHA-256 of the session id.
///
/// Sessions survive a restart, and every server on the database knows them, so a balancer may send a
/// viewer's requests to any of them. ``prepare()`` creates the table (under an advisory lock, so
/// servers starting together do not race); expired rows are deleted as new sessions start.
struct PostgresConsoleSessionStore: ConsoleSessionStore {
    let access: ServerTableAccess
    var logger: Logger { access.logger }

    /// Creates the store.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema that is not a plain name.
    init(client: PostgresClient, schema: String, logger: Logger) throws {
        access = try ServerTableAccess(client: client, schema: schema, logger: logger)
    }

    var table: String { access.table("console_sessions") }

    /// Creates the table when it is missing; the schema must exist (the stores' migration creates it).
    func prepare() async throws {
        let statement = """
            CREATE TABLE IF NOT EXISTS \(table) (
                id_hash text PRIMARY KEY,
                csrf text NOT NULL,
                role text NOT NULL,
                principal text NOT NULL,
                expires_at timestamptz NOT NULL
            )
            """
        try await access.create("creating the console's session table", lockingOn: table, [statement])
    }

    func insert(_ session: ConsoleSession, idHash: String) async throws {
        let (role, principal) = Self.columns(of: session.viewer)
        try await access.run("starting a console session") { connection in
            _ = try await connection.query(
                """
                INSERT INTO \(unescaped: table) (id_hash, csrf, role, principal, expires_at)
                VALUES (\(idHash), \(session.csrf), \(role), \(principal), \(session.expiresAt))
                """,
                logger: logger
            )
        }
    }

    func session(idHash: String, at now: Date) async throws -> ConsoleSession? {
        try await access.run("reading a console session") { connection in
            let rows = try await connection.query(
                """
                SELECT csrf, role, principal, expires_at FROM \(unescaped: table)
                WHERE id_hash = \(idHash) AND expires_at > \(now)
                """,
                logger: logger
            )
            for try await (csrf, role, principal, expiresAt) in rows.decode((String, String, String, Date).self) {
                guard let viewer = Self.viewer(role: role, principal: principal) else { return nil }
                return ConsoleSession(id: "", csrf: csrf, viewer: viewer, expiresAt: expiresAt)
            }
            return nil
        }
    }

    func remove(idHash: String) async throws {
        try await access.run("ending a console session") { connection in
            _ = try await connection.query("DELETE FROM \(unescaped: table) WHERE id_hash = \(idHash)", logger: logger)
        }
    }

    func removeExpired(at now: Date) async throws {
        try await access.run("forgetting expired console sessions") { connection in
            _ = try await connection.query("DELETE FROM \(unescaped: table) WHERE expires_at <= \(now)", logger: logger)
        }
    }

    static func columns(of viewer: ConsoleViewer) -> (role: String, principal: String) {
        switch viewer {
        case .member(let id): ("member", id.rawValue)
        case .agent(let id): ("agent", id.rawValue)
        case .owner(let id): ("owner", id.rawValue)
        }
    }

    static func viewer(role: String, principal: String) -> ConsoleViewer? {
        switch role {
        case "member": .member(MemberID(rawValue: principal))
        case "agent": .agent(AgentID(rawValue: principal))
        case "owner": .owner(AgentID(rawValue: principal))
        default: nil
        }
    }
}
