import Foundation
import RefundRules
import Testing

@Suite("Refund properties")
struct RefundPropertyTests {
    /// What one seeded run did, to show the property is not checked vacuously.
    struct Tally {
        var approvals = 0
        var ownerApprovals = 0
        var staleApprovalsRefused = 0
    }

    /// Random sequences of requests, owner approvals (some stale, some repeated), and disputes,
    /// against random policies. The host carries out every approval; the invariants must hold after
    /// each step.
    @Test("approved refunds never exceed a charge, and no request id is refunded twice")
    func refundsStayWithinCharges() throws {
        var total = Tally()
        for run in 0..<60 {
            let seed = UInt64(0xC0FFEE) &+ UInt64(run) &* 7919
            let tally = try simulate(seed: seed)
            total.approvals += tally.approvals
            total.ownerApprovals += tally.ownerApprovals
            total.staleApprovalsRefused += tally.staleApprovalsRefused
        }
        #expect(total.approvals > 200, "approvals: \(total.approvals)")
        #expect(total.ownerApprovals > 30, "owner approvals: \(total.ownerApprovals)")
        #expect(total.staleApprovalsRefused > 10, "stale approvals refused: \(total.staleApprovalsRefused)")
    }

    private func simulate(seed: UInt64) throws -> Tally {
        var random = SplitMix64(seed: seed)
        let terms = PlanRefundTerms(
            guaranteeDays: random.int(5...60),
            windowStart: random.chance(50) ? .firstPayment : .eachRenewal,
            afterWindow: random.chance(25) ? .strict : .goodwill(maxDaysAfterWindow: random.int(10...90)),
            amount: random.chance(50) ? .full : .proratedByUnusedTime,
            repeatRequesters: random.chance(50)
                ? RepeatRequesterLimit(maxRefunds: random.int(0...3), withinMonths: 6) : nil,
            euWithdrawalDays: random.chance(50) ? 14 : nil,
            outcomesOnApproval: random.chance(50) ? [] : [.cancelSubscription]
        )
        let rules = RefundPolicy(plans: ["p": terms])
        let charges = (0..<random.int(1...4)).map { index in
            Charge(
                id: ChargeID("c\(index)"),
                amount: eur(Int64(random.int(100...50_000))),
                at: at(day: Double(index * 10)),
                periodEnd: at(day: Double(index * 10 + 30))
            )
        }
        var facts = RefundFacts(
            member: member,
            plan: "p",
            charges: charges,
            consents: random.chance(50) ? [ConsentRecord(at: t0)] : [],
            isEUConsumer: random.chance(50)
        )
        var pending: [RefundDecision] = []
        var tally = Tally()
        var clock = 0.0

        func carryOut(_ decision: RefundDecision) {
            guard decision.verdict == .approve else { return }
            tally.approvals += 1
            facts.refunds.append(
                IssuedRefund(
                    requestID: decision.requestID,
                    chargeID: decision.chargeID,
                    amount: decision.amount,
                    at: decision.at
                )
            )
        }

        for step in 0..<80 {
            clock += Double(random.int(0...24)) / 24
            switch random.int(0...9) {
            case 0...5:
                // A new request, or a retry of an earlier id.
                let id = random.chance(25) ? "r\(random.int(0...max(0, step - 1)))" : "r\(step)"
                let charge = charges[random.int(0...(charges.count - 1))]
                let asked = random.chance(70) ? eur(Int64(random.int(1...Int(charge.amount.minorUnits)))) : nil
                let date = max(at(day: clock), charge.at)
                let decision = try rules.decide(
                    RefundRequest(
                        id: RefundRequestID(id),
                        member: member,
                        chargeID: charge.id,
                        requestedAmount: asked,
                        at: date
                    ),
                    facts: facts
                )
                if decision.verdict == .escalateToOwner { pending.append(decision) }
                carryOut(decision)
            case 6...8 where !pending.isEmpty:
                // Approvals stay in the list with some chance, so stale ones are approved again later.
                let index = random.int(0...(pending.count - 1))
                let escalated = random.chance(60) ? pending.remove(at: index) : pending[index]
                let result = try escalated.approved(by: owner, facts: facts, at: at(day: clock))
                if result.verdict == .approve {
                    tally.ownerApprovals += 1
                } else {
                    tally.staleApprovalsRefused += 1
                }
                carryOut(result)
            case 9:
                let index = random.int(0...(facts.charges.count - 1))
                facts.charges[index].dispute = random.chance(70) ? .undisputed : .open
            default:
                break
            }

            for charge in facts.charges {
                let refunded = facts.refunds.filter { $0.chargeID == charge.id }.map(\.amount.minorUnits)
                #expect(
                    refunded.reduce(0, +) <= charge.amount.minorUnits,
                    "seed \(seed) step \(step): \(charge.id) over-refunded"
                )
            }
            let ids = facts.refunds.map(\.requestID)
            #expect(Set(ids).count == ids.count, "seed \(seed) step \(step): a request id refunded twice")
            #expect(facts.refunds.allSatisfy { $0.amount.minorUnits > 0 }, "seed \(seed) step \(step): empty refund")
        }
        return tally
    }
}
