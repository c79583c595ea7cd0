/// What a refund call at the desk did: the decision now on record and the ticket it went to.
///
/// Returned by ``RefundDesk/request(_:for:facts:charge:amount:message:on:via:by:)``,
/// ``RefundDesk/approve(_:of:facts:amount:note:by:)`` and
/// ``RefundDesk/decline(_:of:note:by:)``. Carry out `RefundDecision/actionableOutcomes`
/// with the payment provider, then record an `IssuedRefund` in the facts you pass next time.
public struct DeskRefundResult: Sendable, Hashable {
    /// The decision on record for the request.
    public var decision: RefundDecision
    /// The ticket with the decision's internal note and the member's message.
    public var ticket: Ticket
    /// Whether the request id had been decided (or the escalation resolved) before: nothing new was
    /// decided or recorded, and nothing was sent again — only a message the earlier call failed to post
    /// was finished, once.
    public var isRepeat: Bool

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - decision: The decision on record.
    ///   - ticket: The ticket it went to.
    ///   - isRepeat: Whether the request id had been decided before.
    public init(decision: RefundDecision, ticket: Ticket, isRepeat: Bool) {
        self.decision = decision
        self.ticket = ticket
        self.isRepeat = isRepeat
    }
}
