/// Where members' policy records live: moderation ledgers and refund decisions.
///
/// Like ``TicketStore``, writes are guarded: a moderation ledger is saved only over the version it was
/// read at (two moderators acting at once: the second gets ``StoreError/Code/versionConflict``), and a
/// refund decision is recorded once per request id (``StoreError/Code/duplicateExternalMessage`` is not
/// used here; a repeated request id throws ``StoreError/Code/versionConflict``). Only an escalation
/// to the owner is ever replaced, so two owners resolving the same escalation at once cannot both
/// succeed. `SupportEngineTesting`'s `PolicyLedgerStoreConformance` checks an adapter against this
/// contract.
public protocol PolicyLedgerStore: Sendable {
    /// Reads a member's moderation ledger.
    ///
    /// - Parameter member: The member.
    /// - Returns: The ledger, or `nil` when nothing was ever recorded.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func moderationLedger(of member: MemberID) async throws -> MemberLedger?

    /// Saves a member's moderation ledger over the version it was read at.
    ///
    /// - Parameters:
    ///   - ledger: The new ledger.
    ///   - expectedVersion: The version read (`0` when there was none).
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when the stored version differs;
    ///   nothing is saved then.
    func saveModerationLedger(_ ledger: MemberLedger, expectedVersion: Int) async throws

    /// Reads a member's refund decisions, oldest first.
    ///
    /// - Parameter member: The member.
    /// - Returns: The decisions.
    /// - Throws: ``StoreError`` when the store cannot be read.
    func refundDecisions(of member: MemberID) async throws -> [RefundDecision]

    /// Records a refund decision, or replaces the decision of the same request when `replacing` is
    /// `true` (an owner resolving an escalation).
    ///
    /// The check and the write are one atomic step: the stored decision is replaced only while it is
    /// still an escalation (`RefundDecision/Verdict/escalateToOwner`), so of two owners resolving the
    /// same escalation at once only the first succeeds.
    ///
    /// - Parameters:
    ///   - decision: The decision.
    ///   - replacing: Whether a decision for the same request id is expected and replaced.
    /// - Throws: ``StoreError`` with ``StoreError/Code/versionConflict`` when a decision for the request
    ///   exists and `replacing` is `false`, or when the stored decision is no longer an escalation;
    ///   ``StoreError/Code/notFound`` when none exists and `replacing` is `true`. Nothing changes then.
    func recordRefundDecision(_ decision: RefundDecision, replacing: Bool) async throws
}
