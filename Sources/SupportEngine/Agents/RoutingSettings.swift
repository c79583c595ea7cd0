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
    /// The configuration ``classifier`` was compiled from, kept so the settings can be written back as
    /// JSON (``DeskConfiguration/encode(to:)``); `nil` for the built-in classifier or one compiled
    /// elsewhere. Routing reads only ``classifier``.
    public var classifierConfiguration: ClassifierConfiguration?

    /// Creates routing settings.
    ///
    /// - Parameters:
    ///   - classifier: Reads the contact reason from a message.
    ///   - priorities: Sets the priority.
    ///   - strategy: How agents are chosen.
    ///   - autoAssign: Whether the desk assigns tickets by itself.
    ///   - classifierConfiguration: The configuration the classifier was compiled from, if any.
    public init(
        classifier: ReasonClassifier = .builtIn,
        priorities: PriorityPolicy = .builtIn,
        strategy: AssignmentStrategy = .skillsAndLanguage,
        autoAssign: Bool = true,
        classifierConfiguration: ClassifierConfiguration? = nil
    ) {
        self.classifier = classifier
        self.priorities = priorities
        self.strategy = strategy
        self.autoAssign = autoAssign
        self.classifierConfiguration = classifierConfiguration
    }

    /// Creates routing settings whose classifier is compiled from a configuration, kept in
    /// ``classifierConfiguration``.
    ///
    /// - Parameters:
    ///   - classifierConfiguration: How contact reasons are read.
    ///   - priorities: Sets the priority.
    ///   - strategy: How agents are chosen.
    ///   - autoAssign: Whether the desk assigns tickets by itself.
    /// - Throws: `RoutingError` when a classification rule is malformed.
    public init(
        compiling classifierConfiguration: ClassifierConfiguration,
        priorities: PriorityPolicy = .builtIn,
        strategy: AssignmentStrategy = .skillsAndLanguage,
        autoAssign: Bool = true
    ) throws {
        self.init(
            classifier: try ReasonClassifier(configuration: classifierConfiguration),
            priorities: priorities,
            strategy: strategy,
            autoAssign: autoAssign,
            classifierConfiguration: classifierConfiguration
        )
    }
}
