import Foundation

/// A ticket post that a refund decision or a moderation change still owes the member: the internal
/// note and the member's message, kept in the ``PolicyLedgerStore`` from the moment the change is
/// recorded until the post stands on the ticket.
///
/// The desk writes it in the same step as the change (``PolicyLedgerStore/recordRefundDecision(_:replacing:expectedVersion:owing:)``,
/// ``PolicyLedgerStore/saveModerationLedger(_:expectedVersion:owing:)``) and removes it once the post is
/// committed. When the post fails, the pending post is what lets a retry of the same call, or the desk's
/// repair, finish it later: a change and its message are finished together or repaired, never
/// half-done for good.
///
/// A store keeps it as it is: ``payload`` is the desk's own encoding of the post, not meant to be read.
public struct PendingPolicyPost: Sendable, Hashable, Codable {
    /// The post's id, unique in the store; it names the member and the change.
    public var id: String
    /// The member the change is about.
    public var member: MemberID
    /// When the change was made; the store lists older posts first.
    public var at: Date
    /// What the desk posts, in the desk's own encoding.
    public var payload: Data

    /// Creates a pending post. Pending posts come from the desk; this initializer is for adapters
    /// restoring stored ones and for tests.
    ///
    /// - Parameters:
    ///   - id: The post's id, unique in the store.
    ///   - member: The member the change is about.
    ///   - at: When the change was made.
    ///   - payload: What the desk posts, in its own encoding.
    public init(id: String, member: MemberID, at: Date, payload: Data) {
        self.id = id
        self.member = member
        self.at = at
        self.payload = payload
    }
}
