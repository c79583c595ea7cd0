import Foundation
import SupportCore

/// What the boundaries policy needs to know about a new message.
public struct BoundariesInput: Sendable, Hashable {
    /// The channel the message came in on.
    public var channel: ChannelKind
    /// The classified contact reason, if known.
    public var reason: ContactReason?
    /// The ticket's priority.
    public var priority: Priority
    /// When the member last got an after-hours notice, on any of their conversations, if ever.
    public var lastAfterHoursNotice: Date?

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - channel: The channel the message came in on.
    ///   - reason: The contact reason, if known.
    ///   - priority: The ticket's priority.
    ///   - lastAfterHoursNotice: When this conversation last got an after-hours notice.
    public init(
        channel: ChannelKind,
        reason: ContactReason? = nil,
        priority: Priority = .normal,
        lastAfterHoursNotice: Date? = nil
    ) {
        self.channel = channel
        self.reason = reason
        self.priority = priority
        self.lastAfterHoursNotice = lastAfterHoursNotice
    }
}

/// An automatic reply to send: a template key and the values the template needs.
///
/// The text comes from the template renderer; values are plain strings (instants as ISO 8601, local
/// times as `yyyy-MM-dd HH:mm` in ``BoundariesPolicy/hours``' time zone).
public struct AutoReply: Sendable, Hashable, Codable {
    /// Which kind of reply.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// "We got your message; expect a reply by …".
        case acknowledgement
        /// "We are closed now; we open at …" — at most once a day per member.
        case afterHours = "after_hours"
        /// "We are away until …", naming the substitute when there is one.
        case absence
        /// "We do not handle this here; go to …".
        case outOfScope = "out_of_scope"

        /// The template key, `boundaries.<kind>`.
        public var templateKey: String { "boundaries.\(rawValue)" }
    }

    /// Which kind of reply.
    public var kind: Kind
    /// The template to render, such as `boundaries.acknowledgement`.
    public var templateKey: String
    /// The values the template needs, by name.
    public var values: [String: String]

    /// Creates a reply.
    ///
    /// - Parameters:
    ///   - kind: Which kind of reply.
    ///   - values: The template's values.
    public init(_ kind: Kind, values: [String: String]) {
        self.kind = kind
        self.templateKey = kind.templateKey
        self.values = values
    }
}

/// What to do about a new message: the automatic replies, the expected reply instant, the routing.
public struct BoundariesDecision: Sendable, Hashable {
    /// The replies to send now, in order.
    public var replies: [AutoReply]
    /// When a reply is promised, or `nil` when out of scope or when no promise applies.
    public var expectedReply: Date?
    /// The promise the expected reply was computed from.
    public var promise: BusinessDuration?
    /// The agent to route to (an absence's substitute), if any.
    public var routeTo: AgentID?
    /// The out-of-scope entry when the reason is not handled.
    public var outOfScope: OutOfScopeReason?
    /// The absence in effect, if any.
    public var absence: Absence?
    /// Whether the channel's hours are open at the instant.
    public var isOpen: Bool

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - replies: The replies to send.
    ///   - expectedReply: The promised reply instant.
    ///   - promise: The promise applied.
    ///   - routeTo: The agent to route to.
    ///   - outOfScope: The out-of-scope entry.
    ///   - absence: The absence in effect.
    ///   - isOpen: Whether the channel is open.
    public init(
        replies: [AutoReply],
        expectedReply: Date? = nil,
        promise: BusinessDuration? = nil,
        routeTo: AgentID? = nil,
        outOfScope: OutOfScopeReason? = nil,
        absence: Absence? = nil,
        isOpen: Bool
    ) {
        self.replies = replies
        self.expectedReply = expectedReply
        self.promise = promise
        self.routeTo = routeTo
        self.outOfScope = outOfScope
        self.absence = absence
        self.isOpen = isOpen
    }

    /// The reply of a kind, if the decision includes one.
    ///
    /// - Parameter kind: The kind.
    /// - Returns: The reply, or `nil`.
    public func reply(_ kind: AutoReply.Kind) -> AutoReply? {
        replies.first { $0.kind == kind }
    }

    /// Whether an after-hours notice is included; the caller records the instant for the conversation.
    public var sendsAfterHoursNotice: Bool { reply(.afterHours) != nil }
}
