import Foundation

/// One message of the member journey.
///
/// Encodes as one string: `welcome`, `onboarding_check_in`, `quiet_check_in`, `exit_survey`, or
/// `win_back:<fix id>`.
public enum JourneyStep: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The welcome after joining.
    case welcome
    /// The onboarding check-in a few days after joining: how is it going, shall we meet?
    case onboardingCheckIn
    /// A check-in with a member who has gone quiet.
    case quietCheckIn
    /// The thank-you with the exit survey, when a member cancels.
    case exitSurvey
    /// The win-back: what made the member leave is fixed.
    case winBack(FixID)

    /// The step's stable name, as stored.
    public var description: String {
        switch self {
        case .welcome: "welcome"
        case .onboardingCheckIn: "onboarding_check_in"
        case .quietCheckIn: "quiet_check_in"
        case .exitSurvey: "exit_survey"
        case .winBack(let fix): "win_back:\(fix.rawValue)"
        }
    }

    /// Reads a step from its stable name.
    ///
    /// - Parameter name: The name, such as `welcome` or `win_back:pricing-2026`.
    /// - Returns: The step, or `nil` for an unknown name.
    public init?(name: String) {
        switch name {
        case "welcome": self = .welcome
        case "onboarding_check_in": self = .onboardingCheckIn
        case "quiet_check_in": self = .quietCheckIn
        case "exit_survey": self = .exitSurvey
        default:
            guard name.hasPrefix("win_back:"), name.count > "win_back:".count else { return nil }
            self = .winBack(FixID(String(name.dropFirst("win_back:".count))))
        }
    }

    /// Decodes a step from its stable name.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: A `DecodingError` for an unknown name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let step = JourneyStep(name: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown journey step '\(name)'")
        }
        self = step
    }

    /// Encodes the step as its stable name.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: Whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A journey step taken: sent to the member, or skipped and why.
public struct JourneyStepRecord: Sendable, Hashable, Codable {
    /// What happened to a step.
    public enum Outcome: Sendable, Hashable, Codable {
        /// The message went to the outbox.
        case sent
        /// The message was not sent: the member opted out, is suspended or removed, or has no channel.
        case skipped(reason: String)
    }

    /// The step.
    public var step: JourneyStep
    /// The membership it belongs to, from 1 (a member who leaves and rejoins starts membership 2).
    public var membership: Int
    /// When it was taken.
    public var at: Date
    /// Whether it was sent.
    public var outcome: Outcome

    /// Creates a step record.
    ///
    /// - Parameters:
    ///   - step: The step.
    ///   - membership: The membership it belongs to.
    ///   - at: When it was taken.
    ///   - outcome: Whether it was sent.
    public init(step: JourneyStep, membership: Int, at: Date, outcome: Outcome) {
        self.step = step
        self.membership = membership
        self.at = at
        self.outcome = outcome
    }
}

/// A member's departure: when, whether by their own choice, and what they answered.
public struct Departure: Sendable, Hashable, Codable {
    /// The membership that ended, from 1.
    public var membership: Int
    /// When the member asked to cancel, or when the host reported the end.
    public var at: Date
    /// Whether the member chose to leave (a cancellation) rather than lapsed.
    public var voluntary: Bool
    /// The exit survey answer, once given.
    public var answer: ExitSurveyAnswer?
    /// When the member came back within the same membership (a recovered payment, a withdrawn
    /// cancellation); a later departure is a new one, asked about again.
    public var withdrawnAt: Date?

    /// Creates a departure.
    ///
    /// - Parameters:
    ///   - membership: The membership that ended.
    ///   - at: When.
    ///   - voluntary: Whether the member chose to leave.
    ///   - answer: The exit survey answer, if given.
    ///   - withdrawnAt: When the member came back within the same membership, if they did.
    public init(
        membership: Int,
        at: Date,
        voluntary: Bool,
        answer: ExitSurveyAnswer? = nil,
        withdrawnAt: Date? = nil
    ) {
        self.membership = membership
        self.at = at
        self.voluntary = voluntary
        self.answer = answer
        self.withdrawnAt = withdrawnAt
    }
}
