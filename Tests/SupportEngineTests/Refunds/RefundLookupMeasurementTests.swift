import Foundation
import SupportEngine
import Testing

/// Refund decisions were scanned linearly per request (issue 15, defect 10). The in-memory store now
/// indexes them by request id; this measures it and prints the figures, without asserting a time.
@Suite("Refund decisions are looked up by request id")
struct RefundLookupMeasurementTests {
    @Test(arguments: [100, 10_000])
    func lookingUpOneDecisionDoesNotScanTheOthers(count: Int) async throws {
        let store = InMemoryPolicyLedgerStore()
        let clock = ContinuousClock()
        let recording = try await clock.measure {
            for index in 0..<count {
                try await store.recordRefundDecision(
                    decision(index),
                    replacing: false,
                    expectedVersion: index,
                    owing: nil
                )
            }
        }
        let lookups = 1_000
        var found = 0
        let lookingUp = await clock.measure {
            for index in 0..<lookups {
                if await store.refundDecision(RefundRequestID("rq-\(index * 7 % count)"), of: "m-1") != nil {
                    found += 1
                }
            }
        }
        #expect(found == lookups)
        print(
            "refund decisions: \(count) recorded in \(recording) (\(recording / count) each); "
                + "\(lookups) lookups by id in \(lookingUp) (\(lookingUp / lookups) each)"
        )
    }

    private func decision(_ index: Int) -> RefundDecision {
        RefundDecision(
            requestID: RefundRequestID("rq-\(index)"),
            member: "m-1",
            plan: "monthly",
            chargeID: ChargeID("ch-\(index)"),
            verdict: .deny,
            reason: .outsideGuaranteeWindow,
            rule: "plans.monthly.afterWindow",
            amount: Money(minorUnits: 0, currency: .eur),
            entitlement: Money(minorUnits: 0, currency: .eur),
            outcomes: [],
            templateKey: RefundDecision.TemplateKey.deniedOutsideWindow,
            decidedBy: .system,
            at: Date(timeIntervalSince1970: 1_767_603_600)
        )
    }
}
