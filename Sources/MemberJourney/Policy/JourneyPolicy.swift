import Foundation

/// How a club walks its members through their life with it: when a newcomer becomes a regular, when a
/// regular counts as quiet, when the welcome and the check-ins go out, and what the exit survey asks.
///
/// A value type: the desk holds one in its configuration, and every decision is a pure function of the
/// policy, a member's ``JourneyRecord`` and an instant. In JSON the durations are in days:
///
/// ```json
/// { "newcomerDays": 30, "quietAfterDays": 21, "quietMarginDays": 7, "welcomeDelayDays": 0,
///   "onboardingCheckInDays": 7, "quietCheckInEveryDays": 30, "exitSurveyWithinDays": 14,
///   "exitReasons": ["too_expensive", "not_enough_time", "other"] }
/// ```
public struct JourneyPolicy: Sendable, Hashable {
    /// How long a member counts as a newcomer after joining.
    public var newcomerPeriod: TimeInterval
    /// How long without activity before a regular counts as quiet.
    public var quietAfter: TimeInterval
    /// The hysteresis band: a quiet member counts as regular again only once their last activity is
    /// at most ``quietAfter`` minus this long ago, so nobody flips between the two day to day.
    public var quietMargin: TimeInterval
    /// How long after joining the welcome goes out; `0` sends it at once.
    public var welcomeDelay: TimeInterval
    /// How long after joining the onboarding check-in ("how is it going? shall we meet?") goes out.
    public var onboardingCheckInDelay: TimeInterval
    /// The shortest time between two quiet check-ins to one member.
    public var quietCheckInInterval: TimeInterval
    /// How long after a cancellation the exit survey may still go out: a member reported as cancelled
    /// long ago (an import) is not asked.
    public var exitSurveyWindow: TimeInterval
    /// The reasons the exit survey offers, in order; ``ExitReason/other`` invites a comment.
    public var exitReasons: [ExitReason]
    /// The longest comment a leaver may write, in characters.
    public var maximumCommentLength: Int

    /// One day in seconds.
    public static let day: TimeInterval = 86_400

    /// Creates a policy; the defaults follow the community seed article.
    ///
    /// - Parameters:
    ///   - newcomerPeriod: How long a member is a newcomer; 30 days.
    ///   - quietAfter: Inactivity before a regular is quiet; 21 days.
    ///   - quietMargin: The hysteresis band; 7 days.
    ///   - welcomeDelay: Delay of the welcome after joining; at once.
    ///   - onboardingCheckInDelay: Delay of the onboarding check-in; 7 days.
    ///   - quietCheckInInterval: The least time between quiet check-ins; 30 days.
    ///   - exitSurveyWindow: How long after a cancellation the survey may go out; 14 days.
    ///   - exitReasons: The exit survey's reasons; the built-in ones.
    ///   - maximumCommentLength: The longest exit comment; 2,000 characters.
    public init(
        newcomerPeriod: TimeInterval = 30 * day,
        quietAfter: TimeInterval = 21 * day,
        quietMargin: TimeInterval = 7 * day,
        welcomeDelay: TimeInterval = 0,
        onboardingCheckInDelay: TimeInterval = 7 * day,
        quietCheckInInterval: TimeInterval = 30 * day,
        exitSurveyWindow: TimeInterval = 14 * day,
        exitReasons: [ExitReason] = ExitReason.builtIn,
        maximumCommentLength: Int = 2_000
    ) {
        self.newcomerPeriod = newcomerPeriod
        self.quietAfter = quietAfter
        self.quietMargin = quietMargin
        self.welcomeDelay = welcomeDelay
        self.onboardingCheckInDelay = onboardingCheckInDelay
        self.quietCheckInInterval = quietCheckInInterval
        self.exitSurveyWindow = exitSurveyWindow
        self.exitReasons = exitReasons
        self.maximumCommentLength = maximumCommentLength
    }

    /// Checks that the policy is usable.
    ///
    /// - Throws: ``JourneyError`` with ``JourneyError/Code/invalidPolicy`` naming the field: a negative
    ///   or non-finite duration, a margin not below ``quietAfter``, a welcome or check-in that would fall
    ///   after the newcomer period, an empty or repeated reason list.
    public func validate() throws {
        func fail(_ path: String, _ problem: String) -> JourneyError {
            JourneyError(.invalidPolicy, "\(path): \(problem)")
        }
        let durations: [(String, TimeInterval)] = [
            ("newcomerDays", newcomerPeriod), ("quietAfterDays", quietAfter), ("quietMarginDays", quietMargin),
            ("welcomeDelayDays", welcomeDelay), ("onboardingCheckInDays", onboardingCheckInDelay),
            ("quietCheckInEveryDays", quietCheckInInterval), ("exitSurveyWithinDays", exitSurveyWindow),
        ]
        for (path, value) in durations where !value.isFinite || value < 0 {
            throw fail(path, "must be a finite number of days, zero or more")
        }
        guard newcomerPeriod > 0 else { throw fail("newcomerDays", "must be more than zero") }
        guard quietAfter > 0 else { throw fail("quietAfterDays", "must be more than zero") }
        guard quietMargin < quietAfter else {
            throw fail("quietMarginDays", "must be less than quietAfterDays, or nobody could ever stop being quiet")
        }
        guard quietCheckInInterval > 0 else { throw fail("quietCheckInEveryDays", "must be more than zero") }
        guard exitSurveyWindow > 0 else { throw fail("exitSurveyWithinDays", "must be more than zero") }
        guard welcomeDelay < newcomerPeriod else {
            throw fail("welcomeDelayDays", "must be less than newcomerDays: the welcome goes to newcomers")
        }
        guard onboardingCheckInDelay < newcomerPeriod else {
            throw fail("onboardingCheckInDays", "must be less than newcomerDays: the check-in goes to newcomers")
        }
        guard !exitReasons.isEmpty else { throw fail("exitReasons", "list at least one reason") }
        var seen = Set<ExitReason>()
        for (index, reason) in exitReasons.enumerated() {
            guard reason.isStableName else {
                throw fail("exitReasons[\(index)]", "'\(reason)' must be 1 to 100 letters, digits, '_' or '-'")
            }
            guard seen.insert(reason).inserted else {
                throw fail("exitReasons[\(index)]", "'\(reason)' is listed twice")
            }
        }
        guard maximumCommentLength > 0 else { throw fail("maximumCommentLength", "must be more than zero") }
    }
}

