import Foundation
import Logging
import PostgresNIO
import SupportEngine

/// A ``PolicyLedgerStore`` in PostgreSQL: moderation ledgers, refund decisions and the ticket posts
/// they owe, shared by every server on the database.
///
/// - A moderation ledger is one row (`moderation_ledgers`: the ledger as JSONB and its version). A save
///   is `UPDATE … WHERE version = expected` (an insert, or an update of a version-0 row, when the writer
///   expects 0), so of two moderators acting at once the second gets
///   ``StoreError/Code/versionConflict``.
/// - A member's refund decisions (`refund_decisions`, in the order recorded) carry one version in
///   `refund_members`. Recording a decision locks that row (`SELECT … FOR UPDATE`), so two desks
///   deciding for one member at once are serialized: the second finds the version moved and gets a
///   conflict. Only an escalation to the owner is replaced, and only over the version it was read at.
/// - A pending post (`pending_policy_posts`) is written in the same transaction as its change, so a
///   refused change leaves none.
///
/// Make the tables with ``PostgresMigrator`` (or ``PostgresDeskStores/migrate()``).
public struct PostgresPolicyLedgerStore: PolicyLedgerStore {
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

    /// Reads a member's moderation ledger.
    ///
    /// - Parameter member: The member.
    /// - Returns: The ledger, or `nil` when nothing was ever recorded.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func moderationLedger(of member: MemberID) async throws -> MemberLedger? {
        // Read for every new ticket: prepared.
        let text = try await access.prepared(
            """
            SELECT ledger::text FROM \(unescaped: access.table("moderation_ledgers"))
            WHERE member = \(member.rawValue)
            """,
            "reading the moderation ledger of \(member)"
        ) { rows in try rows.first.map { try $0.decode(String.self) } }
        return try text.map { try access.decode(MemberLedger.self, from: $0) }
    }

    /// Saves a moderation ledger over the version it was read at, with the post the change owes, in one
    /// transaction.
    ///
    /// - Parameters:
    ///   - ledger: The new ledger.
    ///   - expectedVersion: The version read (`0` when there was none).
    ///   - post: The ticket post the change owes, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version differs,
    ///   ``StoreError/Code/unavailable`` when the database fails; nothing is saved then.
    public func saveModerationLedger(
        _ ledger: MemberLedger,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) async throws {
        let member = ledger.member.rawValue
        let text = try access.json(ledger)
        let table = access.table("moderation_ledgers")
        try await access.transaction("saving the moderation ledger of \(member)") { connection in
            let query: PostgresQuery
            if expectedVersion == 0 {
                query = """
                    INSERT INTO \(unescaped: table) AS stored (member, version, ledger)
                    VALUES (\(member), \(ledger.version), \(text)::jsonb)
                    ON CONFLICT (member) DO UPDATE SET version = EXCLUDED.version, ledger = EXCLUDED.ledger
                    WHERE stored.version = 0
                    RETURNING 1
                    """
            } else {
                query = """
                    UPDATE \(unescaped: table) SET version = \(ledger.version), ledger = \(text)::jsonb
                    WHERE member = \(member) AND version = \(expectedVersion)
                    RETURNING 1
                    """
            }
            guard try await PostgresAccess.count(connection.query(query, logger: access.logger)) == 1 else {
                throw StoreError(
                    .versionConflict,
                    "the moderation ledger of \(member) is no longer at version \(expectedVersion): reload it"
                )
            }
            try await keep(post, on: connection)
        }
    }

    /// Reads a member's refund decisions, oldest first, with their version, in one statement.
    ///
    /// - Parameter member: The member.
    /// - Returns: The decisions and the version to expect when recording the next one.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func refundDecisions(of member: MemberID) async throws -> StoredRefundDecisions {
        let rows = try await access.read(
            """
            SELECT m.version, d.decision::text
            FROM \(unescaped: access.table("refund_members")) AS m
            LEFT JOIN \(unescaped: access.table("refund_decisions")) AS d ON d.member = m.member
            WHERE m.member = \(member.rawValue)
            ORDER BY d.position
            """,
            "reading the refund decisions of \(member)"
        ) { rows in
            var read: [(Int, String?)] = []
            for try await row in rows.decode((Int, String?).self) { read.append(row) }
            return read
        }
        let decisions = try rows.compactMap(\.1).map { try access.decode(RefundDecision.self, from: $0) }
        return StoredRefundDecisions(decisions: decisions, version: rows.first?.0 ?? 0)
    }

    /// Reads the decision of one refund request by its key.
    ///
    /// - Parameters:
    ///   - request: The request's id.
    ///   - member: The member.
    /// - Returns: The decision on record, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func refundDecision(_ request: RefundRequestID, of member: MemberID) async throws -> RefundDecision? {
        let texts = try await access.read(
            """
            SELECT decision::text FROM \(unescaped: access.table("refund_decisions"))
            WHERE member = \(member.rawValue) AND request_id = \(request.rawValue)
            """,
            "reading refund request \(request) of \(member)"
        ) { rows in
            var texts: [String] = []
            for try await (text) in rows.decode(String.self) { texts.append(text) }
            return texts
        }
        return try texts.first.map { try access.decode(RefundDecision.self, from: $0) }
    }

    /// Records a refund decision, or replaces an escalation, with the post it owes, in one transaction
    /// holding the lock on the member's refund version.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - replacing: Whether a decision for the same request id is expected and replaced.
    ///   - expectedVersion: The version the decision was made on.
    ///   - post: The ticket post the decision owes, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` or ``StoreError/Code/notFound`` as
    ///   ``PolicyLedgerStore`` describes, ``StoreError/Code/unavailable`` when the database fails; nothing
    ///   changes then.
    public func recordRefundDecision(
        _ decision: RefundDecision,
        replacing: Bool,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) async throws {
        let member = decision.member.rawValue
        let request = decision.requestID.rawValue
        let text = try access.json(decision)
        let members = access.table("refund_members")
        let decisions = access.table("refund_decisions")
        let logger = access.logger
        try await access.transaction("recording refund request \(request) of \(member)") { connection in
            try await connection.query(
                "INSERT INTO \(unescaped: members) (member, version) VALUES (\(member), 0) ON CONFLICT DO NOTHING",
                logger: logger
            )
            var version = 0
            for try await (stored) in try await connection.query(
                "SELECT version FROM \(unescaped: members) WHERE member = \(member) FOR UPDATE",
                logger: logger
            ).decode(Int.self) {
                version = stored
            }
            var existing: String?
            for try await (verdict) in try await connection.query(
                "SELECT verdict FROM \(unescaped: decisions) WHERE member = \(member) AND request_id = \(request)",
                logger: logger
            ).decode(String.self) {
                existing = verdict
            }
            switch (existing, replacing) {
            case (nil, false), (.some, true):
                break
            case (.some, false):
                throw StoreError(.versionConflict, "refund request \(request) of \(member) was already decided")
            case (nil, true):
                throw StoreError(.notFound, "refund request \(request) of \(member) has no decision to replace")
            }
            if let existing, existing != RefundDecision.Verdict.escalateToOwner.rawValue {
                throw StoreError(
                    .versionConflict,
                    "refund request \(request) was already resolved (\(existing)); only an escalation is replaced"
                )
            }
            guard version == expectedVersion else {
                throw StoreError(
                    .versionConflict,
                    "the refund decisions of \(member) are at version \(version), not \(expectedVersion): "
                        + "read them again and decide again"
                )
            }
            try await connection.query(
                "UPDATE \(unescaped: members) SET version = version + 1 WHERE member = \(member)",
                logger: logger
            )
            if existing == nil {
                try await connection.query(
                    """
                    INSERT INTO \(unescaped: decisions) (member, request_id, position, verdict, decision)
                    SELECT \(member), \(request), COALESCE(MAX(position), 0) + 1, \(decision.verdict.rawValue),
                           \(text)::jsonb
                    FROM \(unescaped: decisions) WHERE member = \(member)
                    """,
                    logger: logger
                )
            } else {
                try await connection.query(
                    """
                    UPDATE \(unescaped: decisions) SET verdict = \(decision.verdict.rawValue), decision = \(text)::jsonb
                    WHERE member = \(member) AND request_id = \(request)
                    """,
                    logger: logger
                )
            }
            try await keep(post, on: connection)
        }
    }

    /// Lists the pending posts, oldest first.
    ///
    /// - Parameters:
    ///   - member: Only this member's posts, or `nil` for every member's.
    ///   - limit: The most to return; `0` or less returns none.
    /// - Returns: The pending posts, by ``PendingPolicyPost/at`` and then ``PendingPolicyPost/id``.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func pendingPolicyPosts(of member: MemberID?, limit: Int) async throws -> [PendingPolicyPost] {
        guard limit > 0 else { return [] }
        let table = access.table("pending_policy_posts")
        let query: PostgresQuery
        if let member {
            query = """
                SELECT id, member, at, payload FROM \(unescaped: table) WHERE member = \(member.rawValue)
                ORDER BY at, id LIMIT \(limit)
                """
        } else {
            query = "SELECT id, member, at, payload FROM \(unescaped: table) ORDER BY at, id LIMIT \(limit)"
        }
        return try await access.read(query, "listing pending policy posts") { rows in
            var posts: [PendingPolicyPost] = []
            for try await (id, member, at, payload) in rows.decode((String, String, Double, Data).self) {
                posts.append(
                    PendingPolicyPost(id: id, member: MemberID(member), at: Date(storedValue: at), payload: payload)
                )
            }
            return posts
        }
    }

    /// Removes a pending post; an unknown id does nothing.
    ///
    /// - Parameter id: The post's id.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func removePendingPolicyPost(_ id: String) async throws {
        try await access.transaction("removing pending policy post \(id)") { connection -> Void in
            _ = try await connection.query(
                "DELETE FROM \(unescaped: access.table("pending_policy_posts")) WHERE id = \(id)",
                logger: access.logger
            )
        }
    }

    /// Stores a pending post in the caller's transaction, replacing one with the same id.
    private func keep(_ post: PendingPolicyPost?, on connection: PostgresConnection) async throws {
        guard let post else { return }
        try await connection.query(
            """
            INSERT INTO \(unescaped: access.table("pending_policy_posts")) (id, member, at, payload)
            VALUES (\(post.id), \(post.member.rawValue), \(post.at.storedValue), \(post.payload))
            ON CONFLICT (id) DO UPDATE SET member = EXCLUDED.member, at = EXCLUDED.at, payload = EXCLUDED.payload
            """,
            logger: access.logger
        )
    }
}
