/// Why a refund decision came out the way it did, in a form to switch on.
public enum RefundReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Approved: the request is inside the plan's guarantee window.
    case insideGuaranteeWindow
    /// Approved: the statutory withdrawal right applies and was not waived; a full refund.
    case statutoryWithdrawal
    /// Approved by the owner after an escalation.
    case approvedByOwner
    /// Denied: outside the guarantee window under a strict plan.
    case outsideGuaranteeWindow
    /// Denied: outside the window and beyond the goodwill bound.
    case beyondGoodwillBound
    /// Denied: the charge is disputed; the dispute already returns the money.
    case chargeDisputed
    /// Denied: this request id was already refunded.
    case duplicateRequest
    /// Denied: the charge was already refunded in full (Stripe's `charge_already_refunded`).
    case chargeAlreadyRefunded
    /// Denied: under proration nothing is left to return (the period is used up, or was refunded).
    case nothingLeftToRefund
    /// Denied: the owner declined an escalation.
    case declinedByOwner
    /// Escalated: outside the window, within the goodwill bound; the owner decides.
    case goodwillAfterWindow
    /// Escalated: the member had more refunds than the repeat-requester limit allows.
    case repeatRequester
}
