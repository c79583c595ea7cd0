import Foundation
import RefundRules
import Testing

@Suite("Guarantee windows")
struct WindowTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let plan: String
        let charge: ChargeID?
        let requestDay: Double
        let verdict: RefundDecision.Verdict
        let reason: RefundReason
        let rule: String
        let template: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "monthly: inside the window of the first payment",
            plan: "monthly",
            charge: "ch-1",
            requestDay: 13.9,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            rule: "plans.monthly.guaranteeDays",
            template: "refund.approved"
        ),
        Case(
            name: "monthly: renewal opens its own window (day 30 charge, asked day 40)",
            plan: "monthly",
            charge: "ch-2",
            requestDay: 40,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            rule: "plans.monthly.guaranteeDays",
            template: "refund.approved"
        ),
        Case(
            name: "monthly: latest charge by default (day 60 charge, asked day 61)",
            plan: "monthly",
            charge: nil,
            requestDay: 61,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            rule: "plans.monthly.guaranteeDays",
            template: "refund.approved"
        ),
        Case(
            name: "monthly: window end is exclusive, goodwill escalates",
            plan: "monthly",
            charge: "ch-1",
            requestDay: 14,
            verdict: .escalateToOwner,
            reason: .goodwillAfterWindow,
            rule: "plans.monthly.afterWindow.maxDaysAfterWindow",
            template: "refund.escalated"
        ),
        Case(
            name: "monthly: goodwill up to 30 days after the window",
            plan: "monthly",
            charge: "ch-2",
            requestDay: 30 + 14 + 29.9,
            verdict: .escalateToOwner,
            reason: .goodwillAfterWindow,
            rule: "plans.monthly.afterWindow.maxDaysAfterWindow",
            template: "refund.escalated"
        ),
        Case(
            name: "monthly: goodwill beyond its bound is denied",
            plan: "monthly",
            charge: "ch-1",
            requestDay: 44,
            verdict: .deny,
            reason: .beyondGoodwillBound,
            rule: "plans.monthly.afterWindow.maxDaysAfterWindow",
            template: "refund.denied.outside_window"
        ),
        Case(
            name: "annual: inside 30 days of the first payment",
            plan: "annual",
            charge: nil,
            requestDay: 29,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            rule: "plans.annual.guaranteeDays",
            template: "refund.approved"
        ),
        Case(
            name: "annual: strict denies after the window with the rule as reason",
            plan: "annual",
            charge: nil,
            requestDay: 31,
            verdict: .deny,
            reason: .outsideGuaranteeWindow,
            rule: "plans.annual.afterWindow",
            template: "refund.denied.outside_window"
        ),
    ]

    @Test(arguments: cases)
    func window(_ test: Case) throws {
        let facts = test.plan == "monthly" ? monthlyFacts() : annualFacts()
        let decision = try policy.decide(request(charge: test.charge, day: test.requestDay), facts: facts)
        #expect(decision.verdict == test.verdict)
        #expect(decision.reason == test.reason)
        #expect(decision.rule == test.rule)
        #expect(decision.templateKey == test.template)
        #expect(decision.decidedBy == .system)
        if test.verdict == .deny {
            #expect(decision.amount == .zero(.eur))
            #expect(decision.outcomes.isEmpty)
        } else {
            #expect(decision.amount.minorUnits > 0)
            #expect(decision.outcomes.contains(.refund))
        }
        #expect(decision.actionableOutcomes.isEmpty == (test.verdict != .approve))
    }

    @Test("first-payment windows give renewals no new window")
    func firstPaymentWindowIgnoresRenewals() throws {
        var terms = try policy.terms(for: "monthly")
        terms.windowStart = .firstPayment
        terms.afterWindow = .strict
        let strict = RefundPolicy(plans: ["monthly": terms])
        let renewal = try strict.decide(request(charge: "ch-2", day: 31), facts: monthlyFacts())
        #expect(renewal.verdict == .deny)
        #expect(renewal.reason == .outsideGuaranteeWindow)
        let first = try strict.decide(request(charge: "ch-1", day: 2), facts: monthlyFacts())
        #expect(first.verdict == .approve)
    }

    @Test("a goodwill escalation proposes the refund the owner may approve")
    func goodwillProposal() throws {
        let decision = try policy.decide(request(charge: "ch-1", day: 20), facts: monthlyFacts())
        #expect(decision.verdict == .escalateToOwner)
        #expect(decision.amount == eur(1000))
        #expect(decision.outcomes == [.refund, .cancelSubscription, .revokeAccess])
        #expect(decision.actionableOutcomes.isEmpty)
    }
}
