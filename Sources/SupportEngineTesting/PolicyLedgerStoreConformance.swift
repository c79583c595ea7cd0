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
        refundVersionCountsChanges, staleRefundVersionConflicts, decisionIsFoundByRequestID,
        pendingPostIsStoredWithTheChange, refusedChangeStoresNoPendingPost, pendingPostsAreListedOldestFirst,
        pendingPostIsRemoved,
    ]

    static let emptyStoreReadsNothing = Check("an empty store reads nothing") { store, expect in
        try expect.that(try await store.moderationLedger(of: "m-1") == nil, "an empty store returned a ledger")
        try expect.equal(try await Fixture.decisions(store, "m-1"), [], "refund decisions of an empty store")
    }

    static let ledgerSaveThenRead = Check("a ledger saves and reads back with its version") { store, expect in
        let first = try Fixture.warned(Fixture.ledger("m-1"))
        try await store.saveModerationLedger(first, expectedVersion: 0, owing: nil)
        try expect.equal(try await store.moderationLedger(of: "m-1"), first, "ledger read back")
        let second = try Fixture.warned(first)
        try await store.saveModerationLedger(second, expectedVersion: first.version, owing: nil)
        let read = try await store.moderationLedger(of: "m-1")
        try expect.equal(read, second, "ledger after the second save")
        try expect.equal(read?.version, 2, "version after two changes")
    }

    static let ledgerStaleVersionConflicts = Check("a stale ledger version conflicts and changes nothing") {
        store,
        expect in
        let base = try Fixture.warned(Fixture.ledger("m-1"))
        try await store.saveModerationLedger(base, expectedVersion: 0, owing: nil)
        let winner = try Fixture.warned(base)
        let loser = try Fixture.warned(base, note: "second moderator")
        try await store.saveModerationLedger(winner, expectedVersion: base.version, owing: nil)
        try await expect.storeError(.versionConflict, "save over a stale version") {
            try await store.saveModerationLedger(loser, expectedVersion: base.version, owing: nil)
        }
        try expect.equal(try await store.moderationLedger(of: "m-1"), winner, "ledger after the conflict")
    }

    static let newLedgerExpectsVersionZero = Check("a first save expects version 0") { store, expect in
        let ledger = try Fixture.warned(Fixture.ledger("m-1"))
        try await expect.storeError(.versionConflict, "first save expecting version 1") {
            try await store.saveModerationLedger(ledger, expectedVersion: 1, owing: nil)
        }
        try expect.that(try await store.moderationLedger(of: "m-1") == nil, "a refused first save was stored")
        try await store.saveModerationLedger(ledger, expectedVersion: 0, owing: nil)
        try await expect.storeError(.versionConflict, "a second 'first' save") {
            try await store.saveModerationLedger(
                try Fixture.warned(Fixture.ledger("m-1")),
                expectedVersion: 0,
                owing: nil
            )
        }
    }

    static let ledgersArePerMember = Check("ledgers are kept per member") { store, expect in
        let anna = try Fixture.warned(Fixture.ledger("anna"))
        let boris = try Fixture.warned(Fixture.warned(Fixture.ledger("boris")))
        try await store.saveModerationLedger(anna, expectedVersion: 0, owing: nil)
        try await store.saveModerationLedger(boris, expectedVersion: 0, owing: nil)
        try expect.equal(try await store.moderationLedger(of: "anna"), anna, "anna's ledger")
        try expect.equal(try await store.moderationLedger(of: "boris"), boris, "boris's ledger")
    }

    static let decisionsRecordThenRead = Check("refund decisions record and read back oldest first") {
        store,
        expect in
        let first = Fixture.decision("rq-1", verdict: .approve)
        let second = Fixture.decision("rq-2", verdict: .deny)
        try await Fixture.record(store, first, replacing: false)
        try await Fixture.record(store, second, replacing: false)
        try expect.equal(try await Fixture.decisions(store, "m-1"), [first, second], "decisions read back")
    }

    static let repeatedRequestConflicts = Check("a repeated request id conflicts and keeps the first") {
        store,
        expect in
        let first = Fixture.decision("rq-1", verdict: .approve)
        try await Fixture.record(store, first, replacing: false)
        try await expect.storeError(.versionConflict, "second decision for rq-1") {
            try await Fixture.record(store, Fixture.decision("rq-1", verdict: .deny), replacing: false)
        }
        try expect.equal(try await Fixture.decisions(store, "m-1"), [first], "decisions after the repeat")
    }

    static let escalationIsReplaced = Check("an escalation is replaced by its resolution") { store, expect in
        let escalation = Fixture.decision("rq-1", verdict: .escalateToOwner)
        let other = Fixture.decision("rq-2", verdict: .deny)
        try await Fixture.record(store, escalation, replacing: false)
        try await Fixture.record(store, other, replacing: false)
        let resolution = Fixture.decision("rq-1", verdict: .approve)
        try await Fixture.record(store, resolution, replacing: true)
        try expect.equal(try await Fixture.decisions(store, "m-1"), [resolution, other], "decisions after replacing")
    }

    static let finalDecisionIsNotReplaced = Check("a resolved decision is never replaced") { store, expect in
        try await Fixture.record(store, Fixture.decision("rq-1", verdict: .escalateToOwner), replacing: false)
        let approval = Fixture.decision("rq-1", verdict: .approve)
        try await Fixture.record(store, approval, replacing: true)
        try await expect.storeError(.versionConflict, "a second resolution of rq-1") {
            try await Fixture.record(store, Fixture.decision("rq-1", verdict: .deny), replacing: true)
        }
        try expect.equal(try await Fixture.decisions(store, "m-1"), [approval], "decisions after the refusal")
    }

    static let replacingUnknownRequestIsNotFound = Check("replacing an unknown request is not found") {
        store,
        expect in
        try await expect.storeError(.notFound, "replacing rq-9") {
            try await Fixture.record(store, Fixture.decision("rq-9", verdict: .approve), replacing: true)
        }
        try expect.equal(try await Fixture.decisions(store, "m-1"), [], "decisions after the refusal")
    }

    static let decisionsArePerMember = Check("refund decisions are kept per member") { store, expect in
        let anna = Fixture.decision("rq-1", verdict: .approve, member: "anna")
        let boris = Fixture.decision("rq-1", verdict: .deny, member: "boris")
        try await Fixture.record(store, anna, replacing: false)
        try await Fixture.record(store, boris, replacing: false)
        try expect.equal(try await Fixture.decisions(store, "anna"), [anna], "anna's decisions")
        try expect.equal(try await Fixture.decisions(store, "boris"), [boris], "boris's decisions")
    }

    static let refundVersionCountsChanges = Check("each refund decision change raises the member's version") {
        store,
        expect in
        try expect.equal(try await store.refundDecisions(of: "m-1").version, 0, "version with no decisions")
        try await store.recordRefundDecision(
            Fixture.decision("rq-1", verdict: .escalateToOwner),
            replacing: false,
            expectedVersion: 0,
            owing: nil
        )
        try expect.equal(try await store.refundDecisions(of: "m-1").version, 1, "version after a record")
        try await store.recordRefundDecision(
            Fixture.decision("rq-1", verdict: .approve),
            replacing: true,
            expectedVersion: 1,
            owing: nil
        )
        try expect.equal(try await store.refundDecisions(of: "m-1").version, 2, "version after a replacement")
        try expect.equal(try await store.refundDecisions(of: "m-2").version, 0, "another member's version")
    }

    static let staleRefundVersionConflicts = Check(
        "a refund decision over a stale version conflicts and changes nothing"
    ) { store, expect in
        // Two desks read the member's decisions at version 0 and decide two requests for one charge.
        let first = Fixture.decision("rq-a", verdict: .approve)
        try await store.recordRefundDecision(first, replacing: false, expectedVersion: 0, owing: nil)
        try await expect.storeError(.versionConflict, "a second request recorded over version 0") {
            try await store.recordRefundDecision(
                Fixture.decision("rq-b", verdict: .approve),
                replacing: false,
                expectedVersion: 0,
                owing: Fixture.pending("p-b", at: 1)
            )
        }
        try await store.recordRefundDecision(
            Fixture.decision("rq-c", verdict: .escalateToOwner),
            replacing: false,
            expectedVersion: 1,
            owing: nil
        )
        try await expect.storeError(.versionConflict, "a replacement over a stale version") {
            try await store.recordRefundDecision(
                Fixture.decision("rq-c", verdict: .approve),
                replacing: true,
                expectedVersion: 1,
                owing: nil
            )
        }
        let stored = try await store.refundDecisions(of: "m-1")
        try expect.equal(stored.decisions.map(\.requestID), ["rq-a", "rq-c"], "decisions after the conflicts")
        try expect.equal(stored.decisions.last?.verdict, .escalateToOwner, "the escalation after a stale replacement")
        try expect.equal(stored.version, 2, "version after the conflicts")
        try expect.equal(try await store.pendingPolicyPosts(of: nil, limit: 10), [], "pending posts of refused writes")
    }

    static let decisionIsFoundByRequestID = Check("a refund decision is found by its request id") { store, expect in
        try await Fixture.record(store, Fixture.decision("rq-1", verdict: .escalateToOwner), replacing: false)
        try await Fixture.record(store, Fixture.decision("rq-2", verdict: .deny), replacing: false)
        try await Fixture.record(store, Fixture.decision("rq-1", verdict: .deny, member: "anna"), replacing: false)
        let resolution = Fixture.decision("rq-1", verdict: .approve)
        try await Fixture.record(store, resolution, replacing: true)
        try expect.equal(try await store.refundDecision("rq-1", of: "m-1"), resolution, "rq-1 after its resolution")
        try expect.equal(try await store.refundDecision("rq-2", of: "m-1")?.verdict, .deny, "rq-2")
        try expect.equal(try await store.refundDecision("rq-1", of: "anna")?.verdict, .deny, "anna's rq-1")
        try expect.that(try await store.refundDecision("rq-9", of: "m-1") == nil, "an unknown request was found")
        try expect.that(
            try await store.refundDecision("rq-2", of: "boris") == nil,
            "another member's request was found"
        )
    }

    static let pendingPostIsStoredWithTheChange = Check("a pending post is stored with its change") { store, expect in
        let refund = Fixture.pending("refund-1", at: 1)
        try await store.recordRefundDecision(
            Fixture.decision("rq-1", verdict: .approve),
            replacing: false,
            expectedVersion: 0,
            owing: refund
        )
        let moderation = Fixture.pending("moderation-1", at: 2, member: "anna")
        try await store.saveModerationLedger(
            try Fixture.warned(Fixture.ledger("anna")),
            expectedVersion: 0,
            owing: moderation
        )
        try expect.equal(try await store.pendingPolicyPosts(of: "m-1", limit: 10), [refund], "m-1's pending posts")
        try expect.equal(
            try await store.pendingPolicyPosts(of: "anna", limit: 10),
            [moderation],
            "anna's pending posts"
        )
        try expect.equal(
            try await store.pendingPolicyPosts(of: nil, limit: 10),
            [refund, moderation],
            "every pending post"
        )
    }

    static let refusedChangeStoresNoPendingPost = Check("a refused change stores no pending post") { store, expect in
        try await Fixture.record(store, Fixture.decision("rq-1", verdict: .approve), replacing: false)
        try await expect.storeError(.versionConflict, "a repeated request id") {
            try await store.recordRefundDecision(
                Fixture.decision("rq-1", verdict: .deny),
                replacing: false,
                expectedVersion: 1,
                owing: Fixture.pending("p-1", at: 1)
            )
        }
        try await expect.storeError(.versionConflict, "a first ledger save expecting version 1") {
            try await store.saveModerationLedger(
                try Fixture.warned(Fixture.ledger("m-1")),
                expectedVersion: 1,
                owing: Fixture.pending("p-2", at: 2)
            )
        }
        try expect.equal(try await store.pendingPolicyPosts(of: nil, limit: 10), [], "pending posts of refused writes")
    }

    static let pendingPostsAreListedOldestFirst = Check("pending posts are listed oldest first, up to the limit") {
        store,
        expect in
        let posts = [
            Fixture.pending("c", at: 3), Fixture.pending("a", at: 1), Fixture.pending("b", at: 2, member: "anna"),
        ]
        for (index, post) in posts.enumerated() {
            try await store.recordRefundDecision(
                Fixture.decision(RefundRequestID("rq-\(index)"), verdict: .deny, member: post.member),
                replacing: false,
                expectedVersion: try await store.refundDecisions(of: post.member).version,
                owing: post
            )
        }
        let listed = try await store.pendingPolicyPosts(of: nil, limit: 10)
        try expect.equal(listed.map(\.id), ["a", "b", "c"], "every pending post, oldest first")
        try expect.equal(try await store.pendingPolicyPosts(of: nil, limit: 2).map(\.id), ["a", "b"], "limit 2")
        try expect.equal(try await store.pendingPolicyPosts(of: "m-1", limit: 10).map(\.id), ["a", "c"], "m-1's")
        try expect.equal(listed.first, posts[1], "a pending post reads back as written")
    }

    static let pendingPostIsRemoved = Check("a pending post is removed, and removing it again does nothing") {
        store,
        expect in
        let post = Fixture.pending("p-1", at: 1)
        try await store.recordRefundDecision(
            Fixture.decision("rq-1", verdict: .approve),
            replacing: false,
            expectedVersion: 0,
            owing: post
        )
        try await store.removePendingPolicyPost("p-1")
        try expect.equal(try await store.pendingPolicyPosts(of: nil, limit: 10), [], "pending posts after removal")
        try await store.removePendingPolicyPost("p-1")
        try await store.removePendingPolicyPost("never-written")
        try expect.equal(try await Fixture.decisions(store, "m-1").count, 1, "the decision stays")
    }

    /// Values for the checks, at whole seconds so that any date encoding keeps them exactly.
    enum Fixture {
        static let start = Date(timeIntervalSince1970: 1_767_603_600)

        static func ledger(_ member: MemberID) -> MemberLedger { MemberLedger(member: member, isPaying: true) }

        /// Records a decision over the member's current version.
        static func record(_ store: any PolicyLedgerStore, _ decision: RefundDecision, replacing: Bool) async throws {
            let version = try await store.refundDecisions(of: decision.member).version
            try await store.recordRefundDecision(decision, replacing: replacing, expectedVersion: version, owing: nil)
        }

        /// A member's decisions, without their version.
        static func decisions(_ store: any PolicyLedgerStore, _ member: MemberID) async throws -> [RefundDecision] {
            try await store.refundDecisions(of: member).decisions
        }

        /// A pending post with a small payload, `minutes` after the start.
        static func pending(_ id: String, at minutes: Int, member: MemberID = "m-1") -> PendingPolicyPost {
            PendingPolicyPost(
                id: id,
                member: member,
                at: start.addingTimeInterval(TimeInterval(minutes * 60)),
                payload: Data("{\"post\":\"\(id)\"}".utf8)
            )
        }

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
