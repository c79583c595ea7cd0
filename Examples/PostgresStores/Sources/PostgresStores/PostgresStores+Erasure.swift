import Foundation
import PostgresNIO
import SupportEngine

extension PostgresPolicyLedgerStore {
    /// Records or replaces a member's erasure record (table `member_erasures`, migration step 9).
    ///
    /// - Parameter erasure: The record.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func recordErasure(_ erasure: MemberErasure) async throws {
        let text = try access.json(erasure)
        let finished = erasure.finishedAt?.storedValue
        try await access.transaction("recording the erasure of \(erasure.member)") { connection in
            _ = try await connection.query(
                """
                INSERT INTO \(unescaped: access.table("member_erasures")) (member, requested_at, finished_at, erasure)
                VALUES (\(erasure.member.rawValue), \(erasure.requestedAt.storedValue), \(finished), \(text)::jsonb)
                ON CONFLICT (member) DO UPDATE SET requested_at = EXCLUDED.requested_at,
                    finished_at = EXCLUDED.finished_at, erasure = EXCLUDED.erasure
                """,
                logger: access.logger
            )
        }
    }

    /// Reads a member's erasure record.
    ///
    /// - Parameter member: The member.
    /// - Returns: The record, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func erasure(of member: MemberID) async throws -> MemberErasure? {
        // Read for every message and every delivery: prepared.
        let text = try await access.prepared(
            "SELECT erasure::text FROM \(unescaped: access.table("member_erasures")) WHERE member = \(member.rawValue)",
            "reading the erasure of \(member)"
        ) { rows in try rows.first.map { try $0.decode(String.self) } }
        return try text.map { try access.decode(MemberErasure.self, from: $0) }
    }

    /// Lists unfinished erasures, oldest first.
    ///
    /// - Parameter limit: The most to return.
    /// - Returns: The records.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func unfinishedErasures(limit: Int) async throws -> [MemberErasure] {
        try await erasures(
            """
            SELECT erasure::text FROM \(unescaped: access.table("member_erasures"))
            WHERE finished_at IS NULL ORDER BY requested_at, member LIMIT \(max(0, limit))
            """,
            "listing unfinished erasures"
        )
    }

    private func erasures(_ query: PostgresQuery, _ what: String) async throws -> [MemberErasure] {
        let texts = try await access.read(query, what) { rows in
            var texts: [String] = []
            for try await (text) in rows.decode(String.self) { texts.append(text) }
            return texts
        }
        return try texts.map { try access.decode(MemberErasure.self, from: $0) }
    }

    /// Redacts the notes of a member's moderation ledger and drops the posts owed to them, in one
    /// transaction; see ``PolicyLedgerStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many entries were redacted and posts dropped.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        let ledgers = access.table("moderation_ledgers")
        return try await access.transaction("erasing the policy records of \(member)") { connection in
            var counts = ErasureCounts()
            let rows = try await connection.query(
                "SELECT ledger::text FROM \(unescaped: ledgers) WHERE member = \(member.rawValue) FOR UPDATE",
                logger: access.logger
            )
            var stored: MemberLedger?
            for try await (text) in rows.decode(String.self) {
                stored = try access.decode(MemberLedger.self, from: text)
            }
            if let stored {
                let redacted = stored.redacted(with: redaction)
                if redacted.entries > 0 {
                    try await connection.query(
                        """
                        UPDATE \(unescaped: ledgers)
                        SET version = \(redacted.ledger.version), ledger = \(try access.json(redacted.ledger))::jsonb
                        WHERE member = \(member.rawValue)
                        """,
                        logger: access.logger
                    )
                }
                counts.ledgerEntries = redacted.entries
            }
            counts.pendingPosts = try await PostgresAccess.count(
                connection.query(
                    """
                    DELETE FROM \(unescaped: access.table("pending_policy_posts"))
                    WHERE member = \(member.rawValue) RETURNING 1
                    """,
                    logger: access.logger
                )
            )
            return counts
        }
    }
}

extension PostgresMemberJourneyStore {
    /// Redacts the exit comments of a member's journey and unschedules it, in one transaction; see
    /// ``MemberJourneyStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many comments were redacted.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        let table = access.table("journeys")
        return try await access.transaction("erasing the journey of \(member)") { connection in
            let rows = try await connection.query(
                "SELECT record::text FROM \(unescaped: table) WHERE member = \(member.rawValue) FOR UPDATE",
                logger: access.logger
            )
            var stored: JourneyRecord?
            for try await (text) in rows.decode(String.self) {
                stored = try access.decode(JourneyRecord.self, from: text)
            }
            guard let stored else { return ErasureCounts() }
            let redacted = stored.redacted(with: redaction)
            try await connection.query(
                """
                UPDATE \(unescaped: table)
                SET version = \(redacted.record.version), due_at = NULL,
                    record = \(try access.json(redacted.record))::jsonb
                WHERE member = \(member.rawValue)
                """,
                logger: access.logger
            )
            return ErasureCounts(journeyComments: redacted.comments)
        }
    }
}

extension PostgresRatingStore {
    /// Redacts the comments of a member's ratings; see ``RatingStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many comments were redacted.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts {
        try await access.transaction("erasing the rating comments of \(member)") { connection in
            let changed = try await PostgresAccess.count(
                connection.query(
                    """
                    UPDATE \(unescaped: access.table("ratings")) SET comment = \(redaction)
                    WHERE member = \(member.rawValue) AND comment IS NOT NULL AND comment <> \(redaction)
                    RETURNING 1
                    """,
                    logger: access.logger
                )
            )
            return ErasureCounts(ratingComments: changed)
        }
    }
}
