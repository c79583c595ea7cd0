import Foundation
import SupportEngine

/// The erasure part of the policy, journey and rating stores' contracts. Like
/// `TicketStoreConformance.erasureChecks`, these are run by an adapter that implements erasure.
extension PolicyLedgerStoreConformance {
    /// The checks of erasure records and of `PolicyLedgerStore.eraseMember(_:redaction:)`.
    public static let erasureChecks: [Check] = [
        erasureRecordsKept, erasureRedactsNotesAndPosts, policyRecordsReadTogether,
    ]

    static let erasureRecordsKept = Check("erasure records are kept, replaced and listed while unfinished") {
        store,
        expect in
        let start = Date(timeIntervalSince1970: 1_767_603_600)
        try expect.equal(try await store.erasure(of: "m-1"), nil, "an unknown member's erasure")
        let first = MemberErasure(member: "m-2", requestedBy: .owner("olga"), requestedAt: start)
        let second = MemberErasure(
            member: "m-1",
            requestedBy: .member("m-1"),
            requestedAt: start.addingTimeInterval(60)
        )
        try await store.recordErasure(second)
        try await store.recordErasure(first)
        try expect.equal(try await store.erasure(of: "m-1"), second, "m-1's record read back")
        try expect.equal(try await store.unfinishedErasures(limit: 10), [first, second], "unfinished, oldest first")
        try expect.equal(try await store.unfinishedErasures(limit: 1), [first], "the limit")
        var finished = first
        finished.finishedAt = start.addingTimeInterval(120)
        finished.redacted = ErasureCounts(tickets: 2, messages: 5, outboundMessages: 1, ledgerEntries: 1)
        try await store.recordErasure(finished)
        try expect.equal(try await store.erasure(of: "m-2"), finished, "the finished record")
        try expect.equal(try await store.unfinishedErasures(limit: 10), [second], "unfinished after one finished")
    }

    static let erasureRedactsNotesAndPosts = Check("an erasure redacts ledger notes and drops owed posts") {
        store,
        expect in
        let start = Date(timeIntervalSince1970: 1_767_603_600)
        func ledger(_ member: MemberID, note: String) throws -> MemberLedger {
            try MemberLedger(
                member: member,
                isPaying: true,
                entries: [
                    LedgerEntry(
                        id: 1,
                        action: .warning,
                        actor: .agent("olga"),
                        at: start,
                        violation: Violation(.rudeness, ticket: "T-1", message: "M-1", note: note),
                        step: 0,
                        note: note
                    )
                ],
                version: 1
            )
        }
        let post = PendingPolicyPost(id: "p-1", member: "m-1", at: start, payload: Data("{\"Zqxpost\":1}".utf8))
        try await store.saveModerationLedger(
            try ledger("m-1", note: "Zqxnote said rude things"),
            expectedVersion: 0,
            owing: post
        )
        let other = try ledger("m-2", note: "Keepnote")
        try await store.saveModerationLedger(other, expectedVersion: 0, owing: nil)
        let counts = try await store.eraseMember("m-1", redaction: "[erased]")
        try expect.equal(counts.ledgerEntries, 1, "ledger entries redacted")
        try expect.equal(counts.pendingPosts, 1, "owed posts dropped")
        let erased = try expect.require(try await store.moderationLedger(of: "m-1"), "the erased member's ledger")
        try expect.that(!String(reflecting: erased).contains("Zqx"), "a note survived the erasure: \(erased)")
        try expect.equal(erased.entries.map(\.action), [.warning], "the ledger's actions")
        try expect.equal(erased.entries.map(\.at), [start], "the ledger's times")
        try expect.equal(try await store.pendingPolicyPosts(of: "m-1", limit: 10), [], "owed posts after the erasure")
        try expect.equal(try await store.moderationLedger(of: "m-2"), other, "another member's ledger")
        let again = try await store.eraseMember("m-1", redaction: "[erased]")
        try expect.equal(again, ErasureCounts(), "counts of a second erasure")
        // A moderator holding the old ledger conflicts and reads the redacted one.
        try await expect.storeError(.versionConflict, "a save over the pre-erasure version") {
            try await store.saveModerationLedger(try ledger("m-1", note: "Zqxnote"), expectedVersion: 1, owing: nil)
        }
    }
}

extension MemberJourneyStoreConformance {
    /// The checks of `MemberJourneyStore.eraseMember(_:redaction:)`.
    public static let erasureChecks: [Check] = [erasureRedactsExitComments]

    static let erasureRedactsExitComments = Check("an erasure redacts exit comments, keeps reasons, unschedules") {
        store,
        expect in
        let record = try left("m-1", for: [.tooExpensive], comment: "Zqxcomment my husband lost his job")
        try await store.saveJourney(record, expectedVersion: 0, dueAt: start.addingTimeInterval(3600))
        let other = try left("m-2", for: [.tooExpensive], comment: "Keepcomment")
        try await store.saveJourney(other, expectedVersion: 0, dueAt: nil)
        let counts = try await store.eraseMember("m-1", redaction: "[erased]")
        try expect.equal(counts.journeyComments, 1, "comments redacted")
        let stored = try expect.require(try await store.journey(of: "m-1"), "the erased member's journey")
        try expect.that(!String(reflecting: stored).contains("Zqx"), "a comment survived the erasure: \(stored)")
        try expect.equal(stored.dueAt, nil, "the erased member's next step")
        try expect.equal(stored.record.currentDeparture?.answer?.reasons, [.tooExpensive], "the exit reasons")
        try expect.equal(try await store.journey(of: "m-2")?.record, other, "another member's journey")
        try expect.equal(try await store.eraseMember("m-1", redaction: "[erased]"), ErasureCounts(), "again")
        try expect.equal(try await store.eraseMember("nobody", redaction: "[erased]"), ErasureCounts(), "unknown")
    }
}

extension RatingStoreConformance {
    /// The checks of `RatingStore.eraseMember(_:redaction:)`.
    public static let erasureChecks: [Check] = [erasureRedactsComments]

    static let erasureRedactsComments = Check("an erasure redacts rating comments and keeps scores") {
        store,
        expect in
        let start = Date(timeIntervalSince1970: 1_767_603_600)
        try await store.save(Rating(ticket: "T-1", member: "m-1", score: 2, comment: "Zqxrating slow", at: start))
        try await store.save(Rating(ticket: "T-2", member: "m-1", score: 5, comment: nil, at: start))
        let kept = Rating(ticket: "T-3", member: "m-2", score: 4, comment: "Keeprating", at: start)
        try await store.save(kept)
        let counts = try await store.eraseMember("m-1", redaction: "[erased]")
        try expect.equal(counts.ratingComments, 1, "comments redacted")
        let all = try await store.allRatings()
        try expect.that(!String(reflecting: all).contains("Zqx"), "a comment survived the erasure: \(all)")
        try expect.equal(all.map(\.score), [2, 5, 4], "scores, in the order given")
        try expect.equal(try await store.rating(of: "T-1")?.comment, "[erased]", "the redacted comment")
        try expect.equal(try await store.rating(of: "T-2")?.comment, nil, "a rating without a comment")
        try expect.equal(try await store.rating(of: "T-3"), kept, "another member's rating")
        try expect.equal(try await store.eraseMember("m-1", redaction: "[erased]"), ErasureCounts(), "again")
    }
}
