import Foundation
import RefundRules
import Testing

@Suite("Owner resolution of escalations")
struct OwnerResolutionTests {
    /// A goodwill escalation for charge ch-1 (10.00 EUR), asked on day 20.
    func escalation() throws -> RefundDecision {
        let decision = try policy.decide(request(charge: "ch-1", day: 20), facts: monthlyFacts())
        try #require(decision.verdict == .escalateToOwner)
        return decision
    }

    @Test(
        "only the owner may approve or decline",
        arguments: [SupportActor.member(member), .member("m-2"), .agent("a-1"), .system]
    )
    func wrongRoleIsRefused(_ actor: SupportActor) throws {
        let escalated = try escalation()
        let approval = try #require(throws: RefundError.self) {
            try escalated.approved(by: actor, facts: monthlyFacts(), at: at(day: 21))
        }
        #expect(approval.code == .notAuthorized)
        #expect(approval.message.contains(actor.role.rawValue))
        let decline = try #require(throws: RefundError.self) { try escalated.declined(by: actor, at: at(day: 21)) }
        #expect(decline.code == .notAuthorized)
    }

    @Test("the owner approves a goodwill refund")
    func ownerApproves() throws {
        let approved = try escalation().approved(by: owner, facts: monthlyFacts(), at: at(day: 22))
        #expect(approved.verdict == .approve)
        #expect(approved.reason == .approvedByOwner)
        #expect(approved.rule == "ownerApproval")
        #expect(approved.templateKey == "refund.approved.goodwill")
        #expect(approved.amount == eur(1000))
        #expect(approved.decidedBy == owner)
        #expect(approved.at == at(day: 22))
        #expect(approved.actionableOutcomes == [.refund, .cancelSubscription, .revokeAccess])
    }

    @Test("the owner may choose a smaller amount, which only returns money")
    func ownerChoosesAmount() throws {
        let approved = try escalation().approved(by: owner, facts: monthlyFacts(), at: at(day: 22), amount: eur(400))
        #expect(approved.amount == eur(400))
        #expect(approved.outcomes == [.refund])
    }

    @Test("the owner declines")
    func ownerDeclines() throws {
        let declined = try escalation().declined(by: owner, at: at(day: 22))
        #expect(declined.verdict == .deny)
        #expect(declined.reason == .declinedByOwner)
        #expect(declined.templateKey == "refund.denied.by_owner")
        #expect(declined.amount == .zero(.eur))
        #expect(declined.actionableOutcomes.isEmpty)
    }

    @Test("only escalations can be resolved")
    func notEscalated() throws {
        let approved = try policy.decide(request(day: 61), facts: monthlyFacts())
        let error = try #require(throws: RefundError.self) {
            try approved.approved(by: owner, facts: monthlyFacts(), at: at(day: 62))
        }
        #expect(error.code == .notEscalated)
    }

    struct Recheck: Sendable, CustomTestStringConvertible {
        let name: String
        let refunds: [IssuedRefund]
        let dispute: DisputeState
        let verdict: RefundDecision.Verdict
        let reason: RefundReason
        let amount: Int64
        var testDescription: String { name }
    }

    static let rechecks: [Recheck] = [
        Recheck(
            name: "unchanged facts: approved",
            refunds: [],
            dispute: .undisputed,
            verdict: .approve,
            reason: .approvedByOwner,
            amount: 1000
        ),
        Recheck(
            name: "refunded meanwhile under the same request id: denied",
            refunds: [IssuedRefund(requestID: "r-1", chargeID: "ch-1", amount: eur(1000), at: at(day: 21))],
            dispute: .undisputed,
            verdict: .deny,
            reason: .duplicateRequest,
            amount: 0
        ),
        Recheck(
            name: "disputed meanwhile: denied",
            refunds: [],
            dispute: .open,
            verdict: .deny,
            reason: .chargeDisputed,
            amount: 0
        ),
        Recheck(
            name: "fully refunded meanwhile: denied",
            refunds: [IssuedRefund(requestID: "other", chargeID: "ch-1", amount: eur(1000), at: at(day: 21))],
            dispute: .undisputed,
            verdict: .deny,
            reason: .chargeAlreadyRefunded,
            amount: 0
        ),
        Recheck(
            name: "partly refunded meanwhile: cut to the remainder",
            refunds: [IssuedRefund(requestID: "other", chargeID: "ch-1", amount: eur(650), at: at(day: 21))],
            dispute: .undisputed,
            verdict: .approve,
            reason: .approvedByOwner,
            amount: 350
        ),
    ]

    @Test(arguments: rechecks)
    func capsAreCheckedAgain(_ test: Recheck) throws {
        var charges = monthlyCharges()
        charges[0].dispute = test.dispute
        let now = monthlyFacts(charges: charges, refunds: test.refunds)
        let result = try escalation().approved(by: owner, facts: now, at: at(day: 22))
        #expect(result.verdict == test.verdict)
        #expect(result.reason == test.reason)
        #expect(result.amount == eur(test.amount))
    }

    @Test("an owner's amount past the remainder or in another currency is refused")
    func ownerAmountChecked() throws {
        let escalated = try escalation()
        let tooMuch = try #require(throws: RefundError.self) {
            try escalated.approved(by: owner, facts: monthlyFacts(), at: at(day: 22), amount: eur(1001))
        }
        #expect(tooMuch.code == .invalidAmount)
        let foreign = try #require(throws: RefundError.self) {
            try escalated.approved(
                by: owner,
                facts: monthlyFacts(),
                at: at(day: 22),
                amount: Money(minorUnits: 1, currency: .usd)
            )
        }
        #expect(foreign.code == .currencyMismatch)
        let otherMember = RefundFacts(member: "m-2", plan: "monthly", charges: monthlyCharges())
        let mismatch = try #require(throws: RefundError.self) {
            try escalated.approved(by: owner, facts: otherMember, at: at(day: 22))
        }
        #expect(mismatch.code == .memberMismatch)
    }
}
