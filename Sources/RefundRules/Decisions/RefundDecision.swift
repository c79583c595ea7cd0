import Foundation
import SupportCore

/// The answer to a ``RefundRequest``: approve, deny or escalate, with why, how much and what else.
///
/// Carry out ``outcomes`` only when ``verdict`` is ``Verdict/approve``; for an escalation they are the
/// proposal the owner is asked to approve with ``approved(by:facts:at:amount:)``. After
/// carrying out a refund, record it in the facts as an ``IssuedRefund`` with ``requestID``.
public struct RefundDecision: Sendable, Hashable, Codable {
    /// Approve, deny, or send to the owner.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        /// Carry out the outcomes.
        case approve
        /// Do nothing; tell the member why.
        case deny
        /// Ask the owner; nothing happens until the owner approves.
        case escalateToOwner
    }

    /// The request decided on.
    public var requestID: RefundRequestID
    /// The member.
    public var member: MemberID
    /// The plan whose terms applied.
    public var plan: PlanID
    /// The charge the request is about.
    public var chargeID: ChargeID
    /// Approve, deny or escalate.
    public var verdict: Verdict
    /// Why, in a form to switch on.
    public var reason: RefundReason
    /// The rule that decided: a path into the policy such as `plans.monthly.guaranteeDays`, or a
    /// fact such as `charges[ch-1].dispute`.
    public var rule: String
    /// The amount to return (approve), proposed (escalate), or zero (deny).
    public var amount: Money
    /// What the member could get back on the charge under the plan's terms at decision time.
    public var entitlement: Money
    /// What to carry out (approve) or what is proposed (escalate); empty on a denial.
    public var outcomes: Set<RefundOutcome>
    /// The key of the message template for the member, such as `refund.approved`.
    public var templateKey: String
    /// Who decided: `SupportActor.system` for the rules, the owner for a resolution.
    public var decidedBy: SupportActor
    /// When the decision was made.
    public var at: Date

    /// Creates a decision. Decisions come from ``RefundPolicy/decide(_:facts:)`` and the owner's
    /// resolutions; this initializer is for hosts restoring stored decisions and for tests.
    ///
    /// - Parameters:
    ///   - requestID: The request decided on.
    ///   - member: The member.
    ///   - plan: The plan whose terms applied.
    ///   - chargeID: The charge.
    ///   - verdict: Approve, deny or escalate.
    ///   - reason: Why.
    ///   - rule: The rule that decided.
    ///   - amount: The amount.
    ///   - entitlement: What the member could get back.
    ///   - outcomes: What to carry out or what is proposed.
    ///   - templateKey: The member's message template key.
    ///   - decidedBy: Who decided.
    ///   - at: When.
    public init(
        requestID: RefundRequestID,
        member: MemberID,
        plan: PlanID,
        chargeID: ChargeID,
        verdict: Verdict,
        reason: RefundReason,
        rule: String,
        amount: Money,
        entitlement: Money,
        outcomes: Set<RefundOutcome>,
        templateKey: String,
        decidedBy: SupportActor,
        at: Date
    ) {
        self.requestID = requestID
        self.member = member
        self.plan = plan
        self.chargeID = chargeID
        self.verdict = verdict
        self.reason = reason
        self.rule = rule
        self.amount = amount
        self.entitlement = entitlement
        self.outcomes = outcomes
        self.templateKey = templateKey
        self.decidedBy = decidedBy
        self.at = at
    }

    /// The outcomes to carry out now: ``outcomes`` when approved, none otherwise.
    public var actionableOutcomes: Set<RefundOutcome> { verdict == .approve ? outcomes : [] }

    /// Message template keys the rules produce.
    public enum TemplateKey {
        /// The refund is approved.
        public static let approved = "refund.approved"
        /// The owner approved a refund in good will.
        public static let approvedGoodwill = "refund.approved.goodwill"
        /// The statutory withdrawal is honoured.
        public static let withdrawal = "refund.approved.withdrawal"
        /// Denied: outside the guarantee window.
        public static let deniedOutsideWindow = "refund.denied.outside_window"
        /// Denied: the charge is disputed.
        public static let deniedDisputed = "refund.denied.disputed"
        /// Denied: already refunded (same request, or the whole charge).
        public static let deniedAlreadyRefunded = "refund.denied.already_refunded"
        /// Denied: nothing left to refund under proration.
        public static let deniedNothingLeft = "refund.denied.nothing_left"
        /// Denied by the owner.
        public static let deniedByOwner = "refund.denied.by_owner"
        /// Sent to the owner.
        public static let escalated = "refund.escalated"
    }
}
