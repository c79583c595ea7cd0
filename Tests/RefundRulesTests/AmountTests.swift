import Foundation
import RefundRules
import Testing

@Suite("Amounts and caps")
struct AmountTests {
    struct Proration: Sendable, CustomTestStringConvertible {
        let requestDay: Double
        let expected: Int64
        var testDescription: String { "annual asked on day \(requestDay) → \(expected)" }
    }

    // 36500 minor units over 365 days: 100 per unused day, rounded down.
    static let prorations: [Proration] = [
        Proration(requestDay: 0, expected: 36_500),
        Proration(requestDay: 10, expected: 35_500),
        Proration(requestDay: 10.5, expected: 35_450),
        Proration(requestDay: 29.999, expected: 33_500),
    ]

    @Test(arguments: prorations)
    func annualProration(_ test: Proration) throws {
        let decision = try policy.decide(request(day: test.requestDay), facts: annualFacts())
        #expect(decision.verdict == .approve)
        #expect(decision.amount == eur(test.expected))
        #expect(decision.entitlement == eur(test.expected))
    }

    @Test("proration is exact for amounts whose product with seconds overflows 64 bits")
    func prorationDoesNotOverflow() throws {
        let big = Charge(
            id: "big",
            amount: Money(minorUnits: Int64.max / 2, currency: .eur),
            at: t0,
            periodEnd: at(day: 365)
        )
        let facts = RefundFacts(member: member, plan: "yearly", charges: [big])
        let yearly = RefundPolicy(plans: ["yearly": PlanRefundTerms(guaranteeDays: 365, amount: .proratedByUnusedTime)])
        let decision = try yearly.decide(request(day: 73), facts: facts)
        #expect(decision.verdict == .approve)
        // 292 of 365 days unused: exactly 4/5 of the amount, rounded down.
        let expected = (Int64.max / 2).multipliedFullWidth(by: 4)
        #expect(decision.amount.minorUnits == Int64(5).dividingFullWidth(expected).quotient)
    }

    @Test("a proration already refunded leaves nothing")
    func prorationLessRefunded() throws {
        let earlier = IssuedRefund(requestID: "r-0", chargeID: "an-1", amount: eur(36_000), at: at(day: 1))
        let decision = try policy.decide(request(day: 10), facts: annualFacts(refunds: [earlier]))
        #expect(decision.verdict == .deny)
        #expect(decision.reason == .nothingLeftToRefund)
        #expect(decision.rule == "plans.annual.amount")
    }

    struct Partial: Sendable, CustomTestStringConvertible {
        let name: String
        let refunded: [Int64]
        let asked: Int64?
        let verdict: RefundDecision.Verdict
        let reason: RefundReason
        let amount: Int64
        let outcomes: Set<RefundOutcome>
        var testDescription: String { name }
    }

    static let partials: [Partial] = [
        Partial(
            name: "nothing refunded, full entitlement",
            refunded: [],
            asked: nil,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            amount: 1000,
            outcomes: [.refund, .cancelSubscription, .revokeAccess]
        ),
        Partial(
            name: "a smaller partial only returns money",
            refunded: [],
            asked: 300,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            amount: 300,
            outcomes: [.refund]
        ),
        Partial(
            name: "partials add up: 400 + 300 refunded, 300 left",
            refunded: [400, 300],
            asked: nil,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            amount: 300,
            outcomes: [.refund, .cancelSubscription, .revokeAccess]
        ),
        Partial(
            name: "asking past the cap is cut to the remainder",
            refunded: [700],
            asked: 900,
            verdict: .approve,
            reason: .insideGuaranteeWindow,
            amount: 300,
            outcomes: [.refund, .cancelSubscription, .revokeAccess]
        ),
        Partial(
            name: "partials reaching the cap: charge_already_refunded",
            refunded: [600, 400],
            asked: 1,
            verdict: .deny,
            reason: .chargeAlreadyRefunded,
            amount: 0,
            outcomes: []
        ),
    ]

    @Test(arguments: partials)
    func partialRefunds(_ test: Partial) throws {
        let refunds = test.refunded.enumerated().map { index, minor in
            IssuedRefund(
                requestID: RefundRequestID("old-\(index)"),
                chargeID: "ch-3",
                amount: eur(minor),
                at: at(day: 60)
            )
        }
        let charges = monthlyCharges()
        let facts = monthlyFacts(charges: charges, refunds: refunds)
        var relaxed = policy
        relaxed.plans["monthly"]?.repeatRequesters = nil
        let decision = try relaxed.decide(request(charge: "ch-3", amount: test.asked.map(eur), day: 61), facts: facts)
        #expect(decision.verdict == test.verdict)
        #expect(decision.reason == test.reason)
        #expect(decision.amount == eur(test.amount))
        #expect(decision.outcomes == test.outcomes)
    }

    @Test("currency mismatch is an error, for a requested amount and for issued refunds")
    func currencyMismatch() throws {
        let usd = Money(minorUnits: 100, currency: .usd)
        let error = try #require(throws: RefundError.self) {
            try policy.decide(request(amount: usd, day: 61), facts: monthlyFacts())
        }
        #expect(error.code == .currencyMismatch)
        #expect(error.message.contains("EUR"))

        let foreign = IssuedRefund(requestID: "r-0", chargeID: "ch-1", amount: usd, at: at(day: 1))
        let factsError = try #require(throws: RefundError.self) {
            try policy.decide(request(day: 61), facts: monthlyFacts(refunds: [foreign]))
        }
        #expect(factsError.code == .currencyMismatch)
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let facts: RefundFacts
        let request: RefundRequest
        let code: RefundError.Code
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(
            name: "zero amount",
            facts: monthlyFacts(),
            request: request(amount: eur(0), day: 61),
            code: .invalidAmount
        ),
        BadInput(
            name: "unknown charge",
            facts: monthlyFacts(),
            request: request(charge: "nope", day: 61),
            code: .unknownCharge
        ),
        BadInput(name: "no charges", facts: monthlyFacts(charges: []), request: request(day: 1), code: .unknownCharge),
        BadInput(
            name: "request before charge",
            facts: monthlyFacts(),
            request: request(charge: "ch-3", day: 59),
            code: .requestBeforeCharge
        ),
        BadInput(
            name: "unknown plan",
            facts: RefundFacts(member: member, plan: "weekly", charges: monthlyCharges()),
            request: request(day: 61),
            code: .unknownPlan
        ),
        BadInput(
            name: "other member",
            facts: RefundFacts(member: "m-2", plan: "monthly", charges: monthlyCharges()),
            request: request(day: 61),
            code: .memberMismatch
        ),
        BadInput(
            name: "period ends before payment",
            facts: monthlyFacts(charges: [Charge(id: "x", amount: eur(1), at: at(day: 5), periodEnd: at(day: 5))]),
            request: request(day: 6),
            code: .invalidFacts
        ),
        BadInput(
            name: "negative charge",
            facts: monthlyFacts(charges: [Charge(id: "x", amount: eur(-1), at: t0, periodEnd: at(day: 5))]),
            request: request(day: 1),
            code: .invalidAmount
        ),
    ]

    @Test(arguments: badInputs)
    func invalidInput(_ test: BadInput) throws {
        let error = try #require(throws: RefundError.self) { try policy.decide(test.request, facts: test.facts) }
        #expect(error.code == test.code, "\(error)")
        #expect(!error.message.isEmpty)
    }
}
