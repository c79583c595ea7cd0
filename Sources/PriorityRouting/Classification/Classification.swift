/// The contact reason a message was given, and why.
///
/// Kept with the ticket for the audit: ``source`` says whether the reason came from the message's
/// explicit field, from a rule (``ruleID`` and ``matchedPattern`` say which), or is the fallback
/// `ContactReason.other`.
public struct Classification: Hashable, Sendable, Codable {
    /// Where a classification came from.
    public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
        /// The message carried the reason itself, such as a web form's field.
        case explicit
        /// A classification rule matched the subject or body.
        case rule
        /// Nothing matched: the reason is `ContactReason.other`.
        case fallback
    }

    /// The reason.
    public var reason: ContactReason
    /// Where the reason came from.
    public var source: Source
    /// The id of the winning rule, when ``source`` is ``Source/rule``.
    public var ruleID: String?
    /// The winning rule's strongest pattern found in the message, as written in the rule.
    public var matchedPattern: String?
    /// The winning rule's points: its weight times the patterns found (subject counts twice); 0 otherwise.
    public var score: Int
    /// The language the message seems written in: the language whose rules found the most points in it,
    /// or `nil` when no rule with a language matched or two languages tie. The desk answers a sender
    /// it has no profile for in this language.
    public var language: LocaleTag?

    /// Creates a classification.
    ///
    /// - Parameters:
    ///   - reason: The reason.
    ///   - source: Where the reason came from.
    ///   - ruleID: The id of the winning rule, if any.
    ///   - matchedPattern: The winning rule's strongest pattern found, if any.
    ///   - score: The winning rule's points.
    ///   - language: The language the message seems written in, if known.
    public init(
        reason: ContactReason,
        source: Source,
        ruleID: String? = nil,
        matchedPattern: String? = nil,
        score: Int = 0,
        language: LocaleTag? = nil
    ) {
        self.reason = reason
        self.source = source
        self.ruleID = ruleID
        self.matchedPattern = matchedPattern
        self.score = score
        self.language = language
    }
}
