import Foundation
import SupportEngine

/// The contract every `PolicyLedgerStore` must keep, as checks an adapter runs from its own tests.
///
/// Each ``Check`` gets a fresh, empty store and throws a ``ConformanceFailure`` naming what the store
/// did wrong. With Swift Testing, run them one test case each:
///
/// ```swift
/// @Test(arguments: PolicyLedgerStoreConformance.checks)
/// func conformance(_ check: PolicyLedgerStoreConformance.Check) async throws {
///     try await check.run(against: MyPostgresPolicyLedgerStore(…))
/// }
/// ```
///
/// or all at once with ``run(against:)``.
public enum PolicyLedgerStoreConformance {
    /// One named check of the contract.
    public typealias Check = ConformanceCheck<any PolicyLedgerStore>

    /// Runs every check, each against a fresh store.
    ///
    /// - Parameter makeStore: Makes an empty store.
    /// - Throws: The first failure.
    public static func run(against makeStore: () async throws -> any PolicyLedgerStore) async throws {
        for check in checks { try await check.run(against: try await makeStore()) }
    }

    /// Every check of the contract.
    public static let checks: [Check] = [
        emptyStoreReadsNothing, ledgerSaveThenRead, ledgerStaleVersionConflicts, newLedgerExpectsVersionZero,
        ledgersArePerMember, decisionsRecordThenRead, repeatedRequestConflicts, escalationIsReplaced,
        finalDecisionIsNotReplaced, replacingUnknownRequestIsNotFound, decisionsArePerMember,
    ]

    static let emptyStoreReadsNothing = Check("an empty store reads nothing") { store, expect in
        try expect.that(try await store.moderationLedger(of: "m-1") == nil, "an empty store returned a ledger")
        try expect.equal(try await store.refundDecisions(of: "m-1"), [], "refund decisions of an empty store")
    }

    static let ledgerSaveThenRead = Check("a ledger saves and reads back with its version") { store, expect in
        let first = try Fixture.warned(Fixture.ledger("m-1"))
        try await store.saveModerationLedger(first, expectedVersion: 0)
        try expect.equal(try await store.moderationLedger(of: "m-1"), first, "ledger read back")
        let second = try Fixture.warned(first)
        try await store.saveModerationLedger(second, expectedVersion: first.version)
        let read = try await store.moderationLedger(of: "m-1")
        try expect.equal(read, second, "ledger after the second save")
        try expect.equal(read?.version, 2, "version after two changes")
    }

    static let ledgerStaleVersionConflicts = Check("a stale ledger version conflicts and changes nothing") {
        store,
        expect in
        let base = try Fixture.warned(Fixture.ledger("m-1"))
        try await store.saveModerationLedger(base, expectedVersion: 0)
        let winner = try Fixture.warned(base)
        let loser = try Fixture.warned(base, note: "second moderator")
        try await store.saveModerationLedger(winner, expectedVersion: base.version)
        try await expect.storeError(.versionConflict, "save over a stale version") {
            try await store.saveModerationLedger(loser, expectedVersion: base.version)
        }
        try expect.equal(try await store.moderationLedger(of: "m-1"), winner, "ledger after the conflict")
    }

    static let newLedgerExpectsVersionZero = Check("a first save expects version 0") { store, expect in
        let ledger = try Fixture.warned(Fixture.ledger("m-1"))
        try await expect.storeError(.versionConflict, "first save expecting version 1") {
            try await store.saveModerationLedger(ledger, expectedVersion: 1)
        }
        try expect.that(try await store.moderationLedger(of: "m-1") == nil, "a refused first save was stored")
        try await store.saveModerationLedger(ledger, expectedVersion: 0)
        try await expect.storeError(.versionConflict, "a second 'first' save") {
            try await store.saveModerationLedger(try Fixture.warned(Fixture.ledger("m-1")), expectedVersion: 0)
        }
    }

    static let ledgersArePerMember = Check("ledgers are kept per member") { store, expect in
        let anna = try Fixture.warned(Fixture.ledger("anna"))
        let boris = try Fixture.warned(Fixture.warned(Fixture.ledger("boris")))
        try await store.saveModerationLedger(anna, expectedVersion: 0)
        try await store.saveModerationLedger(boris, expectedVersion: 0)
        try expect.equal(try await store.moderationLedger(of: "anna"), anna, "anna's ledger")
        try expect.equal(try await store.moderationLedger(of: "boris"), boris, "boris's ledger")
    }

    static let decisionsRecordThenRead = Check("refund decisions record and read back oldest first") {
        store,
        expect in
        let first = Fixture.decision("rq-1", verdict: .approve)
        let second = Fixture.decision("rq-2", verdict: .deny)
        try await store.recordRefundDecision(first, replacing: false)
        try await store.recordRefundDecision(second, replacing: false)
        try expect.equal(try await store.refundDecisions(of: "m-1"), [first, second], "decisions read back")
    }

