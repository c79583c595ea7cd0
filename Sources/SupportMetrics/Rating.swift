import Foundation
import SupportCore

/// A member's satisfaction rating of a solved ticket: a score from 1 to 5 and an optional comment.
public struct Rating: Sendable, Hashable, Codable {
    /// The rated ticket.
    public var ticket: TicketID
    /// The member who rated it: always the ticket's requester.
    public var member: MemberID
    /// The score, 1 (bad) to 5 (great).
    public var score: Int
    /// What the member wrote, if anything.
    public var comment: String?
    /// When the rating was given.
    public var at: Date

    /// Creates a rating.
    ///
    /// - Parameters:
    ///   - ticket: The rated ticket.
    ///   - member: The member who rated it.
    ///   - score: The score, 1 to 5.
    ///   - comment: What the member wrote.
    ///   - at: When the rating was given.
    public init(ticket: TicketID, member: MemberID, score: Int, comment: String? = nil, at: Date) {
        self.ticket = ticket
        self.member = member
        self.score = score
        self.comment = comment
        self.at = at
    }
}
