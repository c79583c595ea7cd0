import Foundation

/// A member's erasure record and moderation ledger, read together: the answer of
/// ``PolicyLedgerStore/policyRecords(of:)``.
public struct MemberPolicyRecords: Sendable, Equatable {
    /// The member's erasure record, or `nil` when they were never erased.
    public var erasure: MemberErasure?
    /// The member's moderation ledger, or `nil` when nothing was ever recorded.
    public var moderationLedger: MemberLedger?

    /// Creates the pair.
    ///
    /// - Parameters:
    ///   - erasure: The erasure record, or `nil`.
    ///   - moderationLedger: The moderation ledger, or `nil`.
    public init(erasure: MemberErasure?, moderationLedger: MemberLedger?) {
        self.erasure = erasure
        self.moderationLedger = moderationLedger
    }
}

extension PolicyLedgerStore {
    /// Reads the erasure record and then the moderation ledger with ``erasure(of:)`` and
    /// ``moderationLedger(of:)``: correct for any adapter.
    ///
    /// - Parameter member: The member.
    /// - Returns: Both records.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func policyRecords(of member: MemberID) async throws -> MemberPolicyRecords {
        let erasure = try await self.erasure(of: member)
        return MemberPolicyRecords(erasure: erasure, moderationLedger: try await moderationLedger(of: member))
    }
}
