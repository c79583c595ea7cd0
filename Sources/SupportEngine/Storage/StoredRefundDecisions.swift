/// A member's refund decisions as the ``PolicyLedgerStore`` holds them, with the version a writer must
/// expect.
public struct StoredRefundDecisions: Sendable, Hashable {
    /// The decisions, oldest first.
    public var decisions: [RefundDecision]
    /// How many changes were made to the member's refund decisions: each recorded decision and each
    /// replaced escalation raises it by one; `0` when there are none.
    public var version: Int

    /// Creates stored decisions.
    ///
    /// - Parameters:
    ///   - decisions: The decisions, oldest first.
    ///   - version: The number of changes made to them.
    public init(decisions: [RefundDecision], version: Int) {
        self.decisions = decisions
        self.version = version
    }
}
