import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// What every store of the package shares: a running client, the schema its tables live in, and
/// transactions and reads whose errors come out as ``StoreError``.
struct PostgresAccess: Sendable {
    /// The client the queries run on; its `run()` must be running.
    let client: PostgresClient
    /// The schema holding the tables, a plain identifier.
    let schema: String
    /// Where queries are logged.
    let logger: Logger
    /// Reads the documents back; writing them is ``JSONTextEncoder``'s.
    let decoder = JSONDecoder()
    /// The names of the statements kept prepared on the pool's connections.
    let statements = PostgresPreparedStatements()

    /// Checks the schema name and keeps the client.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier.
    init(client: PostgresClient, schema: String, logger: Logger) throws {
        guard Self.isPlainIdentifier(schema) else {
            throw StoreError(
                .invalidQuery,
                "schema '\(schema)' must be lower-case letters, digits and '_', starting with a letter, at most 63"
            )
        }
        self.client = client
        self.schema = schema
        self.logger = logger
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), name.utf8.count <= 63 else {
            return false
        }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A table's schema-qualified name.
    func table(_ name: String) -> String { "\(schema).\(name)" }

    /// Runs `body` in one transaction on one connection: `COMMIT` when it returns, `ROLLBACK` when it
    /// throws. Errors come out as ``StoreError``.
    func transaction<Result: Sendable>(
        _ what: String,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let result = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    do {
                        try await connection.query("ROLLBACK", logger: logger)
                    } catch {
                        logger.warning("rollback failed", metadata: ["error": "\(PostgresErrors.describe(error))"])
                    }
                    throw error
                }
            }
        } catch {
            throw PostgresErrors.map(error, while: what)
        }
    }

    /// Runs one read query and collects its rows with `collect`; errors come out as ``StoreError``.
    func read<Result>(
        _ query: PostgresQuery,
        _ what: String,
        _ collect: (PostgresRowSequence) async throws -> Result
    ) async throws -> Result {
        do {
            return try await collect(try await client.query(query, logger: logger))
        } catch {
            throw PostgresErrors.map(error, while: what)
        }
    }

    /// Runs one of the statements a desk runs for every message as a prepared statement (parsed and
    /// planned once per connection, see ``PostgresPreparedStatements``), reads all its rows before the
    /// connection goes back to the pool and collects them with `collect`; errors, decoding errors among
    /// them, come out as ``StoreError``.
    ///
    /// Only for statements whose text does not vary with the values: each distinct text stays prepared
    /// on every connection that ran it.
    func prepared<Result>(
        _ query: PostgresQuery,
        _ what: String,
        _ collect: ([PostgresRow]) throws -> Result
    ) async throws -> Result {
        do {
            return try collect(try await statements.rows(of: query, on: client, logger: logger))
        } catch let error as StoreError {
            throw error
        } catch {
            throw PostgresErrors.map(error, while: what)
        }
    }

    /// A value as JSON text, for a `jsonb` column: written by ``JSONTextEncoder`` as the value encodes
    /// itself, with Foundation's `JSONEncoder` for a value whose conformance a stream cannot follow — the
    /// same JSON either way.
    ///
    /// - Throws: What `JSONEncoder` throws for the value (`EncodingError.invalidValue` for a number that
    ///   is not finite, say).
    func json<Value: Encodable>(_ value: Value) throws -> String {
        try JSONTextEncoder.text(of: value)
    }

    /// A value read back from a `jsonb` column's text.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the text is not a `Value`.
    func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError(.unavailable, "a stored \(type) cannot be read back: \(error)")
        }
    }

    /// How many rows a query returned.
    static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    /// Checks a page limit of the stores' paged queries.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` outside 1…1,000.
    static func checkPageLimit(_ limit: Int) throws {
        guard (1...1_000).contains(limit) else {
            throw StoreError(.invalidQuery, "limit must be from 1 to 1000, not \(limit)")
        }
    }
}
