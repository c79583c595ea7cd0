/// How the desk classifies, prioritizes and assigns new tickets.
public struct RoutingSettings: Sendable {
    /// Reads the contact reason from a message; the built-in en/ru/es lexicons by default.
    public var classifier: ReasonClassifier
    /// Sets the priority from reason, segment, channel, tier and keywords; the seed defaults by default.
    public var priorities: PriorityPolicy
    /// How agents are chosen.
    public var strategy: AssignmentStrategy
    /// Whether the desk assigns tickets by itself. When `false`, tickets wait in the queue for agents
    /// to take them.
    public var autoAssign: Bool

    /// Creates routing settings.
    ///
    /// - Parameters:
    ///   - classifier: Reads the contact reason from a message.
    ///   - priorities: Sets the priority.
    ///   - strategy: How agents are chosen.
    ///   - autoAssign: Whether the desk assigns tickets by itself.
    public init(
        classifier: ReasonClassifier = .builtIn,
        priorities: PriorityPolicy = .builtIn,
        strategy: AssignmentStrategy = .skillsAndLanguage,
        autoAssign: Bool = true
    ) {
        self.classifier = classifier
        self.priorities = priorities
        self.strategy = strategy
        self.autoAssign = autoAssign
    }
}
