import Foundation
import SupportEngine

/// The contract every `RatingStore` must keep, as checks an adapter runs from its own tests.
///
/// Each ``Check`` gets a fresh, empty store and throws a ``ConformanceFailure`` naming what the store
/// did wrong. With Swift Testing, run them one test case each:
///
/// ```swift
/// @Test(arguments: RatingStoreConformance.checks)
/// func conformance(_ check: RatingStoreConformance.Check) async throws {
///     try await check.run(against: MyPostgresRatingStore(…))
/// }
/// ```
///
/// or all at once with ``run(against:)``.
public enum RatingStoreConformance {
    /// One named check of the contract.
    public typealias Check = ConformanceCheck<any RatingStore>

    /// Runs every check, each against a fresh store.
    ///
    /// - Parameter makeStore: Makes an empty store.
    /// - Throws: The first failure.
    public static func run(against makeStore: () async throws -> any RatingStore) async throws {
        for check in checks { try await check.run(against: try await makeStore()) }
    }

    /// Every check of the contract.
    public static let checks: [Check] = [
        emptyStoreReadsNothing, saveThenRead, secondRatingIsRefused, ratingsArePerTicket,
        allRatingsInOrderGiven, nulCommentIsRefused, scoreOutOfRangeIsRefused, concurrentSavesKeepOneEach,
    ]

    static let emptyStoreReadsNothing = Check("an empty store reads nothing") { store, expect in
        try expect.that(try await store.rating(of: "T-1") == nil, "an empty store returned a rating")
        try expect.equal(try await store.allRatings(), [], "every rating of an empty store")
    }

    static let saveThenRead = Check("a rating saves and reads back as given") { store, expect in
        let rating = Fixture.rating("T-1", score: 4, comment: "Quick and kind — merci, 谢谢", minutes: 1)
        try await store.save(rating)
        try expect.equal(try await store.rating(of: "T-1"), rating, "rating read back")
        let bare = Fixture.rating("T-2", score: 1, comment: nil, minutes: 2)
        try await store.save(bare)
        try expect.equal(try await store.rating(of: "T-2"), bare, "a rating without a comment")
        try expect.that(try await store.rating(of: "T-3") == nil, "an unrated ticket returned a rating")
    }

    static let secondRatingIsRefused = Check("a second rating of a ticket is refused and the first kept") {
        store,
        expect in
        let first = Fixture.rating("T-1", score: 5, comment: "Great", minutes: 1)
        try await store.save(first)
        try await Fixture.ratingError(.alreadyRated, "a second rating of T-1", expect) {
            try await store.save(Fixture.rating("T-1", score: 1, comment: "Changed my mind", minutes: 2))
        }
        try await Fixture.ratingError(.alreadyRated, "the same rating again", expect) {
            try await store.save(first)
        }
        try expect.equal(try await store.rating(of: "T-1"), first, "rating after the refusals")
        try expect.equal(try await store.allRatings(), [first], "every rating after the refusals")
    }

    static let ratingsArePerTicket = Check("ratings are kept per ticket") { store, expect in
        let anna = Fixture.rating("T-1", score: 2, comment: nil, minutes: 1, member: "anna")
        let boris = Fixture.rating("T-2", score: 5, comment: "Thanks", minutes: 2, member: "boris")
        let annaAgain = Fixture.rating("T-3", score: 3, comment: nil, minutes: 3, member: "anna")
        for rating in [anna, boris, annaAgain] { try await store.save(rating) }
        try expect.equal(try await store.rating(of: "T-1"), anna, "T-1's rating")
        try expect.equal(try await store.rating(of: "T-2"), boris, "T-2's rating")
        try expect.equal(try await store.rating(of: "T-3"), annaAgain, "T-3's rating")
    }

