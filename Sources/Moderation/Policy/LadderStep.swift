/// One step of the conduct ladder: a warning, a final warning, a suspension, or removal.
///
/// Encodes as `{"action": "warning"}` or `{"action": "suspension", "days": 7}`.
public struct LadderStep: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the step does.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        /// Tell the member calmly that the behaviour is not acceptable.
        case warning
        /// Tell the member that the next time they will be removed.
        case finalWarning
        /// Suspend the member for a number of days.
        case suspension
        /// Remove the member from the club.
        case removal
    }

    /// What the step does.
    public var action: Action
    /// The length of a suspension in days; `nil` for every other action.
    public var days: Int?

    /// Creates a step.
    ///
    /// - Parameters:
    ///   - action: What the step does.
    ///   - days: The length of a suspension in days; `nil` for other actions.
    public init(_ action: Action, days: Int? = nil) {
        self.action = action
        self.days = days
    }

    /// A warning.
    public static let warning = LadderStep(.warning)
    /// A final warning.
    public static let finalWarning = LadderStep(.finalWarning)
    /// Removal: the last step of every ladder.
    public static let removal = LadderStep(.removal)

    /// A suspension.
    ///
    /// - Parameter days: The length in days.
    /// - Returns: The step.
    public static func suspension(days: Int) -> LadderStep { LadderStep(.suspension, days: days) }

    /// A short text such as `warning` or `suspension(7d)`.
    public var description: String {
        if let days { return "\(action.rawValue)(\(days)d)" }
        return action.rawValue
    }
}
