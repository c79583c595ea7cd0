import Foundation
import SupportCore

extension RefundPolicy {
    /// Decides a refund request against the member's facts.
    ///
    /// The rules apply in this order; the first that decides wins:
    /// 1. the same request id was already refunded: deny (``RefundReason/duplicateRequest``);
    /// 2. the charge is disputed: deny (``RefundReason/chargeDisputed``);
    /// 3. the charge is refunded in full: deny (``RefundReason/chargeAlreadyRefunded``);
    /// 4. the statutory withdrawal right applies and no ``ConsentRecord`` waives it: approve the full
    ///    remainder and end the subscription and access (``RefundReason/statutoryWithdrawal``);
    /// 5. under proration nothing is left: deny (``RefundReason/nothingLeftToRefund``);
    /// 6. outside the guarantee window: deny when strict, escalate within the goodwill bound, deny
    ///    beyond it;
    /// 7. inside the window but past the repeat-requester limit: escalate
    ///    (``RefundReason/repeatRequester``);
    /// 8. otherwise approve (``RefundReason/insideGuaranteeWindow``).
    ///
    /// The amount is the plan's entitlement (full or prorated, less what was refunded on the charge),
    /// or the requested amount when that is smaller; partial refunds never add up past the charge.
    ///
    /// - Parameters:
    ///   - request: The member's request.
    ///   - facts: What the host knows about the member's payments.
    /// - Returns: The decision, made by `SupportActor.system` at the request's instant.
    /// - Throws: ``RefundError`` when the request cannot be decided: ``RefundError/Code/memberMismatch``,
    ///   ``RefundError/Code/unknownPlan``, ``RefundError/Code/unknownCharge``,
    ///   ``RefundError/Code/currencyMismatch``, ``RefundError/Code/invalidAmount``,
    ///   ``RefundError/Code/requestBeforeCharge``, ``RefundError/Code/invalidFacts``, or
    ///   ``RefundError/Code/invalidPolicy`` when the plan's terms, built in code, are out of range.
    public func decide(_ request: RefundRequest, facts: RefundFacts) throws -> RefundDecision {
        guard request.member == facts.member else {
            throw RefundError(
                .memberMismatch,
                "request '\(request.id)' is from member '\(request.member)' but the facts are for '\(facts.member)'"
            )
        }
        try facts.validate()
        let terms = try terms(for: facts.plan)
        try terms.validate(path: "plans.\(facts.plan)")
        let charge = try Self.charge(for: request, in: facts)
        if let requested = request.requestedAmount {
            guard requested.currency == charge.amount.currency else {
                throw RefundError(
                    .currencyMismatch,
                    "request '\(request.id)' asks for \(requested) but charge '\(charge.id)' is in "
                        + "\(charge.amount.currency); ask in the charge's currency"
                )
            }
            guard requested.minorUnits > 0 else {
                throw RefundError(
                    .invalidAmount,
                    "request '\(request.id)': requested amount \(requested) must be above zero"
                )
            }
        }
        guard request.at >= charge.at else {
            throw RefundError(
                .requestBeforeCharge,
                "request '\(request.id)' at \(request.at) is dated before charge '\(charge.id)' at \(charge.at)"
            )
        }

        let plan = "plans.\(facts.plan)"
        let remaining = try facts.remaining(on: charge)
        var draft = Draft(request: request, plan: facts.plan, charge: charge)

        if facts.refunds.contains(where: { $0.requestID == request.id }) {
            return draft.deny(.duplicateRequest, "refunds.requestID", RefundDecision.TemplateKey.deniedAlreadyRefunded)
        }
        if charge.dispute.blocksRefund {
            return draft.deny(
                .chargeDisputed,
                "charges[\(charge.id)].dispute",
                RefundDecision.TemplateKey.deniedDisputed
            )
        }
        if remaining.minorUnits == 0 {
            return draft.deny(.chargeAlreadyRefunded, "refunds.cap", RefundDecision.TemplateKey.deniedAlreadyRefunded)
        }

        let first = facts.firstCharge ?? charge
        if facts.isEUConsumer, let days = terms.euWithdrawalDays,
            request.at < first.at.addingTimeInterval(Proration.days(days)),
            !facts.consents.contains(where: { $0.waivesWithdrawal(asOf: request.at) })
        {
            draft.entitlement = remaining
            draft.amount = remaining
            draft.outcomes = Set(RefundOutcome.allCases)
            return draft.finish(
                .approve,
                .statutoryWithdrawal,
                "\(plan).euWithdrawalDays",
                RefundDecision.TemplateKey.withdrawal
            )
        }

        let entitlement = try Self.entitlement(terms.amount, charge: charge, facts: facts, at: request.at)
        draft.entitlement = entitlement
        guard entitlement.minorUnits > 0 else {
            return draft.deny(.nothingLeftToRefund, "\(plan).amount", RefundDecision.TemplateKey.deniedNothingLeft)
        }
        let asked = request.requestedAmount?.minorUnits ?? entitlement.minorUnits
        draft.amount = Money(minorUnits: min(asked, entitlement.minorUnits), currency: entitlement.currency)
        draft.outcomes =
            draft.amount == entitlement ? terms.outcomesOnApproval.union([.refund]) : [.refund]

        let windowStart = terms.windowStart == .firstPayment ? first.at : charge.at
        let windowEnd = windowStart.addingTimeInterval(Proration.days(terms.guaranteeDays))
        if request.at >= windowEnd {
            switch terms.afterWindow {
            case .strict:
                return draft.deny(
                    .outsideGuaranteeWindow,
                    "\(plan).afterWindow",
                    RefundDecision.TemplateKey.deniedOutsideWindow
                )
            case .goodwill(let days):
                let rule = "\(plan).afterWindow.maxDaysAfterWindow"
                guard request.at < windowEnd.addingTimeInterval(Proration.days(days)) else {
                    return draft.deny(.beyondGoodwillBound, rule, RefundDecision.TemplateKey.deniedOutsideWindow)
                }
                return draft.finish(.escalateToOwner, .goodwillAfterWindow, rule, RefundDecision.TemplateKey.escalated)
            }
        }
        if let limit = terms.repeatRequesters,
            Self.recentRefundCount(facts, before: request.at, months: limit.withinMonths) >= limit.maxRefunds
        {
            return draft.finish(
                .escalateToOwner,
                .repeatRequester,
                "\(plan).repeatRequesters",
                RefundDecision.TemplateKey.escalated
            )
        }
        return draft.finish(
            .approve,
            .insideGuaranteeWindow,
            "\(plan).guaranteeDays",
            RefundDecision.TemplateKey.approved
        )
    }

