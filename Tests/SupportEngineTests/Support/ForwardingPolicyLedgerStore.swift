import Foundation
import SupportEngine

/// A test policy store that passes the moderation and refund calls on to ``base``: a double overrides
/// only the calls it changes. The erasure calls are not forwarded: a double that does not write them
/// gets the protocol's defaults, as an adapter written before erasure existed does.
protocol ForwardingPolicyLedgerStore: PolicyLedgerStore {
    /// The store the calls go to.
    var base: InMemoryPolicyLedgerStore { get }
}

extension ForwardingPolicyLedgerStore {
    func moderationLedger(of member: MemberID) async throws -> MemberLedger? { await base.moderationLedger(of: member) }

    func saveModerationLedger(_ ledger: MemberLedger, expectedVersion: Int, owing post: PendingPolicyPost?) async throws
    {
        try await base.saveModerationLedger(ledger, expectedVersion: expectedVersion, owing: post)
    }

    func refundDecisions(of member: MemberID) async throws -> StoredRefundDecisions {
        await base.refundDecisions(of: member)
    }

    func refundDecision(_ request: RefundRequestID, of member: MemberID) async throws -> RefundDecision? {
        await base.refundDecision(request, of: member)
    }

    func recordRefundDecision(
        _ decision: RefundDecision,
        replacing: Bool,
        expectedVersion: Int,
        owing post: PendingPolicyPost?
    ) async throws {
        try await base.recordRefundDecision(
            decision,
            replacing: replacing,
            expectedVersion: expectedVersion,
            owing: post
        )
    }

    func pendingPolicyPosts(of member: MemberID?, limit: Int) async throws -> [PendingPolicyPost] {
        await base.pendingPolicyPosts(of: member, limit: limit)
    }

    func removePendingPolicyPost(_ id: String) async throws { await base.removePendingPolicyPost(id) }
}
