import Foundation

/// Conduct reports on the moderation ladder, the owner's approvals and reversals, and members' ledgers.
///
/// Reach it through ``SupportDesk/moderation``; it is a small value that forwards to the desk, so it can be
/// kept and passed around freely.
public struct ModerationDesk: Sendable {
    /// The desk this façade works on.
    let desk: SupportDesk

    /// An agent reports a member's message for breaking the club's rules; the conduct ladder decides
    /// the next step against the member's ledger.
    ///
    /// The ledger is read from the ``PolicyLedgerStore`` (whether the member pays comes from the
    /// ``MemberDirectory``), the decision is applied to it and saved over the version read. The ticket
    /// gets an internal note with the action, rule and violation, and the member gets the step's message
    /// (calm, naming the rule, linking the published rules) as an automatic message in their language.
    /// Removal of a paying member by anyone but the owner becomes a pending removal: the member is not
    /// told, and the owner decides with ``approveRemoval(of:note:by:)`` or ``declineRemoval(of:note:by:)``.
    ///
    /// One message carries at most one penalty. When two moderators report at once, both decide against
    /// the same ledger version and the store refuses the second save. The desk then reads the ledger
    /// again and decides again only if the report is a different violation (another message): reporting
    /// the same message again is refused with ``DeskError/Code/conflict``, whether the other moderator
    /// acted a moment or a week before, so a message is never penalized twice. A reversed penalty no
    /// longer blocks a new report of its message.
    ///
    /// The ledger is saved with the post the decision owes (see ``PendingPolicyPost``). If the ticket
    /// commit fails after that, the call throws the store's error; the same report by the same person
    /// again finishes the post, once, and succeeds with ``DeskModerationResult/isRepeat`` set, and the
    /// desk's repair finishes it without a retry. Once the post stands, the same person reporting the same
    /// message for the same kind of violation again (a client retrying after a lost answer, perhaps on
    /// another server) gets the recorded decision back with ``DeskModerationResult/isRepeat`` set and
    /// nothing posted; anyone else, or another kind, is refused as above.
    ///
    /// - Parameters:
    ///   - ticket: The ticket the message is on.
    ///   - message: The member's message.
    ///   - violation: What kind of conduct and how serious, with a note for staff; its ticket and message
    ///     are set from `ticket` and `message`.
    ///   - actor: The agent or owner reporting, or the system for an automatic filter.
    /// - Returns: The decision, the ledger after it and the ticket.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for a member,
    ///   ``DeskError/Code/notFound`` for an unknown ticket, ``DeskError/Code/invalidInput`` when the
    ///   message is not the requester's own message on the ticket, ``DeskError/Code/conflict`` when the
    ///   message already carries a penalty by someone else or for another kind; `ModerationError` when the ladder cannot decide.
    @discardableResult
    public func report(
        on ticket: TicketID,
        message: MessageID,
        violation: Violation,
        by actor: SupportActor
    ) async throws -> DeskModerationResult {
        try await desk.reportConduct(on: ticket, message: message, violation: violation, by: actor)
    }

    /// The owner approves the pending removal of a paying member: the member is removed and told.
    ///
    /// If the ticket commit fails after the ledger is saved, the call throws the store's error; the same
    /// call by the same owner again finishes the message, once, and succeeds with
    /// ``DeskModerationResult/isRepeat`` set instead of `ModerationError/Code/noPendingRemoval`. The same
    /// holds for ``declineRemoval(of:note:by:)`` and ``reverse(of:entry:note:by:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - note: A note for the ledger and the internal note.
    ///   - actor: The owner; agents and members may not.
    /// - Returns: The decision, the ledger after it and the ticket of the reported message.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for any role but the owner;
    ///   `ModerationError` with `ModerationError/Code/noPendingRemoval` when nothing waits.
    @discardableResult
    public func approveRemoval(
        of member: MemberID,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskModerationResult {
        try await desk.approveRemoval(of: member, note: note, by: actor)
    }

    /// The owner declines the pending removal of a paying member: it no longer counts, the member stays
    /// and is not told.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - note: A note for the ledger and the internal note.
    ///   - actor: The owner.
    /// - Returns: The decision, the ledger after it and the ticket of the reported message.
    /// - Throws: As ``approveRemoval(of:note:by:)``.
    @discardableResult
    public func declineRemoval(
        of member: MemberID,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskModerationResult {
        try await desk.declineRemoval(of: member, note: note, by: actor)
    }

    /// A person reverses an earlier penalty: it no longer counts towards the ladder, and the member is
    /// told.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - entry: The number of the penalty's ledger entry.
    ///   - note: Why, for the ledger and the internal note.
    ///   - actor: An agent or the owner; reversing the removal of a paying member needs the owner.
    /// - Returns: The decision, the ledger after it and the ticket of the reported message.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for a member, the system, or an agent
    ///   reversing a paying member's removal; `ModerationError` for an unknown entry, one that is not a
    ///   penalty, or one already reversed.
    @discardableResult
    public func reverse(
        of member: MemberID,
        entry: Int,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskModerationResult {
        try await desk.reverseModeration(of: member, entry: entry, note: note, by: actor)
    }

    /// Whether the member may get re-engagement and win-back messages now.
    ///
    /// A removed or suspended member gets none, and neither does one whose removal waits for the owner.
    ///
    /// - Parameter member: The member.
    /// - Returns: `true` when the member is in good standing (or has no ledger).
    /// - Throws: ``StoreError`` when the store fails.
    public func mayReceiveReengagement(
        _ member: MemberID
    ) async throws -> Bool {
        try await desk.mayReceiveReengagement(member)
    }

    /// A member's moderation ledger, for the support side.
    ///
    /// - Parameter member: The member.
    /// - Returns: The ledger, or `nil` when moderation never acted.
    /// - Throws: ``StoreError`` when the store fails.
    public func ledger(
        of member: MemberID
    ) async throws -> MemberLedger? {
        try await desk.moderationLedger(of: member)
    }
}

extension SupportDesk {
    /// Conduct reports on the moderation ladder, the owner's approvals and reversals, and members' ledgers.
    public nonisolated var moderation: ModerationDesk { ModerationDesk(desk: self) }
}