    /// The charge a request is about: the named one, or the latest.
    private static func charge(for request: RefundRequest, in facts: RefundFacts) throws -> Charge {
        if let id = request.chargeID {
            guard let charge = facts.charge(id) else {
                throw RefundError(
                    .unknownCharge,
                    "request '\(request.id)' names charge '\(id)', which is not among member '\(facts.member)''s charges"
                )
            }
            return charge
        }
        guard let latest = facts.latestCharge else {
            throw RefundError(.unknownCharge, "member '\(facts.member)' has no charges: there is nothing to refund")
        }
        return latest
    }

    /// What the member could get back on a charge under the amount rule, less what was refunded.
    static func entitlement(
        _ rule: PlanRefundTerms.AmountRule,
        charge: Charge,
        facts: RefundFacts,
        at instant: Date
    ) throws -> Money {
        let refunded = try facts.refunded(on: charge).minorUnits
        let base: Int64
        switch rule {
        case .full:
            base = charge.amount.minorUnits
        case .proratedByUnusedTime:
            base = Proration.share(
                of: charge.amount.minorUnits,
                unused: Proration.seconds(from: instant, to: charge.periodEnd),
                period: Proration.seconds(from: charge.at, to: charge.periodEnd)
            )
        }
        return Money(minorUnits: max(0, base - refunded), currency: charge.amount.currency)
    }

    /// The number of distinct requests refunded to the member in the months before an instant.
    static func recentRefundCount(_ facts: RefundFacts, before instant: Date, months: Int) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let since = calendar.date(byAdding: .month, value: -months, to: instant) ?? .distantPast
        let requests = facts.refunds.filter { $0.at > since && $0.at <= instant }.map(\.requestID)
        return Set(requests).count
    }
}

/// A decision being assembled.
private struct Draft {
    let request: RefundRequest
    let plan: PlanID
    let charge: Charge
    var amount: Money
    var entitlement: Money
    var outcomes: Set<RefundOutcome> = []

    init(request: RefundRequest, plan: PlanID, charge: Charge) {
        self.request = request
        self.plan = plan
        self.charge = charge
        self.amount = .zero(charge.amount.currency)
        self.entitlement = .zero(charge.amount.currency)
    }

    mutating func deny(_ reason: RefundReason, _ rule: String, _ template: String) -> RefundDecision {
        amount = .zero(charge.amount.currency)
        outcomes = []
        return finish(.deny, reason, rule, template)
    }

    func finish(
        _ verdict: RefundDecision.Verdict,
        _ reason: RefundReason,
        _ rule: String,
        _ template: String
    ) -> RefundDecision {
        RefundDecision(
            requestID: request.id,
            member: request.member,
            plan: plan,
            chargeID: charge.id,
            verdict: verdict,
            reason: reason,
            rule: rule,
            amount: amount,
            entitlement: entitlement,
            outcomes: outcomes,
            templateKey: template,
            decidedBy: .system,
            at: request.at
        )
    }
}