    static let allRatingsInOrderGiven = Check("every rating is listed, in the order given") { store, expect in
        // Saved out of id and time order: the list follows the saves.
        let ratings = (0..<25).map { index in
            Fixture.rating(
                TicketID("T-\((index * 7) % 25)"),
                score: index % 5 + 1,
                comment: index.isMultiple(of: 3) ? "comment \(index)" : nil,
                minutes: 100 - index
            )
        }
        for rating in ratings { try await store.save(rating) }
        try expect.equal(try await store.allRatings(), ratings, "every rating")
    }

    static let nulCommentIsRefused = Check("a comment with a NUL character is refused and nothing is stored") {
        store,
        expect in
        try await Fixture.ratingError(.invalidComment, "a comment with a NUL character", expect) {
            try await store.save(Fixture.rating("T-1", score: 3, comment: "before\u{0}after", minutes: 1))
        }
        try expect.that(try await store.rating(of: "T-1") == nil, "a refused rating was stored")
        let clean = Fixture.rating("T-1", score: 3, comment: "before after", minutes: 2)
        try await store.save(clean)
        try expect.equal(try await store.allRatings(), [clean], "every rating after the refusal")
    }

    static let scoreOutOfRangeIsRefused = Check("a score outside 1…5 is refused and nothing is stored") {
        store,
        expect in
        for score in [0, 6, -1, Int.max] {
            try await Fixture.ratingError(.scoreOutOfRange, "score \(score)", expect) {
                try await store.save(Fixture.rating("T-1", score: score, comment: nil, minutes: 1))
            }
        }
        try expect.equal(try await store.allRatings(), [], "every rating after the refusals")
    }

    static let concurrentSavesKeepOneEach = Check("concurrent saves keep exactly one rating per ticket") {
        store,
        expect in
        // Ten tickets, each rated four times at once: one save of each ticket wins, three are refused.
        let attempts = (0..<40).map { index in
            Fixture.rating(TicketID("T-\(index % 10)"), score: index / 10 + 1, comment: "try \(index)", minutes: index)
        }
        let outcomes = try await withThrowingTaskGroup(of: (Rating, Bool).self) { group in
            for rating in attempts {
                group.addTask {
                    do {
                        try await store.save(rating)
                        return (rating, true)
                    } catch let error as RatingError where error.code == .alreadyRated {
                        return (rating, false)
                    }
                }
            }
            var all: [(Rating, Bool)] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        let saved = outcomes.filter(\.1).map(\.0)
        try expect.equal(saved.count, 10, "saves that succeeded")
        try expect.equal(Set(saved.map(\.ticket)).count, 10, "tickets with a successful save")
        for rating in saved {
            try expect.equal(
                try await store.rating(of: rating.ticket),
                rating,
                "the winning rating of \(rating.ticket)"
            )
        }
        let all = try await store.allRatings()
        try expect.equal(Set(all), Set(saved), "every rating after the concurrent saves")
        try expect.equal(all.count, 10, "ratings listed")
    }

    /// Values for the checks, at whole seconds so that any date encoding keeps them exactly.
    private enum Fixture {
        static let start = Date(timeIntervalSince1970: 1_767_603_600)

        static func rating(
            _ ticket: TicketID,
            score: Int,
            comment: String?,
            minutes: Int,
            member: MemberID = "m-1"
        ) -> Rating {
            Rating(
                ticket: ticket,
                member: member,
                score: score,
                comment: comment,
                at: start.addingTimeInterval(TimeInterval(minutes * 60))
            )
        }

        /// Expects `operation` to throw a ``RatingError`` with `code`.
        static func ratingError(
            _ code: RatingError.Code,
            _ what: String,
            _ expect: ConformanceExpect,
            _ operation: () async throws -> Void
        ) async throws {
            do {
                try await operation()
            } catch let error as RatingError {
                try expect.that(error.code == code, "\(what): expected \(code), got \(error)")
                return
            } catch {
                try expect.that(false, "\(what): expected RatingError \(code), got \(error)")
            }
            try expect.that(false, "\(what): expected RatingError \(code), but it succeeded")
        }
    }
}
