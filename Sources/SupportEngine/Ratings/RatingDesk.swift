import Foundation

/// Members' satisfaction ratings of solved tickets.
///
/// Reach it through ``SupportDesk/ratings``. Each rating is checked against the ticket as the desk has
/// it (the requester only, solved or closed tickets only, one rating per ticket) and kept in the desk's
/// ``RatingStore``. Pass ``all()`` to `DeskMetrics.compute(tickets:events:ratings:deadLetters:)`.
///
/// ```swift
/// try await desk.ratings.rate(ticket.id, score: 5, comment: "Quick and kind", by: "anna")
/// ```
public struct RatingDesk: Sendable {
    /// The desk whose tickets are rated.
    let desk: SupportDesk
    /// Where the ratings are kept.
    let store: any RatingStore

    /// The longest comment kept with a rating, in characters: 2,000, like an exit-survey comment.
    public static let maximumCommentLength = 2_000

    /// Every rating kept, oldest first.
    ///
    /// - Returns: The ratings.
    /// - Throws: Whatever the ``RatingStore`` throws.
    public func all() async throws -> [Rating] {
        try await store.allRatings()
    }

    /// The rating of one ticket, if the member rated it.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: The rating, or `nil`.
    /// - Throws: Whatever the ``RatingStore`` throws.
    public func rating(of ticket: TicketID) async throws -> Rating? {
        try await store.rating(of: ticket)
    }

    /// Records a member's rating of their solved ticket.
    ///
    /// - Parameters:
    ///   - ticket: The ticket.
    ///   - score: 1 (bad) to 5 (great).
    ///   - comment: What the member wrote, if anything; trimmed, empty becomes `nil`.
    ///   - member: The member rating; must be the ticket's requester.
    /// - Returns: The saved rating.
    /// - Throws: ``RatingError`` for a score out of range, another member, a ticket not solved or
    ///   closed, a second rating, a comment over ``maximumCommentLength`` or with a NUL character;
    ///   ``DeskError`` with
    ///   ``DeskError/Code/notFound`` for an unknown ticket.
    @discardableResult
    public func rate(
        _ ticket: TicketID,
        score: Int,
        comment: String? = nil,
        by member: MemberID
    ) async throws
        -> Rating
    {
        guard (1...5).contains(score) else {
            throw RatingError(.scoreOutOfRange, "a rating is a score from 1 to 5, not \(score)")
        }
        let current = try await desk.agentView(of: ticket).ticket
        guard current.requester == member else {
            throw RatingError(.notRequester, "only the member who asked may rate ticket \(ticket)")
        }
        guard current.status == .solved || current.status == .closed else {
            throw RatingError(
                .notSolved,
                "ticket \(ticket) is \(current.status): a ticket can be rated once it is solved"
            )
        }
        let trimmed = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmed, trimmed.count > Self.maximumCommentLength {
            throw RatingError(
                .commentTooLong,
                "a rating comment is at most \(Self.maximumCommentLength) characters, not \(trimmed.count): shorten it"
            )
        }
        if let trimmed, StoredText.hasNUL(trimmed) {
            throw RatingError(.invalidComment, StoredText.nulMessage("the rating comment"))
        }
        let rating = Rating(
            ticket: ticket,
            member: member,
            score: score,
            comment: trimmed?.isEmpty == false ? trimmed : nil,
            at: desk.clock.now
        )
        do {
            try await store.save(rating)
        } catch let error as RatingError where error.code == .alreadyRated {
            // A retry of a call whose rating was saved but not reported reports it now; the feed keeps one
            // event per ticket's rating whatever the number of calls.
            if let saved = try await store.rating(of: ticket) { try await desk.report(.rating(saved)) }
            throw error
        }
        try await desk.report(.rating(rating))
        return rating
    }
}

extension SupportDesk {
    /// Members' satisfaction ratings of solved tickets, kept in the desk's ``RatingStore``.
    public nonisolated var ratings: RatingDesk { RatingDesk(desk: self, store: ratingStore) }
}
