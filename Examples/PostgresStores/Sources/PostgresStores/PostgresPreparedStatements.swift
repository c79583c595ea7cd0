import Foundation
import Logging
import PostgresNIO

/// The statements a desk runs for every message, kept prepared on each connection of the pool.
///
/// An unprepared statement is parsed, analysed and planned by PostgreSQL every time it runs; a
/// prepared one only the first time on each connection, and PostgreSQL then reuses its plan. The
/// store's statements name their schema, chosen at run time, so they cannot be PostgresNIO's usual
/// prepared statements with a fixed `static let sql`: ``PreparedStoreStatement`` reads its text and
/// name from a task-local value set around each call.
///
/// A statement's name is `se_`, a hash of its text (which includes the schema) and a generation. A
/// statement whose preparation fails stays failed on that connection in PostgresNIO (a query run
/// before ``PostgresMigrator/migrate()`` created its table, say), so such a failure moves every
/// statement on to the next generation: the next call prepares it afresh under a new name.
final class PostgresPreparedStatements: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0

    /// The name the statement with `sql` is prepared under now.
    func name(of sql: String) -> String {
        let generation = lock.withLock { self.generation }
        // FNV-1a over the text: stable across processes, unlike `Hasher`.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return "se_\(String(hash, radix: 16))_\(generation)"
    }

    /// Moves on to fresh statement names after a failure that may have happened while preparing.
    func failed(with error: any Error) {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState],
            Self.preparationStates.contains(where: state.hasPrefix)
        else { return }
        lock.withLock { generation += 1 }
    }

    /// SQLSTATE classes a preparation fails with: syntax or access rule violations (an undefined
    /// table, function or column among them) and an invalid schema name.
    private static let preparationStates = ["42", "3F"]

    /// Runs `query` as a prepared statement on a connection of `client` and collects every row before
    /// the connection goes back to the pool.
    func rows(
        of query: PostgresQuery,
        on client: PostgresClient,
        logger: Logger
    ) async throws -> [PostgresRow] {
        let text = PreparedStoreStatement.Text(name: name(of: query.sql), sql: query.sql)
        do {
            return try await PreparedStoreStatement.$current.withValue(text) {
                try await client.withConnection { connection in
                    var rows: [PostgresRow] = []
                    for try await row in try await connection.execute(
                        PreparedStoreStatement(bindings: query.binds),
                        logger: logger
                    ) {
                        rows.append(row)
                    }
                    return rows
                }
            }
        } catch {
            failed(with: error)
            throw error
        }
    }
}

/// One of the store's statements as PostgresNIO's prepared statement: its name and text come from the
/// task-local ``current``, which PostgresNIO reads in the calling task when it sends the statement.
struct PreparedStoreStatement: PostgresPreparedStatement {
    /// A statement's name and text.
    struct Text: Sendable {
        let name: String
        let sql: String
    }

    /// The statement being run by the current task.
    @TaskLocal static var current = Text(name: "", sql: "")

    static var name: String { current.name }
    static var sql: String { current.sql }

    typealias Row = PostgresRow

    /// The values bound to the statement's parameters.
    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
