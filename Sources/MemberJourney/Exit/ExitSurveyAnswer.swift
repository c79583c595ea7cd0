import Foundation

/// A leaver's answer to the exit survey: the reasons they chose and their own words.
public struct ExitSurveyAnswer: Sendable, Hashable, Codable {
    /// The reasons chosen, at least one, each once, in the order given.
    public var reasons: [ExitReason]
    /// The member's own words, if any.
    public var comment: String?
    /// When the member answered.
    public var at: Date

    /// Creates an answer.
    ///
    /// - Parameters:
    ///   - reasons: The reasons chosen.
    ///   - comment: The member's own words.
    ///   - at: When the member answered.
    public init(reasons: [ExitReason], comment: String? = nil, at: Date) {
        self.reasons = reasons
        self.comment = comment
        self.at = at
    }
}
