/// Why a member left: one answer of the exit survey.
///
/// An open vocabulary: the built-in reasons follow the community seed article; a club adds its own
/// with ``init(rawValue:)`` and lists the ones its survey offers in ``JourneyPolicy/exitReasons``.
public struct ExitReason: OpenVocabulary {
    /// The reason's stable name.
    public let rawValue: String

    /// Creates a reason from its stable name.
    ///
    /// - Parameter rawValue: The name, for example `"too_expensive"`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The membership costs too much.
    public static let tooExpensive = ExitReason(rawValue: "too_expensive")
    /// The member has no time for it.
    public static let notEnoughTime = ExitReason(rawValue: "not_enough_time")
    /// The content was not what the member expected.
    public static let contentNotExpected = ExitReason(rawValue: "content_not_expected")
    /// Technical problems: access, the app, broken features.
    public static let technicalProblems = ExitReason(rawValue: "technical_problems")
    /// The support the member got.
    public static let supportExperience = ExitReason(rawValue: "support_experience")
    /// Something else; the comment says what.
    public static let other = ExitReason(rawValue: "other")

    /// Every built-in reason, in the order a survey lists them.
    public static let builtIn: [ExitReason] = [
        .tooExpensive, .notEnoughTime, .contentNotExpected, .technicalProblems, .supportExperience, .other,
    ]

    /// Whether the name is usable as a stored key: 1 to 100 letters, digits, `_` or `-`.
    public var isStableName: Bool {
        guard !rawValue.isEmpty, rawValue.utf8.count <= 400 else { return false }
        var count = 0
        for scalar in rawValue.unicodeScalars {
            count += 1
            let allowed =
                scalar == "_" || scalar == "-" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
            guard allowed, count <= 100 else { return false }
        }
        return true
    }
}
