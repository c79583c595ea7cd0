import Foundation
import SupportCore

extension RefundDecision {
    /// The owner's approval of an escalated decision, with the caps checked again at approval time.
    ///
    /// Only the owner role may approve: a member can never approve their own goodwill refund, and an
    /// agent or the system cannot take this owner-only step. Between the escalation and the approval
    /// the facts may have changed, so the rules are checked again against `facts`: a request id
    /// refunded meanwhile, a charge disputed meanwhile, or a charge refunded in full meanwhile gives
    /// a denial; a proposed amount larger than what remains on the charge is cut to the remainder.
    ///
    /// - Parameters:
    ///   - actor: Who approves; must have the `SupportActor.Role.owner` role.
    ///   - facts: The member's facts as they are now.
    ///   - instant: When the owner approves.
    ///   - amount: An amount the owner chooses instead of the proposal, or `nil` for the proposal.
    ///     A chosen amount below the entitlement only returns money (no cancel, no revoke).
    /// - Returns: An approval by the owner, or a denial when the facts no longer allow the refund.
    /// - Throws: ``RefundError`` with ``RefundError/Code/notAuthorized`` for any role but the owner,
    ///   ``RefundError/Code/notEscalated`` when this decision is not an escalation,
    ///   ``RefundError/Code/memberMismatch``, ``RefundError/Code/unknownCharge``, or
    ///   ``RefundError/Code/invalidAmount`` / ``RefundError/Code/currencyMismatch`` for a chosen amount
    ///   that is not above zero, not in the charge's currency, or more than remains on the charge.
    public func approved(
        by actor: SupportActor,
        facts: RefundFacts,
        at instant: Date,
        amount: Money? = nil
    ) throws
        -> RefundDecision
    {
        try requireOwnerResolution(by: actor, verb: "approve")
        guard facts.member == member else {
            throw RefundError(
                .memberMismatch,
                "decision for request '\(requestID)' is for member '\(member)' but the facts are for '\(facts.member)'"
            )
        }
        try facts.validate()
        guard let charge = facts.charge(chargeID) else {
            throw RefundError(
                .unknownCharge,
                "charge '\(chargeID)' of request '\(requestID)' is no longer in the facts"
            )
        }
        var result = self
        result.decidedBy = actor
        result.at = instant
        result.rule = "ownerApproval"
        let remaining = try facts.remaining(on: charge)
        if let chosen = amount {
            guard chosen.currency == charge.amount.currency else {
                throw RefundError(
                    .currencyMismatch,
                    "approved amount \(chosen) is not in the currency of charge '\(charge.id)' (\(charge.amount.currency))"
                )
            }
            guard chosen.minorUnits > 0, chosen.minorUnits <= remaining.minorUnits else {
                throw RefundError(
                    .invalidAmount,
                    "approved amount \(chosen) must be above zero and at most the \(remaining) left on charge '\(charge.id)'"
                )
            }
        }

        func deny(_ reason: RefundReason, _ rule: String, _ template: String) -> RefundDecision {
            var denial = result
            denial.verdict = .deny
            denial.reason = reason
            denial.rule = rule
            denial.amount = .zero(charge.amount.currency)
            denial.outcomes = []
            denial.templateKey = template
            return denial
        }
        if facts.refunds.contains(where: { $0.requestID == requestID }) {
            return deny(.duplicateRequest, "refunds.requestID", TemplateKey.deniedAlreadyRefunded)
        }
        if charge.dispute.blocksRefund {
            return deny(.chargeDisputed, "charges[\(charge.id)].dispute", TemplateKey.deniedDisputed)
        }
        if remaining.minorUnits == 0 {
            return deny(.chargeAlreadyRefunded, "refunds.cap", TemplateKey.deniedAlreadyRefunded)
        }

        let granted = min(amount?.minorUnits ?? self.amount.minorUnits, remaining.minorUnits)
        result.amount = Money(minorUnits: granted, currency: charge.amount.currency)
        if let chosen = amount, chosen.minorUnits < entitlement.minorUnits {
            result.outcomes = [.refund]
        }
        result.verdict = .approve
        result.templateKey = reason == .goodwillAfterWindow ? TemplateKey.approvedGoodwill : TemplateKey.approved
        result.reason = .approvedByOwner
        return result
    }

    /// The owner's refusal of an escalated decision.
    ///
    /// - Parameters:
    ///   - actor: Who declines; must have the `SupportActor.Role.owner` role.
    ///   - instant: When the owner declines.
    /// - Returns: A denial with ``RefundReason/declinedByOwner``.
    /// - Throws: ``RefundError`` with ``RefundError/Code/notAuthorized`` for any role but the owner, or
    ///   ``RefundError/Code/notEscalated`` when this decision is not an escalation.
    public func declined(by actor: SupportActor, at instant: Date) throws -> RefundDecision {
        try requireOwnerResolution(by: actor, verb: "decline")
        var result = self
        result.verdict = .deny
        result.reason = .declinedByOwner
        result.rule = "ownerApproval"
        result.amount = .zero(amount.currency)
        result.outcomes = []
        result.templateKey = TemplateKey.deniedByOwner
        result.decidedBy = actor
        result.at = instant
        return result
    }

    private func requireOwnerResolution(by actor: SupportActor, verb: String) throws {
        guard verdict == .escalateToOwner else {
            throw RefundError(
                .notEscalated,
                "request '\(requestID)' was decided '\(verdict.rawValue)' (\(reason.rawValue)); only an escalation "
                    + "can be resolved by the owner"
            )
        }
        guard actor.role == .owner else {
            throw RefundError(
                .notAuthorized,
                "only the owner may \(verb) an escalated refund; \(actor) has the \(actor.role.rawValue) role"
            )
        }
    }
}
