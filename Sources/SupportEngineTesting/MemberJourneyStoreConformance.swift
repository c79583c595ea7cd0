import Foundation
import SupportEngine

/// The contract every `MemberJourneyStore` must keep, as checks an adapter runs from its own tests.
///
/// Each ``Check`` gets a fresh, empty store and throws a ``ConformanceFailure`` naming what the store
/// did wrong. With Swift Testing, run them one test case each:
///
/// ```swift
/// @Test(arguments: MemberJourneyStoreConformance.checks)
/// func conformance(_ check: MemberJourneyStoreConformance.Check) async throws {
///     try await check.run(against: MyPostgresMemberJourneyStore(…))
/// }
/// ```
///
/// or all at once with ``run(against:)``.
public enum MemberJourneyStoreConformance {
    /// One named check of the contract.
    public typealias Check = ConformanceCheck<any MemberJourneyStore>

    /// Runs every check, each against a fresh store.
    ///
    /// - Parameter makeStore: Makes an empty store.
    /// - Throws: The first failure.
    public static func run(against makeStore: () async throws -> any MemberJourneyStore) async throws {
        for check in checks { try await check.run(against: try await makeStore()) }
    }

    /// Every check of the contract.
    public static let checks: [Check] = [
        emptyStoreReadsNothing, saveThenRead, staleVersionConflicts, dueQueryPagesInMemberOrder,
        leftForFollowsTheCurrentAnswer, fixIsRecordedOnce, limitsAreChecked,
    ]

    static let start = Date(timeIntervalSince1970: 1_767_225_600)
    private static let policy = JourneyPolicy()

    private static func joined(_ member: MemberID) throws -> JourneyRecord {
        try JourneyRecord(member: member).updating(
            MemberFacts(joinedAt: start, lastActivityAt: start, subscription: .active),
            policy: policy,
            at: start
        )
    }

    static func left(_ member: MemberID, for reasons: [ExitReason], comment: String? = nil) throws -> JourneyRecord {
        let cancelled = try joined(member).updating(
            MemberFacts(
                joinedAt: start,
                lastActivityAt: start,
                subscription: .cancelled,
                cancellationRequestedAt: start
            ),
            policy: policy,
            at: start
        )
        return try cancelled.answeringExitSurvey(
            ExitSurveyAnswer(reasons: reasons, comment: comment, at: start),
            policy: policy
        )
    }

    static let emptyStoreReadsNothing = Check("an empty store reads nothing") { store, expect in
        try expect.that(try await store.journey(of: "m-1") == nil, "an empty store returned a journey")
        try expect.equal(try await store.journeys(dueBefore: .distantFuture, after: nil, limit: 10).count, 0, "due")
        try expect.equal(try await store.journeys(leftFor: .other, after: nil, limit: 10).count, 0, "left for")
        try expect.that(try await store.fix("f-1") == nil, "an empty store returned a fix")
    }

    static let saveThenRead = Check("a journey saves and reads back with its due instant") { store, expect in
        let record = try joined("m-1")
        let due = start.addingTimeInterval(3_600)
        try await store.saveJourney(record, expectedVersion: 0, dueAt: due)
        let read = try await store.journey(of: "m-1")
        try expect.equal(read?.record, record, "journey read back")
        try expect.equal(read?.dueAt, due, "due instant read back")
        let next = record.taking(.welcome, outcome: .sent, at: start)
        try await store.saveJourney(next, expectedVersion: record.version, dueAt: nil)
        let again = try await store.journey(of: "m-1")
        try expect.equal(again?.record, next, "journey after the second save")
        try expect.equal(again?.dueAt, nil, "due instant cleared")
    }

    static let staleVersionConflicts = Check("a stale version conflicts and changes nothing") { store, expect in
        let record = try joined("m-1")
        try await store.saveJourney(record, expectedVersion: 0, dueAt: nil)
        let stale = record.taking(.welcome, outcome: .sent, at: start)
        try await expect.storeError(.versionConflict, "saving over version 0 again") {
            try await store.saveJourney(stale, expectedVersion: 0, dueAt: nil)
        }
        try await expect.storeError(.versionConflict, "creating a journey that exists") {
            try await store.saveJourney(try joined("m-1"), expectedVersion: 0, dueAt: nil)
        }
        try expect.equal(try await store.journey(of: "m-1")?.record, record, "journey after the conflicts")
    }

