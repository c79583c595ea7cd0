import Foundation
import SupportEngine
import SupportEngineTesting
import Testing

/// Before the fix one desk decided a member's refunds one at a time, but two desks on one ledger store
/// could each approve a different request id for the same charge: both read no decision, both recorded.
@Suite("A charge is refunded once across desks")
struct RefundAcrossDesksTests {
    @Test func twoDesksDecidingAtOnceRefundTheChargeOnce() async throws {
        let racing = RacingLedgerStore()
        let harness = PolicyDeskHarness(ledgers: racing)
        let facts = harness.facts("anna", paidDaysAgo: 3)
        let other = harness.secondDesk()
        // The first desk has read the decisions (none) and decided; before it records, the second desk
        // decides a request with another id for the same charge, from start to end.
        await racing.beforeNextRecord {
            _ = try await other.refunds.request(
                "rq-b",
                for: "anna",
                facts: facts,
                message: "Refund",
                by: .member("anna")
            )
        }
        let first = try await harness.desk.refunds.request(
            "rq-a",
            for: "anna",
            facts: facts,
            message: "Refund please",
            by: .member("anna")
        )
        let decisions = try await harness.desk.refunds.decisions(of: "anna")
        #expect(Set(decisions.map(\.requestID)) == ["rq-a", "rq-b"])
        let approved = decisions.filter { $0.verdict == .approve }
        #expect(approved.map(\.requestID) == ["rq-b"])
        #expect(approved.map(\.amount.minorUnits).reduce(0, +) <= 1900)
        #expect(first.decision.verdict == .deny, "decided again after the other desk's approval")
        #expect(first.decision.reason == .chargeAlreadyRefunded)
    }

    @Test func twoOwnersApprovingTwoEscalationsForOneChargeOnTwoDesksRefundItOnce() async throws {
        let racing = RacingLedgerStore()
        let harness = PolicyDeskHarness(ledgers: racing)
        let late = harness.facts("anna", paidDaysAgo: 20)
        for id: RefundRequestID in ["rq-a", "rq-b"] {
            let asked = try await harness.desk.refunds.request(
                id,
                for: "anna",
                facts: late,
                message: "Refund",
                by: .member("anna")
            )
            #expect(asked.decision.verdict == .escalateToOwner)
        }
        let other = harness.secondDesk()
        // The owner approves rq-a on one desk; between that desk's read and its record, rq-b is approved
        // on the other desk.
        await racing.beforeNextRecord {
            _ = try await other.refunds.approve("rq-b", of: "anna", facts: late, by: .owner("olga"))
        }
        let resolved = try await harness.desk.refunds.approve("rq-a", of: "anna", facts: late, by: .owner("olga"))
        #expect(resolved.decision.verdict == .deny, "decided again after the other approval")
        let decisions = try await harness.desk.refunds.decisions(of: "anna")
        #expect(decisions.filter { $0.verdict == .approve }.map(\.requestID) == ["rq-b"])
        #expect(decisions.filter { $0.verdict == .approve }.map(\.amount.minorUnits).reduce(0, +) <= 1900)
    }
}
