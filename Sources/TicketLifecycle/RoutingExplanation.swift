/// Why a ticket has its reason, priority or assignee: the rule or strategy that decided, for the
/// agent view and the audit.
public struct RoutingExplanation: Sendable, Hashable, Codable {
    /// What was decided.
    public enum Aspect: String, Sendable, Hashable, Codable, CaseIterable {
        /// The contact reason.
        case reason
        /// The priority.
        case priority
        /// The assignee (or the queue).
        case assignee
    }

    /// What was decided.
    public var aspect: Aspect
    /// The value chosen, as text (`access`, `urgent`, `olga`, `queue`).
    public var value: String
    /// Why, in words: the rule id and what matched, the strategy, the substitute.
    public var because: String

    /// Creates an explanation.
    ///
    /// - Parameters:
    ///   - aspect: What was decided.
    ///   - value: The value chosen.
    ///   - because: Why.
    public init(aspect: Aspect, value: String, because: String) {
        self.aspect = aspect
        self.value = value
        self.because = because
    }
}
