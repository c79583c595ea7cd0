/// One step of a ``PriorityPolicy``: when the condition holds, the ticket gets the priority.
///
/// In JSON: `{"name": "burning-access", "when": {"reasons": ["access"]}, "priority": "urgent"}`.
public struct PriorityRule: Hashable, Sendable, Codable {
    /// The rule's stable name, recorded in ``PriorityDecision/ruleName`` for the audit.
    public var name: String
    /// When the rule applies.
    public var when: PriorityCondition
    /// The priority the rule gives.
    public var priority: Priority

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - name: The rule's stable name.
    ///   - when: When the rule applies.
    ///   - priority: The priority the rule gives.
    public init(name: String, when: PriorityCondition, priority: Priority) {
        self.name = name
        self.when = when
        self.priority = priority
    }
}

/// What a ``PriorityPolicy`` knows about a ticket when it decides.
public struct PriorityInput: Hashable, Sendable {
    /// The ticket's contact reason, usually from ``ReasonClassifier``.
    public var reason: ContactReason
    /// The member's segment, when known.
    public var segment: MemberSegment?
    /// The channel the message came through.
    public var channel: ChannelKind?
    /// The ticket's tags.
    public var tags: Set<String>
    /// The member's tier, a host string such as `"gold"`, when known.
    public var tier: String?
    /// The subject, when the channel has one.
    public var subject: String?
    /// The message text.
    public var body: String

    /// Creates an input.
    ///
    /// - Parameters:
    ///   - reason: The ticket's contact reason.
    ///   - segment: The member's segment, when known.
    ///   - channel: The channel the message came through.
    ///   - tags: The ticket's tags.
    ///   - tier: The member's tier, when known.
    ///   - subject: The subject, when there is one.
    ///   - body: The message text.
    public init(
        reason: ContactReason,
        segment: MemberSegment? = nil,
        channel: ChannelKind? = nil,
        tags: Set<String> = [],
        tier: String? = nil,
        subject: String? = nil,
        body: String = ""
    ) {
        self.reason = reason
        self.segment = segment
        self.channel = channel
        self.tags = tags
        self.tier = tier
        self.subject = subject
        self.body = body
    }
}

/// The priority a ``PriorityPolicy`` gave a ticket, and the rule that gave it.
public struct PriorityDecision: Hashable, Sendable, Codable {
    /// The priority.
    public var priority: Priority
    /// The name of the first rule that matched, or `nil` when the policy's default applied.
    public var ruleName: String?

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - priority: The priority.
    ///   - ruleName: The rule that matched, or `nil` for the default.
    public init(priority: Priority, ruleName: String?) {
        self.priority = priority
        self.ruleName = ruleName
    }

    /// Whether no rule matched and the policy's default applied.
    public var isDefault: Bool { ruleName == nil }
}
