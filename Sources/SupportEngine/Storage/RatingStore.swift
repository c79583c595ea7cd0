import Foundation

/// Where satisfaction ratings live: one rating per ticket.
public protocol RatingStore: Sendable {
    /// Saves a rating.
    ///
    /// - Parameter rating: The rating.
    /// - Throws: ``RatingError`` with ``RatingError/Code/alreadyRated`` when the ticket has one.
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
}
