import Foundation

/// A ``RatingStore`` in memory, for tests, demos and simulations.
public actor InMemoryRatingStore: RatingStore {
    private var byTicket: [TicketID: Rating] = [:]
    private var order: [TicketID] = []

    /// Creates an empty store.
    public init() {}

    /// Saves a rating.
    ///
    /// - Parameter rating: The rating.
    /// - Throws: ``RatingError`` with ``RatingError/Code/alreadyRated`` when the ticket has one,
    ///   ``RatingError/Code/scoreOutOfRange`` or ``RatingError/Code/invalidComment`` for a rating no
    ///   store keeps; nothing is saved then.
    public func save(_ rating: Rating) throws {
        try rating.validateForStorage()
        guard byTicket[rating.ticket] == nil else {
            throw RatingError(.alreadyRated, "ticket \(rating.ticket) is already rated: a ticket takes one rating")
        }
        byTicket[rating.ticket] = rating
        order.append(rating.ticket)
    }

    /// The rating of a ticket, if any.
    ///
    /// - Parameter ticket: The ticket.
    /// - Returns: The rating.
    public func rating(of ticket: TicketID) -> Rating? { byTicket[ticket] }

    /// Every rating, in the order they were given.
    ///
    /// - Returns: The ratings.
    public func allRatings() -> [Rating] { order.compactMap { byTicket[$0] } }

    /// Redacts the comments of a member's ratings; see ``RatingStore/eraseMember(_:redaction:)``.
    ///
    /// - Parameters:
    ///   - member: The member.
    ///   - redaction: The replacement text.
    /// - Returns: How many comments were redacted.
    public func eraseMember(_ member: MemberID, redaction: String) async -> ErasureCounts {
        var counts = ErasureCounts()
        for (ticket, rating) in byTicket where rating.member == member {
            guard let comment = rating.comment, comment != redaction else { continue }
            byTicket[ticket]?.comment = redaction
            counts.ratingComments += 1
        }
        return counts
    }
}
