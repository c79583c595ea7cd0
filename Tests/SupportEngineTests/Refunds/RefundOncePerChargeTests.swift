import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Before the fix duplicates were caught only by request id: two requests with different ids for the
/// same charge, in a row or at once, were both approved before the host recorded the first refund.
@Suite("A charge is refunded once")
struct RefundOncePerChargeTests {
    @Test func aSecondRequestForTheSameChargeIsRefusedBeforeTheHostRecordsTheFirst() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 3)
        let first = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund",
            by: .member("anna")
        )
        #expect(first.decision.verdict == .approve)
        // The host has not recorded the refund yet: the same facts come again with a new request id.
        let second = try await harness.desk.refunds.request(
            "rq-2",
            for: "anna",
            facts: facts,
            message: "Refund please",
            by: .member("anna")
        )
        #expect(second.decision.verdict == .deny)
        #expect(second.decision.reason == .chargeAlreadyRefunded || second.decision.reason == .nothingLeftToRefund)
        let approved = try await harness.desk.refunds.decisions(of: "anna").filter { $0.verdict == .approve }
        #expect(approved.map(\.amount.minorUnits).reduce(0, +) <= 1900)
    }

    @Test func twoRequestsAtOnceRefundTheChargeOnce() async throws {
        let harness = PolicyDeskHarness()
        let facts = harness.facts("anna", paidDaysAgo: 3)
        let desk = harness.desk
        async let one = desk.refunds.request("rq-a", for: "anna", facts: facts, message: "Refund", by: .member("anna"))
        async let two = desk.refunds.request("rq-b", for: "anna", facts: facts, message: "Refund", by: .member("anna"))
        let verdicts = try await [one.decision.verdict, two.decision.verdict]
        #expect(verdicts.filter { $0 == .approve }.count == 1)
        let approved = try await desk.refunds.decisions(of: "anna").filter { $0.verdict == .approve }
        #expect(approved.map(\.amount.minorUnits).reduce(0, +) == 1900)
    }

    @Test func theHostsOwnRecordIsNotCountedTwice() async throws {
        let harness = PolicyDeskHarness()
        var facts = harness.facts("anna", paidDaysAgo: 3)
        let first = try await harness.desk.refunds.request(
            "rq-1",
            for: "anna",
            facts: facts,
            message: "Refund",
            by: .member("anna")
        )
        // The host carries the refund out and records it under the same request id.
        facts.refunds.append(
            IssuedRefund(
                requestID: "rq-1",
                chargeID: first.decision.chargeID,
                amount: first.decision.amount,
                at: harness.clock.now
            )
        )
        let again = try await harness.desk.refunds.request(
            "rq-2",
            for: "anna",
            facts: facts,
            message: "Refund",
            by: .member("anna")
        )
        #expect(again.decision.verdict == .deny)
        #expect(again.decision.entitlement.minorUnits == 0)
    }
}
