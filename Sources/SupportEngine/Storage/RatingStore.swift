import Foundation

/// Where satisfaction ratings live: one rating per ticket.
///
/// A ticket's first rating stands: a second one is refused, never written over the first, also when
/// two desks save at once. A rating no store can keep (a score outside 1…5, a comment with a NUL
/// character) is refused alike by every store. `SupportEngineTesting`'s `RatingStoreConformance`
/// checks an adapter against this contract.
public protocol RatingStore: Sendable {
    /// Saves a rating.
    ///
    /// - Parameter rating: The rating.
    /// - Throws: ``RatingError`` with ``RatingError/Code/alreadyRated`` when the ticket has one,
    ///   ``RatingError/Code/scoreOutOfRange`` for a score outside 1…5, ``RatingError/Code/invalidComment``
    ///   for a comment with a NUL character (see ``Rating/validateForStorage()``); nothing is saved then.
    func save(_ rating: Rating) async throws

    /// The rating of a ticket, if any.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: The rating.
    func rating(of ticket: TicketID) async throws -> Rating?

    /// Every rating, in the order they were given.
    ///
    /// - Returns: The ratings.
    func allRatings() async throws -> [Rating]

    /// Erases a member's personal data from their ratings: each comment is replaced by `redaction`;
    /// tickets, scores and times are kept. Erasing again changes nothing.
    ///
    /// An adapter that does not implement it inherits a default that throws
    /// ``StoreError/Code/unsupported``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The text that replaces what was erased.
    /// - Returns: How many comments were redacted.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func eraseMember(_ member: MemberID, redaction: String) async throws -> ErasureCounts
}

extension Rating {
    /// Checks what every ``RatingStore`` checks before it saves: a score from 1 to 5 and a comment
    /// without a NUL character (U+0000), which PostgreSQL's `text` cannot hold.
    ///
    /// - Throws: ``RatingError`` with ``RatingError/Code/scoreOutOfRange`` or
    ///   ``RatingError/Code/invalidComment``.
    public func validateForStorage() throws {
        guard (1...5).contains(score) else {
            throw RatingError(.scoreOutOfRange, "the rating of ticket \(ticket) has score \(score): a score is 1 to 5")
        }
        if let comment, StoredText.hasNUL(comment) {
            throw RatingError(.invalidComment, StoredText.nulMessage("the rating comment of ticket \(ticket)"))
        }
    }
}
