/// What a moderation call at the desk did: the decision applied, the member's ledger after it, and the
/// ticket that got the internal note and the member's message.
///
/// Returned by ``ModerationDesk/report(on:message:violation:by:)``,
/// ``ModerationDesk/approveRemoval(of:note:by:)``, ``ModerationDesk/declineRemoval(of:note:by:)`` and
/// ``ModerationDesk/reverse(of:entry:note:by:)``.
public struct DeskModerationResult: Sendable, Hashable {
    /// The decision, as applied to the ledger.
    public var decision: ModerationDecision
    /// The member's ledger after the decision, as saved.
    public var ledger: MemberLedger
    /// The ticket that got the note and the message, or `nil` when the decision names none.
    public var ticket: Ticket?
    /// Whether the call was the retry of one whose change was saved but whose post failed: nothing new was
    /// decided or saved; the post the change owed was finished, once.
    public var isRepeat: Bool

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - decision: The decision applied.
    ///   - ledger: The ledger after it.
    ///   - ticket: The ticket it went to, if any.
    ///   - isRepeat: Whether the call repeated an earlier one whose post it finished.
    public init(decision: ModerationDecision, ledger: MemberLedger, ticket: Ticket?, isRepeat: Bool = false) {
        self.decision = decision
        self.ledger = ledger
        self.ticket = ticket
        self.isRepeat = isRepeat
    }
}