    static let dueQueryPagesInMemberOrder = Check("journeys due before an instant page in member order") {
        store,
        expect in
        for (index, member) in ["m-3", "m-1", "m-2", "m-4"].enumerated() {
            let due: Date? = member == "m-4" ? nil : start.addingTimeInterval(Double(index) * 60)
            try await store.saveJourney(try joined(MemberID(member)), expectedVersion: 0, dueAt: due)
        }
        let first = try await store.journeys(dueBefore: .distantFuture, after: nil, limit: 2)
        try expect.equal(first.map(\.record.member), ["m-1", "m-2"], "first page")
        let second = try await store.journeys(dueBefore: .distantFuture, after: "m-2", limit: 2)
        try expect.equal(second.map(\.record.member), ["m-3"], "second page (m-4 has nothing due)")
        let early = try await store.journeys(dueBefore: start.addingTimeInterval(60), after: nil, limit: 10)
        try expect.equal(early.map(\.record.member), ["m-3"], "due strictly before the cut-off")
    }

    static let leftForFollowsTheCurrentAnswer = Check("journeys by exit reason follow the current answer") {
        store,
        expect in
        try await store.saveJourney(try left("m-2", for: [.tooExpensive]), expectedVersion: 0, dueAt: nil)
        try await store.saveJourney(try left("m-1", for: [.tooExpensive, .other]), expectedVersion: 0, dueAt: nil)
        try await store.saveJourney(try left("m-3", for: [.other]), expectedVersion: 0, dueAt: nil)
        let expensive = try await store.journeys(leftFor: .tooExpensive, after: nil, limit: 10)
        try expect.equal(expensive.map(\.record.member), ["m-1", "m-2"], "left for too_expensive")
        let paged = try await store.journeys(leftFor: .tooExpensive, after: "m-1", limit: 10)
        try expect.equal(paged.map(\.record.member), ["m-2"], "second page")
        // m-1 rejoins: their current membership has no departure, so they are no longer listed.
        let stored = try expect.require(try await store.journey(of: "m-1"), "m-1's journey")
        let later = start.addingTimeInterval(86_400)
        let rejoined = try stored.record.updating(
            MemberFacts(joinedAt: later, lastActivityAt: later, subscription: .active),
            policy: policy,
            at: later
        )
        try await store.saveJourney(rejoined, expectedVersion: stored.record.version, dueAt: nil)
        let after = try await store.journeys(leftFor: .tooExpensive, after: nil, limit: 10)
        try expect.equal(after.map(\.record.member), ["m-2"], "left for too_expensive after m-1 rejoined")
    }

    static let fixIsRecordedOnce = Check("a fix id is recorded once") { store, expect in
        let fix = FixAnnouncement(id: "f-1", reason: .tooExpensive, note: "Cheaper", announcedAt: start)
        try expect.that(try await store.recordFix(fix), "the first record of a fix reported it as known")
        var again = fix
        again.note = "Changed note"
        try expect.that(!(try await store.recordFix(again)), "the second record of a fix reported it as new")
        try expect.equal(try await store.fix("f-1"), fix, "the fix keeps its first announcement")
    }

    static let limitsAreChecked = Check("page limits outside 1…1000 are refused") { store, expect in
        for limit in [0, -1, 1_001] {
            try await expect.storeError(.invalidQuery, "due journeys with limit \(limit)") {
                _ = try await store.journeys(dueBefore: .distantFuture, after: nil, limit: limit)
            }
            try await expect.storeError(.invalidQuery, "journeys by reason with limit \(limit)") {
                _ = try await store.journeys(leftFor: .other, after: nil, limit: limit)
            }
        }
    }
}
