import Foundation

/// Refund requests decided by the club's guarantee policy, and the owner's resolutions.
///
/// Reach it through ``SupportDesk/refunds``; it is a small value that forwards to the desk, so it can be
/// kept and passed around freely.
public struct RefundDesk: Sendable {
    /// The desk this façade works on.
    let desk: SupportDesk

    /// Takes a refund request, decides it by the club's policy, and tells the member.
    ///
    /// The request is decided at the desk's clock with the facts the host passes. The decision is
    /// recorded in the ``PolicyLedgerStore`` and on the ticket as an internal note (verdict, reason,
    /// rule, amount) that only the support side sees; the member gets the decision's message in their
    /// language as an automatic message, committed with the ticket and sent through the outbox. The
    /// request goes on the member's ticket `ticket`, or on a new ticket with the `ContactReason/refund`
    /// reason; a closed ticket gets a follow-up.
    ///
    /// A request id is decided once. Asking again with the same id (a double click, a retried call)
    /// decides nothing, records nothing and sends nothing new: it returns the recorded decision with
    /// ``DeskRefundResult/isRepeat`` set, after finishing the ticket post if the first call's failed.
    ///
    /// Two requests for the same charge never refund more than it, also when two desks on one
    /// ``PolicyLedgerStore`` decide them at once: the decision is recorded only over the version of the
    /// member's decisions it was made on, and the desk that loses decides again. The decision is recorded
    /// with the post it owes (see ``PendingPolicyPost``); if the ticket commit fails after that, the call
    /// throws the store's error, and a retry or the desk's repair finishes the post, once.
    ///
    /// - Parameters:
    ///   - id: The request's id, unique per member; the same id never refunds twice.
    ///   - member: The member the refund is for.
    ///   - facts: The member's payments as the host knows them now.
    ///   - charge: The charge to refund, or `nil` for the member's latest charge.
    ///   - amount: The amount asked for, or `nil` for whatever the member is entitled to.
    ///   - message: The member's own words. They are added as the member's message, except when an agent
    ///     or the owner records the request on an existing ticket: then they are kept in the internal note.
    ///   - ticket: The member's ticket to attach the request to, or `nil` for a new ticket.
    ///   - channel: The channel the request came through.
    ///   - actor: The member themselves, an agent or the owner on their behalf, or the system.
    /// - Returns: The decision and the ticket.
    /// - Throws: ``DeskError`` with ``DeskError/Code/invalidInput`` when no refund policy is configured or
    ///   the message is empty or oversized, ``DeskError/Code/notFound`` for an unknown ticket or one that
    ///   is not the member's, ``DeskError/Code/notPermitted`` for a member asking for someone else;
    ///   `RefundError` when the facts cannot be decided on (an unknown plan or charge, facts of another
    ///   member, an amount in another currency).
    @discardableResult
    public func request(
        _ id: RefundRequestID,
        for member: MemberID,
        facts: RefundFacts,
        charge: ChargeID? = nil,
        amount: Money? = nil,
        message: String,
        on ticket: TicketID? = nil,
        via channel: ChannelKind = .webForm,
        by actor: SupportActor
    ) async throws -> DeskRefundResult {
        try await desk.requestRefund(
            id,
            for: member,
            facts: facts,
            charge: charge,
            amount: amount,
            message: message,
            on: ticket,
            via: channel,
            by: actor
        )
    }

    /// The owner approves an escalated refund request; the member gets the approval message.
    ///
    /// The rules are checked again against `facts` as they are now: a charge disputed or refunded
    /// meanwhile turns the approval into a denial (see `RefundDecision.approved(by:facts:at:amount:)`).
    /// The resolution replaces the escalation in the ``PolicyLedgerStore``, and goes on the request's
    /// ticket as an internal note and the member's message, recorded over the version of the member's
    /// decisions it was made on (another desk's decision meanwhile makes it decide again).
    ///
    /// If the ticket commit fails after the resolution is recorded, the call throws the store's error;
    /// retrying the same call finishes the message, once, and returns the resolution with
    /// ``DeskRefundResult/isRepeat`` set. Once the message stands, the same call again is refused with
    /// `RefundError/Code/notEscalated`. The desk's repair finishes it too, without a retry.
    ///
    /// - Parameters:
    ///   - request: The escalated request's id.
    ///   - member: The member.
    ///   - facts: The member's payments as the host knows them now.
    ///   - amount: An amount the owner chooses instead of the proposal, or `nil` for the proposal.
    ///   - note: Why, for the support side; added to the internal note.
    ///   - actor: The owner. A member cannot approve (not even their own goodwill refund) and an agent
    ///     cannot take this owner-only step.
    /// - Returns: The resolution and the ticket.
    /// - Throws: ``DeskError`` with ``DeskError/Code/notPermitted`` for any role but the owner,
    ///   ``DeskError/Code/invalidInput`` when no refund policy is configured, ``DeskError/Code/notFound``
    ///   for a request never decided, ``DeskError/Code/conflict`` when another resolution got there
    ///   first; `RefundError` with `RefundError/Code/notEscalated` when the request was not escalated,
    ///   or for facts or an amount that do not fit.
    @discardableResult
    public func approve(
        _ request: RefundRequestID,
        of member: MemberID,
        facts: RefundFacts,
        amount: Money? = nil,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskRefundResult {
        try await desk.approveRefund(request, of: member, facts: facts, amount: amount, note: note, by: actor)
    }

    /// The owner declines an escalated refund request; the member gets the refusal message.
    ///
    /// - Parameters:
    ///   - request: The escalated request's id.
    ///   - member: The member.
    ///   - note: Why, for the support side; added to the internal note.
    ///   - actor: The owner.
    /// - Returns: The resolution and the ticket.
    /// - Throws: As ``approve(_:of:facts:amount:note:by:)``; a retry after a failed post succeeds as there.
    @discardableResult
    public func decline(
        _ request: RefundRequestID,
        of member: MemberID,
        note: String = "",
        by actor: SupportActor
    ) async throws -> DeskRefundResult {
        try await desk.declineRefund(request, of: member, note: note, by: actor)
    }

    /// A member's refund decisions on record, oldest first, for the support side.
    ///
    /// - Parameter member: The member.
    /// - Returns: The decisions; an escalation stays one until the owner resolves it.
    /// - Throws: ``StoreError`` when the store fails.
    public func decisions(
        of member: MemberID
    ) async throws -> [RefundDecision] {
        try await desk.refundDecisions(of: member)
    }
}

extension SupportDesk {
    /// Refund requests decided by the club's guarantee policy, and the owner's resolutions.
    public nonisolated var refunds: RefundDesk { RefundDesk(desk: self) }
}