extension JourneyPolicy: Codable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private enum CodingKeys: String, CodingKey {
        case newcomerDays, quietAfterDays, quietMarginDays, welcomeDelayDays, onboardingCheckInDays
        case quietCheckInEveryDays, exitSurveyWithinDays, exitReasons, maximumCommentLength
    }

    /// Decodes a policy from its JSON form (durations in days); missing fields take the defaults.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for malformed JSON, or ``JourneyError`` with
    ///   ``JourneyError/Code/invalidPolicy`` naming the field, or an unknown key (a misspelling would
    ///   otherwise fall back to the default silently).
    public init(from decoder: any Decoder) throws {
        let everything = try decoder.container(keyedBy: AnyKey.self)
        for key in everything.allKeys where CodingKeys(stringValue: key.stringValue) == nil {
            throw JourneyError(
                .invalidPolicy,
                "\(key.stringValue): unknown key; a journey policy has newcomerDays, quietAfterDays, quietMarginDays, "
                    + "welcomeDelayDays, onboardingCheckInDays, quietCheckInEveryDays, exitSurveyWithinDays, "
                    + "exitReasons and maximumCommentLength"
            )
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = JourneyPolicy()
        func days(_ key: CodingKeys, _ fallback: TimeInterval) throws -> TimeInterval {
            try container.decodeIfPresent(Double.self, forKey: key).map { $0 * Self.day } ?? fallback
        }
        self.init(
            newcomerPeriod: try days(.newcomerDays, defaults.newcomerPeriod),
            quietAfter: try days(.quietAfterDays, defaults.quietAfter),
            quietMargin: try days(.quietMarginDays, defaults.quietMargin),
            welcomeDelay: try days(.welcomeDelayDays, defaults.welcomeDelay),
            onboardingCheckInDelay: try days(.onboardingCheckInDays, defaults.onboardingCheckInDelay),
            quietCheckInInterval: try days(.quietCheckInEveryDays, defaults.quietCheckInInterval),
            exitSurveyWindow: try days(.exitSurveyWithinDays, defaults.exitSurveyWindow),
            exitReasons: try container.decodeIfPresent([ExitReason].self, forKey: .exitReasons)
                ?? defaults.exitReasons,
            maximumCommentLength: try container.decodeIfPresent(Int.self, forKey: .maximumCommentLength)
                ?? defaults.maximumCommentLength
        )
        try validate()
    }

    /// Encodes the policy in its JSON form, durations in days.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(newcomerPeriod / Self.day, forKey: .newcomerDays)
        try container.encode(quietAfter / Self.day, forKey: .quietAfterDays)
        try container.encode(quietMargin / Self.day, forKey: .quietMarginDays)
        try container.encode(welcomeDelay / Self.day, forKey: .welcomeDelayDays)
        try container.encode(onboardingCheckInDelay / Self.day, forKey: .onboardingCheckInDays)
        try container.encode(quietCheckInInterval / Self.day, forKey: .quietCheckInEveryDays)
        try container.encode(exitSurveyWindow / Self.day, forKey: .exitSurveyWithinDays)
        try container.encode(exitReasons, forKey: .exitReasons)
        try container.encode(maximumCommentLength, forKey: .maximumCommentLength)
    }
}

extension JourneyPolicy {
    /// The member's segment at an instant, from their facts and the segment they were in before.
    ///
    /// A member who asked to cancel, cancelled or lapsed is `MemberSegment.leaving`; one who never
    /// subscribed is a `MemberSegment.prospect`; within ``newcomerPeriod`` of joining a
    /// `MemberSegment.newcomer`. After that a member is `MemberSegment.quiet` once their last
    /// activity (or their joining, with none) is ``quietAfter`` ago, and stays quiet until it is at
    /// most ``quietAfter`` minus ``quietMargin`` ago — the margin keeps a member at the edge from
    /// flipping between quiet and regular day to day. Otherwise `MemberSegment.regular`.
    ///
    /// - Parameters:
    ///   - facts: What the host knows about the member.
    ///   - previous: The segment the member was in when last computed, or `nil`.
    ///   - instant: The instant to compute it at.
    /// - Returns: The segment.
    public func segment(for facts: MemberFacts, previous: MemberSegment?, at instant: Date) -> MemberSegment {
        if facts.isLeaving { return .leaving }
        guard let joined = facts.joinedAt, facts.subscription != .none else { return .prospect }
        if instant.timeIntervalSince(joined) < newcomerPeriod { return .newcomer }
        let idle = instant.timeIntervalSince(facts.lastActivityAt ?? joined)
        if previous == .quiet { return idle > quietAfter - quietMargin ? .quiet : .regular }
        return idle >= quietAfter ? .quiet : .regular
    }
}
