import Foundation

/// Where a member's paid membership stands, as the host's billing knows it.
public enum SubscriptionState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Never subscribed: a prospect.
    case none
    /// On a trial.
    case trial
    /// Paying and active.
    case active
    /// Cancelled by the member.
    case cancelled
    /// Ended without the member asking: a failed payment, or removal.
    case lapsed
}

/// What the host knows about a member's life with the club: the input of the journey.
///
/// The desk never guesses these: the host passes them in (`JourneyDesk.updateFacts(_:_:)` in
/// SupportEngine) when a member joins, is active, or cancels, and the journey's segment and messages
/// follow from them.
public struct MemberFacts: Sendable, Hashable, Codable {
    /// When the member joined (first paid or trial day); `nil` for a prospect.
    public var joinedAt: Date?
    /// The member's last activity in the club (a visit, a post, a lesson watched); `nil` when none
    /// since joining.
    public var lastActivityAt: Date?
    /// Where the membership stands.
    public var subscription: SubscriptionState
    /// When the member asked to cancel, if they did; a member who asked is leaving even while the paid
    /// period runs on.
    public var cancellationRequestedAt: Date?

    /// Creates a member's facts.
    ///
    /// - Parameters:
    ///   - joinedAt: When the member joined, or `nil`.
    ///   - lastActivityAt: The last activity, or `nil`.
    ///   - subscription: Where the membership stands.
    ///   - cancellationRequestedAt: When the member asked to cancel, or `nil`.
    public init(
        joinedAt: Date? = nil,
        lastActivityAt: Date? = nil,
        subscription: SubscriptionState = .none,
        cancellationRequestedAt: Date? = nil
    ) {
        self.joinedAt = joinedAt
        self.lastActivityAt = lastActivityAt
        self.subscription = subscription
        self.cancellationRequestedAt = cancellationRequestedAt
    }

    /// Whether the member has left or is on the way out: cancelled, lapsed, or asked to cancel.
    public var isLeaving: Bool {
        subscription == .cancelled || subscription == .lapsed || cancellationRequestedAt != nil
    }

    /// Whether the member left by their own choice: cancelled, or asked to cancel. A lapse is not.
    public var leftVoluntarily: Bool {
        subscription == .cancelled || (cancellationRequestedAt != nil && subscription != .lapsed)
    }

    /// Checks that the facts hold together.
    ///
    /// - Throws: ``JourneyError`` with ``JourneyError/Code/invalidFacts`` naming the field: a member
    ///   with a subscription but no join date, activity or a cancellation before joining.
    public func validate() throws {
        if subscription != .none, joinedAt == nil {
            throw JourneyError(
                .invalidFacts,
                "joinedAt: a member whose subscription is '\(subscription.rawValue)' needs the date they joined"
            )
        }
        if let joinedAt {
            if let lastActivityAt, lastActivityAt < joinedAt {
                throw JourneyError(.invalidFacts, "lastActivityAt: is earlier than joinedAt")
            }
            if let cancellationRequestedAt, cancellationRequestedAt < joinedAt {
                throw JourneyError(.invalidFacts, "cancellationRequestedAt: is earlier than joinedAt")
            }
        }
    }
}
