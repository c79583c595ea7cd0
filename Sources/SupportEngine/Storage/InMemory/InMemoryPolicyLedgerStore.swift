/// The reference ``PolicyLedgerStore``, in memory.
///
/// A member's refund decisions are indexed by request id, so looking one up or recording one does not
/// scan the member's other decisions.
public actor InMemoryPolicyLedgerStore: PolicyLedgerStore {
    /// One member's refund decisions, their index by request id and their version.
    private struct MemberRefunds {
        var decisions: [RefundDecision] = []
        var positions: [RefundRequestID: Int] = [:]
        var version = 0
    }

    private var moderation: [MemberID: MemberLedger] = [:]
    private var refunds: [MemberID: MemberRefunds] = [:]
    private var pending: [String: PendingPolicyPost] = [:]
    private var erasures: [MemberID: MemberErasure] = [:]

    /// Creates an empty store.
    public init() {}

    /// Reads a member's moderation ledger.
    ///
    /// - Parameter member: The member.
    /// - Returns: The ledger, or `nil`.
    public func moderationLedger(of member: MemberID) -> MemberLedger? { moderation[member] }

    /// Saves a moderation ledger over the version it was read at, with the post the change owes.
    ///
    /// - Parameters:
    ///   - ledger: The new ledger.
    ///   - expectedVersion: The version read.
    ///   - post: The ticket post the change owes, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` on a stale version.
    public func saveModerationLedger(
        _ ledger: MemberLedger,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) throws {
        let stored = moderation[ledger.member]?.version ?? 0
        guard stored == expectedVersion else {
            throw StoreError(
                .versionConflict,
                "the moderation ledger of \(ledger.member) is at version \(stored), not \(expectedVersion): reload it"
            )
        }
        moderation[ledger.member] = ledger
        keep(post)
    }

    /// Reads a member's refund decisions, oldest first, with their version.
    ///
    /// - Parameter member: The member.
    /// - Returns: The decisions and their version.
    public func refundDecisions(of member: MemberID) -> StoredRefundDecisions {
        let stored = refunds[member] ?? MemberRefunds()
        return StoredRefundDecisions(decisions: stored.decisions, version: stored.version)
    }

    /// Reads one request's decision through the index.
    ///
    /// - Parameters:
    ///   - request: The request's id.
    ///   - member: The member.
    /// - Returns: The decision, or `nil`.
    public func refundDecision(_ request: RefundRequestID, of member: MemberID) -> RefundDecision? {
        guard let stored = refunds[member], let position = stored.positions[request] else { return nil }
        return stored.decisions[position]
    }

    /// Records or replaces a refund decision over the version read, with the post it owes.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - replacing: Whether the request's decision is replaced.
    ///   - expectedVersion: The version the decision was made on.
    ///   - post: The ticket post the decision owes, or `nil`.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` or ``StoreError/Code/notFound`` as
    ///   the protocol describes.
    public func recordRefundDecision(
        _ decision: RefundDecision,
        replacing: Bool,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) throws {
        let member = decision.member
        let request = decision.requestID
        // Taken out while it changes, so the member's decisions are changed in place, never copied.
        var stored = refunds.removeValue(forKey: member) ?? MemberRefunds()
        defer { refunds[member] = stored }
        let index = stored.positions[request]
        switch (index, replacing) {
        case (nil, false), (.some, true):
            break
        case (.some, false):
            throw StoreError(.versionConflict, "refund request \(request) of \(member) was already decided")
        case (nil, true):
            throw StoreError(.notFound, "refund request \(request) of \(member) has no decision to replace")
        }
        if let index, stored.decisions[index].verdict != .escalateToOwner {
            throw StoreError(
                .versionConflict,
                "refund request \(request) was already resolved (\(stored.decisions[index].verdict.rawValue)); "
                    + "only an escalation is replaced"
            )
        }
        guard stored.version == expectedVersion else {
            throw StoreError(
                .versionConflict,
                "the refund decisions of \(member) are at version \(stored.version), not \(expectedVersion): "
                    + "read them again and decide again"
            )
        }
        stored.version += 1
        if let index {
            stored.decisions[index] = decision
        } else {
            stored.positions[request] = stored.decisions.count
            stored.decisions.append(decision)
        }
        keep(post)
    }

    /// Lists pending posts, oldest first.
    ///
    /// - Parameters:
    ///   - member: Only this member's, or `nil` for all.
    ///   - limit: The most to return.
    /// - Returns: The pending posts.
    public func pendingPolicyPosts(of member: MemberID?, limit: Int) -> [PendingPolicyPost] {
        pending.values
            .filter { member == nil || $0.member == member }
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            .prefix(max(0, limit))
            .map { $0 }
    }

    /// Removes a pending post; an unknown id does nothing.
    ///
    /// - Parameter id: The post's id.
    public func removePendingPolicyPost(_ id: String) {
        pending[id] = nil
    }

    /// Records or replaces a member's erasure record.
    ///
    /// - Parameter erasure: The record.
    public func recordErasure(_ erasure: MemberErasure) async {
        erasures[erasure.member] = erasure
    }

    /// Reads a member's erasure record.
    ///
    /// - Parameter member: The member.
    /// - Returns: The record, or `nil`.
    public func erasure(of member: MemberID) async -> MemberErasure? { erasures[member] }

    /// Lists unfinished erasures, oldest first.
    ///
    /// - Parameter limit: The most to return.
    /// - Returns: The records.
    public func unfinishedErasures(limit: Int) async -> [MemberErasure] {
        erasures.values.filter { !$0.isFinished }
            .sorted { ($0.requestedAt, $0.member) < ($1.requestedAt, $1.member) }
            .prefix(max(0, limit))
            .map { $0 }
    }

    /// Redacts the notes of a member's moderation ledger and drops the posts owed to them; see
    /// ``PolicyLedgerStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many entries were redacted and posts dropped.
    public func eraseMember(_ member: MemberID, redaction: String) async -> ErasureCounts {
        var counts = ErasureCounts()
        if let ledger = moderation[member] {
            let redacted = ledger.redacted(with: redaction)
            moderation[member] = redacted.ledger
            counts.ledgerEntries = redacted.entries
        }
        for post in pending.values where post.member == member {
            pending[post.id] = nil
            counts.pendingPosts += 1
        }
        return counts
    }

    private func keep(_ post: PendingPolicyPost?) {
        guard let post else { return }
        pending[post.id] = post
    }
}
