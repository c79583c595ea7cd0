import Foundation
import SupportCore

/// What a report needs to know about one ticket: plain facts, read from the ticket and its rating.
///
/// `SupportEngine` makes them from ticket snapshots; a host with its own data can make them too.
public struct TicketFacts: Sendable, Hashable, Codable {
    /// The ticket's id.
    public var id: TicketID
    /// When it was created.
    public var createdAt: Date
    /// The channel it arrived on.
    public var channel: ChannelKind
    /// Why the member wrote.
    public var reason: ContactReason
    /// How urgent it is.
    public var priority: Priority
    /// The agent it is assigned to, if any.
    public var agent: AgentID?
    /// When the support side first replied in public, if it did.
    public var firstReplyAt: Date?
    /// When it was first solved, if it was.
    public var resolvedAt: Date?
    /// Whether the first reply met its promise: `nil` when no promise was measured.
    public var firstReplyOnTime: Bool?
    /// Whether the resolution met its promise: `nil` when no promise was measured.
    public var resolutionOnTime: Bool?
    /// The member's rating, 1 to 5, if any.
    public var rating: Int?

    /// Creates the facts.
    ///
    /// - Parameters:
    ///   - id: The ticket's id.
    ///   - createdAt: When it was created.
    ///   - channel: The channel it arrived on.
    ///   - reason: Why the member wrote.
    ///   - priority: How urgent it is.
    ///   - agent: The agent it is assigned to.
    ///   - firstReplyAt: When the support side first replied in public.
    ///   - resolvedAt: When it was first solved.
    ///   - firstReplyOnTime: Whether the first reply met its promise, `nil` when not measured.
    ///   - resolutionOnTime: Whether the resolution met its promise, `nil` when not measured.
    ///   - rating: The member's rating, 1 to 5.
    public init(
        id: TicketID,
        createdAt: Date,
        channel: ChannelKind,
        reason: ContactReason,
        priority: Priority,
        agent: AgentID? = nil,
        firstReplyAt: Date? = nil,
        resolvedAt: Date? = nil,
        firstReplyOnTime: Bool? = nil,
        resolutionOnTime: Bool? = nil,
        rating: Int? = nil
    ) {
        self.id = id
        self.createdAt = createdAt
        self.channel = channel
        self.reason = reason
        self.priority = priority
        self.agent = agent
        self.firstReplyAt = firstReplyAt
        self.resolvedAt = resolvedAt
        self.firstReplyOnTime = firstReplyOnTime
        self.resolutionOnTime = resolutionOnTime
        self.rating = rating
    }

    /// Seconds from creation to the first public reply, if there was one.
    public var firstReplySeconds: TimeInterval? { firstReplyAt.map { max($0.timeIntervalSince(createdAt), 0) } }
    /// Seconds from creation to the first solve, if there was one.
    public var resolutionSeconds: TimeInterval? { resolvedAt.map { max($0.timeIntervalSince(createdAt), 0) } }
}