    static let repeatedRequestConflicts = Check("a repeated request id conflicts and keeps the first") {
        store,
        expect in
        let first = Fixture.decision("rq-1", verdict: .approve)
        try await store.recordRefundDecision(first, replacing: false)
        try await expect.storeError(.versionConflict, "second decision for rq-1") {
            try await store.recordRefundDecision(Fixture.decision("rq-1", verdict: .deny), replacing: false)
        }
        try expect.equal(try await store.refundDecisions(of: "m-1"), [first], "decisions after the repeat")
    }

    static let escalationIsReplaced = Check("an escalation is replaced by its resolution") { store, expect in
        let escalation = Fixture.decision("rq-1", verdict: .escalateToOwner)
        let other = Fixture.decision("rq-2", verdict: .deny)
        try await store.recordRefundDecision(escalation, replacing: false)
        try await store.recordRefundDecision(other, replacing: false)
        let resolution = Fixture.decision("rq-1", verdict: .approve)
        try await store.recordRefundDecision(resolution, replacing: true)
        try expect.equal(try await store.refundDecisions(of: "m-1"), [resolution, other], "decisions after replacing")
    }

    static let finalDecisionIsNotReplaced = Check("a resolved decision is never replaced") { store, expect in
        try await store.recordRefundDecision(Fixture.decision("rq-1", verdict: .escalateToOwner), replacing: false)
        let approval = Fixture.decision("rq-1", verdict: .approve)
        try await store.recordRefundDecision(approval, replacing: true)
        try await expect.storeError(.versionConflict, "a second resolution of rq-1") {
            try await store.recordRefundDecision(Fixture.decision("rq-1", verdict: .deny), replacing: true)
        }
        try expect.equal(try await store.refundDecisions(of: "m-1"), [approval], "decisions after the refusal")
    }

    static let replacingUnknownRequestIsNotFound = Check("replacing an unknown request is not found") {
        store,
        expect in
        try await expect.storeError(.notFound, "replacing rq-9") {
            try await store.recordRefundDecision(Fixture.decision("rq-9", verdict: .approve), replacing: true)
        }
        try expect.equal(try await store.refundDecisions(of: "m-1"), [], "decisions after the refusal")
    }

    static let decisionsArePerMember = Check("refund decisions are kept per member") { store, expect in
        let anna = Fixture.decision("rq-1", verdict: .approve, member: "anna")
        let boris = Fixture.decision("rq-1", verdict: .deny, member: "boris")
        try await store.recordRefundDecision(anna, replacing: false)
        try await store.recordRefundDecision(boris, replacing: false)
        try expect.equal(try await store.refundDecisions(of: "anna"), [anna], "anna's decisions")
        try expect.equal(try await store.refundDecisions(of: "boris"), [boris], "boris's decisions")
    }

    /// Values for the checks, at whole seconds so that any date encoding keeps them exactly.
    private enum Fixture {
        static let start = Date(timeIntervalSince1970: 1_767_603_600)

        static func ledger(_ member: MemberID) -> MemberLedger { MemberLedger(member: member, isPaying: true) }

        /// The ledger with one more warning, decided against its current version.
        static func warned(_ ledger: MemberLedger, note: String = "") throws -> MemberLedger {
            let number = ledger.entries.count + 1
            let decision = ModerationDecision(
                member: ledger.member,
                basedOnVersion: ledger.version,
                entry: LedgerEntry(
                    id: number,
                    action: .warning,
                    actor: .agent("olga"),
                    at: start.addingTimeInterval(TimeInterval(number * 60)),
                    violation: Violation(.rudeness, ticket: "T-1", message: MessageID("M-\(number)"), note: note),
                    step: 0
                ),
                rule: "ladder[0]",
                templateKey: ModerationDecision.TemplateKey.warning
            )
            return try ledger.applying(decision)
        }

        static func decision(
            _ request: RefundRequestID,
            verdict: RefundDecision.Verdict,
            member: MemberID = "m-1"
        ) -> RefundDecision {
            let amount = Money(minorUnits: verdict == .deny ? 0 : 1900, currency: .eur)
            return RefundDecision(
                requestID: request,
                member: member,
                plan: "monthly",
                chargeID: "ch-1",
                verdict: verdict,
                reason: verdict == .approve ? .insideGuaranteeWindow : .outsideGuaranteeWindow,
                rule: "plans.monthly.guaranteeDays",
                amount: amount,
                entitlement: Money(minorUnits: 1900, currency: .eur),
                outcomes: verdict == .deny ? [] : [.refund],
                templateKey: RefundDecision.TemplateKey.approved,
                decidedBy: .system,
                at: start
            )
        }
    }
}
