import Foundation
import RefundRules
import Testing

@Suite("Policy JSON")
struct PolicyCodingTests {
    @Test("the documented example decodes with defaults and round-trips")
    func decodeExample() throws {
        let json = """
            {
              "plans": {
                "monthly": {
                  "guaranteeDays": 14,
                  "windowStart": "eachRenewal",
                  "afterWindow": {"mode": "goodwill", "maxDaysAfterWindow": 30},
                  "amount": "full",
                  "repeatRequesters": {"maxRefunds": 2, "withinMonths": 12},
                  "euWithdrawalDays": 14
                },
                "annual": {
                  "guaranteeDays": 30,
                  "afterWindow": {"mode": "strict"},
                  "amount": "proratedByUnusedTime",
                  "outcomesOnApproval": ["cancelSubscription"]
                },
                "lifetime": {"guaranteeDays": 7}
              }
            }
            """
        let decoded = try JSONDecoder().decode(RefundPolicy.self, from: Data(json.utf8))
        let monthly = try decoded.terms(for: "monthly")
        #expect(monthly == policy.plans["monthly"])
        let annual = try decoded.terms(for: "annual")
        #expect(annual.windowStart == .firstPayment)
        #expect(annual.outcomesOnApproval == [.cancelSubscription])
        let lifetime = try decoded.terms(for: "lifetime")
        #expect(lifetime == PlanRefundTerms(guaranteeDays: 7))

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try encoder.encode(decoded)
        #expect(try JSONDecoder().decode(RefundPolicy.self, from: encoded) == decoded)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.contains(#""afterWindow":{"maxDaysAfterWindow":30,"mode":"goodwill"}"#))
        #expect(text.contains(#""outcomesOnApproval":["cancelSubscription","revokeAccess"]"#))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let json: String
        let path: String
        var testDescription: String { path }
    }

    static let invalid: [Invalid] = [
        Invalid(json: #"{"plans": {"m": {"guaranteeDays": -1}}}"#, path: "plans.m.guaranteeDays"),
        Invalid(
            json:
                #"{"plans": {"m": {"guaranteeDays": 14, "afterWindow": {"mode": "goodwill", "maxDaysAfterWindow": 0}}}}"#,
            path: "plans.m.afterWindow.maxDaysAfterWindow"
        ),
        Invalid(
            json: #"{"plans": {"m": {"guaranteeDays": 14, "repeatRequesters": {"maxRefunds": 2, "withinMonths": 0}}}}"#,
            path: "plans.m.repeatRequesters.withinMonths"
        ),
        Invalid(
            json: #"{"plans": {"m": {"guaranteeDays": 14, "euWithdrawalDays": 0}}}"#,
            path: "plans.m.euWithdrawalDays"
        ),
        Invalid(
            json: #"{"plans": {"m": {"guaranteeDays": 14, "outcomesOnApproval": ["refund"]}}}"#,
            path: "plans.m.outcomesOnApproval"
        ),
        Invalid(json: #"{"plans": {}}"#, path: "plans"),
    ]

    @Test(arguments: invalid)
    func validationNamesThePath(_ test: Invalid) throws {
        let error = try #require(throws: RefundError.self) {
            try JSONDecoder().decode(RefundPolicy.self, from: Data(test.json.utf8))
        }
        #expect(error.code == .invalidPolicy)
        #expect(error.message.hasPrefix(test.path + ":"), "\(error.message)")
    }

    @Test("terms built in code are checked when deciding")
    func invalidTermsInCode() throws {
        let broken = RefundPolicy(plans: ["monthly": PlanRefundTerms(guaranteeDays: -3)])
        let error = try #require(throws: RefundError.self) {
            try broken.decide(request(day: 1), facts: monthlyFacts())
        }
        #expect(error.code == .invalidPolicy)
        #expect(error.message.hasPrefix("plans.monthly.guaranteeDays:"))
    }

    @Test("an unknown after-window mode is a decoding error")
    func unknownMode() {
        let json = #"{"plans": {"m": {"guaranteeDays": 14, "afterWindow": {"mode": "lenient"}}}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RefundPolicy.self, from: Data(json.utf8)) }
    }

    @Test("facts and requests may leave out what has a natural default")
    func minimalFacts() throws {
        let facts = #"""
            {"member": "m-1", "plan": "monthly", "charges": [{"id": "c", "amount": {"minorUnits": 5, "currency": "eur"},
             "at": 0, "periodEnd": 100}]}
            """#
        let decoded = try JSONDecoder().decode(RefundFacts.self, from: Data(facts.utf8))
        #expect(decoded.refunds.isEmpty && decoded.consents.isEmpty && !decoded.isEUConsumer)
        #expect(decoded.charges.first?.dispute == .undisputed)
        #expect(decoded.charges.first?.amount == eur(5))
        let asked = #"{"id": "r", "member": "m-1", "at": 50}"#
        let request = try JSONDecoder().decode(RefundRequest.self, from: Data(asked.utf8))
        #expect(request.chargeID == nil && request.requestedAmount == nil && request.reasonText.isEmpty)
    }

    @Test("facts, requests and decisions round-trip through JSON")
    func valuesRoundTrip() throws {
        let facts = monthlyFacts(
            refunds: [IssuedRefund(requestID: "r-0", chargeID: "ch-1", amount: eur(5), at: at(day: 1))],
            consents: [ConsentRecord(at: t0)],
            isEUConsumer: true
        )
        let asked = request(charge: "ch-2", amount: eur(100), day: 31)
        let decision = try policy.decide(asked, facts: facts)
        #expect(try JSONDecoder().decode(RefundFacts.self, from: JSONEncoder().encode(facts)) == facts)
        #expect(try JSONDecoder().decode(RefundRequest.self, from: JSONEncoder().encode(asked)) == asked)
        #expect(try JSONDecoder().decode(RefundDecision.self, from: JSONEncoder().encode(decision)) == decision)
    }
}
