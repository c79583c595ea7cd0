import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// A ``MemberJourneyStore`` in PostgreSQL: members' journeys and the owner's fix announcements, shared by
/// every server on the database.
///
/// A journey is one row of `journeys`: the record as JSONB, its version, the instant a step falls due
/// (indexed, for ``journeys(dueBefore:after:limit:)``) and the reasons of the current departure's exit
/// answer as a `GIN`-indexed `TEXT[]` (for ``journeys(leftFor:after:limit:)``). A save is
/// `UPDATE … WHERE version = expected` (an insert, or an update of a version-0 row, when the writer
/// expects 0), so of two writers the second gets ``StoreError/Code/versionConflict``. Pages are ordered by
/// member id in the "C" collation, byte by byte. A fix announcement is inserted once, by its primary key.
///
/// Make the tables with ``PostgresMigrator`` (or ``PostgresDeskStores/migrate()``).
public struct PostgresMemberJourneyStore: MemberJourneyStore {
    let access: PostgresAccess

    /// The schema holding the store's tables.
    public var schema: String { access.schema }

    /// Creates a store on a running client.
    ///
    /// - Parameters:
    ///   - client: A client whose `run()` is running.
    ///   - schema: The schema of the tables: lower-case letters, digits and `_`, starting with a letter.
    ///   - logger: Where queries are logged.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a schema name that is not a plain
    ///   identifier.
    public init(client: PostgresClient, schema: String = "support", logger: Logger) throws {
        self.access = try PostgresAccess(client: client, schema: schema, logger: logger)
    }

    init(access: PostgresAccess) {
        self.access = access
    }

    /// Reads a member's journey.
    ///
    /// - Parameter member: The member.
    /// - Returns: The journey, or `nil` when the desk never saw the member's facts.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func journey(of member: MemberID) async throws -> StoredJourney? {
        try await journeys(
            """
            SELECT record::text, due_at FROM \(unescaped: access.table("journeys")) WHERE member = \(member.rawValue)
            """,
            "reading the journey of \(member)"
        ).first
    }

    /// Saves a journey over the version it was read at.
    ///
    /// - Parameters:
    ///   - record: The new record.
    ///   - expectedVersion: The version read (`0` when there was none).
    ///   - dueAt: When a step next falls due, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version differs,
    ///   ``StoreError/Code/unavailable`` when the database fails; nothing is saved then.
    public func saveJourney(_ record: JourneyRecord, expectedVersion: Int, dueAt: Date?) async throws {
        let member = record.member.rawValue
        let text = try access.json(record)
        let due = dueAt?.storedValue
        let reasons = (record.currentDeparture?.answer?.reasons ?? []).map(\.rawValue)
        let table = access.table("journeys")
        try await access.transaction("saving the journey of \(member)") { connection in
            let query: PostgresQuery
            if expectedVersion == 0 {
                query = """
                    INSERT INTO \(unescaped: table) AS stored (member, version, due_at, exit_reasons, record)
                    VALUES (\(member), \(record.version), \(due), \(reasons), \(text)::jsonb)
                    ON CONFLICT (member) DO UPDATE SET version = EXCLUDED.version, due_at = EXCLUDED.due_at,
                        exit_reasons = EXCLUDED.exit_reasons, record = EXCLUDED.record
                    WHERE stored.version = 0
                    RETURNING 1
                    """
            } else {
                query = """
                    UPDATE \(unescaped: table)
                    SET version = \(record.version), due_at = \(due), exit_reasons = \(reasons), record = \(text)::jsonb
                    WHERE member = \(member) AND version = \(expectedVersion)
                    RETURNING 1
                    """
            }
            guard try await PostgresAccess.count(connection.query(query, logger: access.logger)) == 1 else {
                throw StoreError(
                    .versionConflict,
                    "the journey of \(member) is no longer at version \(expectedVersion): reload it"
                )
            }
        }
    }

    /// Lists journeys with a step due before an instant, ordered by member id.
    ///
    /// - Parameters:
    ///   - instant: The cut-off (exclusive).
    ///   - after: The last member of the previous page, or `nil`.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func journeys(dueBefore instant: Date, after: MemberID?, limit: Int) async throws -> [StoredJourney] {
        try PostgresAccess.checkPageLimit(limit)
        return try await journeys(
            """
            SELECT record::text, due_at FROM \(unescaped: access.table("journeys"))
            WHERE due_at < \(instant.storedValue) AND (\(after?.rawValue)::text IS NULL OR member > \(after?.rawValue))
            ORDER BY member LIMIT \(limit)
            """,
            "listing journeys due before \(instant)"
        )
    }

    /// Lists the journeys whose current exit answer names a reason, ordered by member id.
    ///
    /// - Parameters:
    ///   - reason: The exit reason.
    ///   - after: The last member of the previous page, or `nil`.
    ///   - limit: The most to return, 1 to 1,000.
    /// - Returns: One page.
    /// - Throws: ``StoreError`` with ``StoreError/Code/invalidQuery`` for a limit out of range,
    ///   ``StoreError/Code/unavailable`` when the database fails.
    public func journeys(leftFor reason: ExitReason, after: MemberID?, limit: Int) async throws -> [StoredJourney] {
        try PostgresAccess.checkPageLimit(limit)
        return try await journeys(
            """
            SELECT record::text, due_at FROM \(unescaped: access.table("journeys"))
            WHERE exit_reasons @> ARRAY[\(reason.rawValue)::text]
              AND (\(after?.rawValue)::text IS NULL OR member > \(after?.rawValue))
            ORDER BY member LIMIT \(limit)
            """,
            "listing journeys left for \(reason)"
        )
    }

    /// Records a fix announcement once, by its primary key.
    ///
    /// - Parameter fix: The announcement.
    /// - Returns: `true` when it was recorded now; `false` when a fix with the same id was recorded before.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func recordFix(_ fix: FixAnnouncement) async throws -> Bool {
        let text = try access.json(fix)
        return try await access.transaction("recording fix \(fix.id)") { connection in
            try await PostgresAccess.count(
                connection.query(
                    """
                    INSERT INTO \(unescaped: access.table("fix_announcements")) (id, announcement)
                    VALUES (\(fix.id.rawValue), \(text)::jsonb)
                    ON CONFLICT (id) DO NOTHING
                    RETURNING 1
                    """,
                    logger: access.logger
                )
            ) == 1
        }
    }

    /// Reads a fix announcement.
    ///
    /// - Parameter id: The fix's id.
    /// - Returns: The announcement, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func fix(_ id: FixID) async throws -> FixAnnouncement? {
        let texts = try await access.read(
            "SELECT announcement::text FROM \(unescaped: access.table("fix_announcements")) WHERE id = \(id.rawValue)",
            "reading fix \(id)"
        ) { rows in
            var texts: [String] = []
            for try await (text) in rows.decode(String.self) { texts.append(text) }
            return texts
        }
        return try texts.first.map { try access.decode(FixAnnouncement.self, from: $0) }
    }

    /// Runs a query returning `record::text, due_at` rows.
    private func journeys(_ query: PostgresQuery, _ what: String) async throws -> [StoredJourney] {
        let rows = try await access.read(query, what) { rows in
            var read: [(String, Double?)] = []
            for try await row in rows.decode((String, Double?).self) { read.append(row) }
            return read
        }
        return try rows.map { text, due in
            StoredJourney(
                record: try access.decode(JourneyRecord.self, from: text),
                dueAt: due.map(Date.init(storedValue:))
            )
        }
    }
}
