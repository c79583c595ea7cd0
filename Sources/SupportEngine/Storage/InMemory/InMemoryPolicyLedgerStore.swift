/// The reference ``PolicyLedgerStore``, in memory.
public actor InMemoryPolicyLedgerStore: PolicyLedgerStore {
    private var moderation: [MemberID: MemberLedger] = [:]
    private var refunds: [MemberID: [RefundDecision]] = [:]

    /// Creates an empty store.
    public init() {}

    /// Reads a member's moderation ledger.
    ///
    /// - Parameter member: The member.
    /// - Returns: The ledger, or `nil`.
    public func moderationLedger(of member: MemberID) -> MemberLedger? { moderation[member] }

    /// Saves a moderation ledger over the version it was read at.
    ///
    /// - Parameters:
    ///   - ledger: The new ledger.
    ///   - expectedVersion: The version read.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` on a stale version.
    public func saveModerationLedger(_ ledger: MemberLedger, expectedVersion: Int) throws {
        let stored = moderation[ledger.member]?.version ?? 0
        guard stored == expectedVersion else {
            throw StoreError(
                .versionConflict,
                "the moderation ledger of \(ledger.member) is at version \(stored), not \(expectedVersion): reload it"
            )
        }
        moderation[ledger.member] = ledger
    }

    /// Reads a member's refund decisions, oldest first.
    ///
    /// - Parameter member: The member.
    /// - Returns: The decisions.
    public func refundDecisions(of member: MemberID) -> [RefundDecision] { refunds[member] ?? [] }

    /// Records or replaces a refund decision.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - replacing: Whether the request's decision is replaced.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` as the protocol describes.
    public func recordRefundDecision(_ decision: RefundDecision, replacing: Bool) throws {
        var decisions = refunds[decision.member] ?? []
        let index = decisions.firstIndex { $0.requestID == decision.requestID }
        switch (index, replacing) {
        case (nil, false):
            decisions.append(decision)
        case (let index?, true):
            guard decisions[index].verdict == .escalateToOwner else {
                throw StoreError(
                    .versionConflict,
                    "refund request \(decision.requestID) was already resolved (\(decisions[index].verdict.rawValue)); "
                        + "only an escalation is replaced"
                )
            }
            decisions[index] = decision
        case (.some, false):
            throw StoreError(.versionConflict, "refund request \(decision.requestID) was already decided")
        case (nil, true):
            throw StoreError(.notFound, "refund request \(decision.requestID) has no decision to replace")
        }
        refunds[decision.member] = decisions
    }
}
