import Foundation
import RefundRules
import Testing

@Suite("Disputes, duplicates, repeat requesters, EU withdrawal")
struct GuardTests {
    @Test(
        "a charge under dispute is not refunded",
        arguments: [(DisputeState.open, true), (.lost, true), (.won, false), (.undisputed, false)]
    )
    func disputed(_ state: DisputeState, _ blocked: Bool) throws {
        var charges = monthlyCharges()
        charges[2].dispute = state
        let decision = try policy.decide(request(day: 61), facts: monthlyFacts(charges: charges))
        if blocked {
            #expect(decision.verdict == .deny)
            #expect(decision.reason == .chargeDisputed)
            #expect(decision.rule == "charges[ch-3].dispute")
            #expect(decision.templateKey == "refund.denied.disputed")
            #expect(decision.amount == .zero(.eur))
        } else {
            #expect(decision.verdict == .approve)
        }
    }

    @Test("a dispute outranks the statutory withdrawal right")
    func disputeBeatsWithdrawal() throws {
        var charges = monthlyCharges(count: 1)
        charges[0].dispute = .open
        let decision = try policy.decide(request(day: 1), facts: monthlyFacts(charges: charges, isEUConsumer: true))
        #expect(decision.reason == .chargeDisputed)
    }

    @Test("the same request id never refunds twice, even on another charge")
    func duplicateRequest() throws {
        let issued = IssuedRefund(requestID: "r-1", chargeID: "ch-2", amount: eur(200), at: at(day: 31))
        let decision = try policy.decide(
            request("r-1", charge: "ch-3", day: 61),
            facts: monthlyFacts(refunds: [issued])
        )
        #expect(decision.verdict == .deny)
        #expect(decision.reason == .duplicateRequest)
        #expect(decision.rule == "refunds.requestID")
        #expect(decision.amount == .zero(.eur))
        let fresh = try policy.decide(request("r-2", charge: "ch-3", day: 61), facts: monthlyFacts(refunds: [issued]))
        #expect(fresh.verdict == .approve)
    }

    struct Repeat: Sendable, CustomTestStringConvertible {
        let name: String
        let refundDays: [Double]
        let verdict: RefundDecision.Verdict
        var testDescription: String { name }
    }

    // Limit: 2 refunds in 12 months; the request is on day 366 for a charge on day 360.
    static let repeats: [Repeat] = [
        Repeat(name: "one earlier refund: approve", refundDays: [300], verdict: .approve),
        Repeat(name: "two earlier refunds: the third escalates", refundDays: [200, 300], verdict: .escalateToOwner),
        Repeat(name: "old refunds fall out of the 12 months", refundDays: [0, 1, 300], verdict: .approve),
    ]

    @Test(arguments: repeats)
    func repeatRequester(_ test: Repeat) throws {
        let charges = monthlyCharges(count: 13)
        let refunds = test.refundDays.enumerated().map { index, refundDay in
            IssuedRefund(
                requestID: RefundRequestID("old-\(index)"),
                chargeID: "ch-1",
                amount: eur(1),
                at: at(day: refundDay)
            )
        }
        let decision = try policy.decide(
            request("new", day: 366),
            facts: monthlyFacts(charges: charges, refunds: refunds)
        )
        #expect(decision.verdict == test.verdict)
        if test.verdict == .escalateToOwner {
            #expect(decision.reason == .repeatRequester)
            #expect(decision.rule == "plans.monthly.repeatRequesters")
            #expect(decision.templateKey == "refund.escalated")
            #expect(decision.amount == eur(1000))
        }
    }

    struct Withdrawal: Sendable, CustomTestStringConvertible {
        let name: String
        let eu: Bool
        let consent: ConsentRecord?
        let requestDay: Double
        let reason: RefundReason
        let amount: Int64
        var testDescription: String { name }
    }

    // Annual plan: strict 30-day window, prorated; EU right 14 days.
    static let withdrawals: [Withdrawal] = [
        Withdrawal(
            name: "EU, no consent record, day 10: full refund",
            eu: true,
            consent: nil,
            requestDay: 10,
            reason: .statutoryWithdrawal,
            amount: 36_500
        ),
        Withdrawal(
            name: "EU, consent record present: the plan's prorated terms",
            eu: true,
            consent: ConsentRecord(at: t0),
            requestDay: 10,
            reason: .insideGuaranteeWindow,
            amount: 35_500
        ),
        Withdrawal(
            name: "EU, consent without acknowledgement does not waive",
            eu: true,
            consent: ConsentRecord(at: t0, acknowledgedLossOfWithdrawalRight: false),
            requestDay: 10,
            reason: .statutoryWithdrawal,
            amount: 36_500
        ),
        Withdrawal(
            name: "EU, consent dated after the request does not waive",
            eu: true,
            consent: ConsentRecord(at: at(day: 11)),
            requestDay: 10,
            reason: .statutoryWithdrawal,
            amount: 36_500
        ),
        Withdrawal(
            name: "EU, after 14 days: the plan's terms",
            eu: true,
            consent: nil,
            requestDay: 14,
            reason: .insideGuaranteeWindow,
            amount: 35_100
        ),
        Withdrawal(
            name: "not an EU consumer: the plan's terms",
            eu: false,
            consent: nil,
            requestDay: 10,
            reason: .insideGuaranteeWindow,
            amount: 35_500
        ),
    ]

    @Test(arguments: withdrawals)
    func euWithdrawal(_ test: Withdrawal) throws {
        let facts = annualFacts(consents: test.consent.map { [$0] } ?? [], isEUConsumer: test.eu)
        let decision = try policy.decide(request(day: test.requestDay), facts: facts)
        #expect(decision.verdict == .approve)
        #expect(decision.reason == test.reason)
        #expect(decision.amount == eur(test.amount))
        if test.reason == .statutoryWithdrawal {
            #expect(decision.rule == "plans.annual.euWithdrawalDays")
            #expect(decision.templateKey == "refund.approved.withdrawal")
            #expect(decision.outcomes == [.refund, .cancelSubscription, .revokeAccess])
        }
    }

    @Test("the statutory right outranks the repeat-requester limit and a smaller request")
    func withdrawalIsFull() throws {
        var terms = try policy.terms(for: "monthly")
        terms.repeatRequesters = RepeatRequesterLimit(maxRefunds: 0, withinMonths: 12)
        let strictRepeat = RefundPolicy(plans: ["monthly": terms])
        let facts = monthlyFacts(charges: monthlyCharges(count: 1), isEUConsumer: true)
        let decision = try strictRepeat.decide(request(amount: eur(100), day: 3), facts: facts)
        #expect(decision.reason == .statutoryWithdrawal)
        #expect(decision.amount == eur(1000))
        let waived = monthlyFacts(
            charges: monthlyCharges(count: 1),
            consents: [ConsentRecord(at: t0)],
            isEUConsumer: true
        )
        #expect(try strictRepeat.decide(request(day: 3), facts: waived).reason == .repeatRequester)
    }
}
