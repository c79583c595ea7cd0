/// Where members' policy records live: moderation ledgers, refund decisions, and the ticket posts
/// those changes still owe.
///
/// Like ``TicketStore``, writes are guarded by the version the writer read. A moderation ledger is
/// saved only over the version it was read at (two moderators acting at once: the second gets
/// ``StoreError/Code/versionConflict``). A member's refund decisions carry one version together
/// (``StoredRefundDecisions/version``): a decision is recorded only while none of the member's decisions
/// changed since they were read, so two desks deciding two requests for the same charge at once cannot
/// both record; the second reads again and decides again. A request id is decided once, and only an
/// escalation to the owner is ever replaced.
///
/// Each write can carry the ``PendingPolicyPost`` the change owes its ticket; it is stored in the same
/// atomic step as the change (or not at all), listed by ``pendingPolicyPosts(of:limit:)`` and removed by
/// the desk once the post stands. `SupportEngineTesting`'s `PolicyLedgerStoreConformance` checks an
/// adapter against this contract.
public protocol PolicyLedgerStore: Sendable {
    /// Reads a member's moderation ledger.
    ///
    /// - Parameter member: The member.
    /// - Returns: The ledger, or `nil` when nothing was ever recorded.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func moderationLedger(of member: MemberID) async throws -> MemberLedger?

    /// Saves a member's moderation ledger over the version it was read at, with the post the change owes.
    ///
    /// The ledger and `post` are one atomic write: both are stored, or neither.
    ///
    /// - Parameters:
    ///   - ledger: The new ledger.
    ///   - expectedVersion: The version read (`0` when there was none).
    ///   - post: The ticket post the change owes, or `nil`; it replaces a pending post with the same id.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version differs;
    ///   nothing is saved then.
    func saveModerationLedger(
        _ ledger: MemberLedger,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    )
        async throws

    /// Reads a member's refund decisions, oldest first, with their version.
    ///
    /// - Parameter member: The member.
    /// - Returns: The decisions and the version to expect when recording the next one.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func refundDecisions(of member: MemberID) async throws -> StoredRefundDecisions

    /// Reads the decision of one refund request, without reading the member's other decisions.
    ///
    /// - Parameters:
    ///   - request: The request's id.
    ///   - member: The member.
    /// - Returns: The decision on record (the owner's resolution once an escalation is resolved), or `nil`.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func refundDecision(_ request: RefundRequestID, of member: MemberID) async throws -> RefundDecision?

    /// Records a refund decision, or replaces the decision of the same request when `replacing` is
    /// `true` (an owner resolving an escalation), with the post the decision owes.
    ///
    /// The checks and the write are one atomic step: the member's decisions must still be at
    /// `expectedVersion`, and the stored decision is replaced only while it is still an escalation
    /// (`RefundDecision/Verdict/escalateToOwner`). The decision and `post` are stored together, or
    /// neither is. A successful write raises the member's version by one.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - replacing: Whether a decision for the same request id is expected and replaced.
    ///   - expectedVersion: The ``StoredRefundDecisions/version`` the decision was made on.
    ///   - post: The ticket post the decision owes, or `nil`; it replaces a pending post with the same id.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the member's decisions are no
    ///   longer at `expectedVersion`, when a decision for the request exists and `replacing` is `false`,
    ///   or when the stored decision is no longer an escalation; ``StoreError/Code/notFound`` when none
    ///   exists and `replacing` is `true`. Nothing changes then.
    func recordRefundDecision(
        _ decision: RefundDecision,
        replacing: Bool,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) async throws

    /// Lists the ticket posts that recorded changes still owe, oldest first.
    ///
    /// - Parameters:
    ///   - member: Only this member's posts, or `nil` for every member's.
    ///   - limit: The most to return.
    /// - Returns: The pending posts, ordered by ``PendingPolicyPost/at`` and then ``PendingPolicyPost/id``.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func pendingPolicyPosts(of member: MemberID?, limit: Int) async throws -> [PendingPolicyPost]

    /// Removes a pending post once it stands on its ticket; removing one that is not there does nothing.
    ///
    /// - Parameter id: The post's ``PendingPolicyPost/id``.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func removePendingPolicyPost(_ id: String) async throws

    /// Records a member's erasure, or replaces the member's record (to mark it finished).
    ///
    /// The record is kept for good: it is how every desk on the store knows never to contact the member
    /// again. An adapter that does not implement it inherits a default that throws
    /// ``StoreError/Code/unsupported``.
    ///
    /// - Parameter erasure: The record.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func recordErasure(_ erasure: MemberErasure) async throws

    /// Reads a member's erasure record.
    ///
    /// The default, for an adapter that cannot record erasures, returns `nil`: such a store holds none.
    ///
    /// - Parameter member: The member.
    /// - Returns: The record, or `nil` when the member was never erased.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func erasure(of member: MemberID) async throws -> MemberErasure?

    /// Reads, in one read where the adapter can, the two records the desk looks at for every message a
    /// member sends: their erasure record and their moderation ledger. The default asks
    /// ``erasure(of:)`` and ``moderationLedger(of:)`` one after the other; an adapter whose every read
    /// is a round trip answers it with one.
    ///
    /// - Parameter member: The member.
    /// - Returns: What the two single reads would return.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func policyRecords(of member: MemberID) async throws -> MemberPolicyRecords

    /// Lists the erasures not finished yet (``MemberErasure/finishedAt`` is `nil`), oldest first.
    ///
    /// The default, for an adapter that cannot record erasures, returns none.
    ///
    /// - Parameter limit: The most to return.
    /// - Returns: The unfinished records, ordered by ``MemberErasure/requestedAt`` and then member.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func unfinishedErasures(limit: Int) async throws -> [MemberErasure]

    /// Erases a member's personal data from the policy records: every note in their moderation ledger
    /// (`MemberLedger.redacted(with:)`) is replaced by `redaction`, and the ticket posts still owed to
    /// them are dropped. Refund decisions hold no free text and are kept whole. Erasing again changes
    /// nothing.
    ///
    /// An adapter that does not implement it inherits a default that throws
    /// ``StoreError/Code/unsupported``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The text that replaces what was erased.
    /// - Returns: How many ledger entries were redacted and posts dropped.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts
}
