import Foundation
import PostgresNIO
import SupportEngine

extension PostgresPolicyLedgerStore {
    /// Reads a member's erasure record and moderation ledger in one prepared statement; see
    /// ``PolicyLedgerStore/policyRecords(of:)``.
    ///
    /// - Parameter member: The member.
    /// - Returns: Both records.
    /// - Throws: ``StoreError`` with ``StoreError/Code/unavailable`` when the database fails.
    public func policyRecords(of member: MemberID) async throws -> MemberPolicyRecords {
        // Read for every message received: prepared.
        let (erasure, ledger) = try await access.prepared(
            """
            SELECT
                (SELECT erasure::text FROM \(unescaped: access.table("member_erasures")) WHERE member = \(member.rawValue)),
                (SELECT ledger::text FROM \(unescaped: access.table("moderation_ledgers")) WHERE member = \(member.rawValue))
            """,
            "reading the erasure record and moderation ledger of \(member)"
        ) { rows in try rows.first.map { try $0.decode((String?, String?).self) } ?? (nil, nil) }
        return MemberPolicyRecords(
            erasure: try erasure.map { try access.decode(MemberErasure.self, from: $0) },
            moderationLedger: try ledger.map { try access.decode(MemberLedger.self, from: $0) }
        )
    }
}
