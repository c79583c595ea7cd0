/// What kind of conduct broke the club's rules.
///
/// The built-in kinds are the difficult behaviours the seeds name; a host adds its own with
/// ``init(rawValue:)`` (for example `ViolationKind(rawValue: "doxxing")`). A kind encodes as its
/// raw string.
public struct ViolationKind: OpenVocabulary {
    /// The kind's stable name.
    public let rawValue: String

    /// Creates a kind from its stable name.
    ///
    /// - Parameter rawValue: The name, for example `"spam"`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Rude or insulting language towards staff or members.
    public static let rudeness = ViolationKind(rawValue: "rudeness")
    /// Threats, shouting, hostile behaviour.
    public static let aggression = ViolationKind(rawValue: "aggression")
    /// Harassing a person: repeated unwanted contact, personal attacks.
    public static let harassment = ViolationKind(rawValue: "harassment")
    /// Advertising, flooding, unsolicited links.
    public static let spam = ViolationKind(rawValue: "spam")
    /// Misuse of the support line, such as asking for personal consultations after the boundaries
    /// of the support line were stated.
    public static let supportLineMisuse = ViolationKind(rawValue: "support_line_misuse")

    /// Every built-in kind.
    public static let builtIn: [ViolationKind] = [.rudeness, .aggression, .harassment, .spam, .supportLineMisuse]
}

/// How serious a violation is; a severe one can start higher on the ladder.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A lapse: the usual first warning.
    case minor
    /// A clear breach of the rules.
    case major
    /// A serious breach: threats, harassment, abuse.
    case severe

    private var rank: Int {
        switch self {
        case .minor: 0
        case .major: 1
        case .severe: 2
        }
    }

    /// Orders severities from ``minor`` to ``severe``.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
