import MemberJourney

/// The template keys of the member journey and the feedback loop.
///
/// Each message has a body key and a subject key (`<key>.subject`). Placeholders: `member_name` in
/// all; `reasons` (a numbered list of the survey's reasons in the member's language) in the exit
/// survey; `reason` and `fix_note` in the win-back; `feedback` and `note` in "you said, we did".
/// Exit reasons are named in the member's language by `journey.exit_reason.<reason>`.
extension TemplateKey {
    /// The welcome after joining.
    public static let journeyWelcome = TemplateKey(rawValue: "journey.welcome")
    /// The onboarding check-in, with the offer of a short personal meeting.
    public static let journeyOnboardingCheckIn = TemplateKey(rawValue: "journey.onboarding_check_in")
    /// The check-in with a quiet member.
    public static let journeyQuietCheckIn = TemplateKey(rawValue: "journey.quiet_check_in")
    /// The thank-you with the exit survey.
    public static let journeyExitSurvey = TemplateKey(rawValue: "journey.exit_survey")
    /// The win-back: what made the member leave is fixed.
    public static let journeyWinBack = TemplateKey(rawValue: "journey.win_back")
    /// The request to rate a solved ticket from 1 to 5, with a comment.
    public static let ratingRequest = TemplateKey(rawValue: "feedback.rating_request")
    /// "You said, we did": the owner's answer to a member's feedback.
    public static let youSaidWeDid = TemplateKey(rawValue: "feedback.you_said_we_did")

    /// The subject line that goes with a message key.
    ///
    /// - Returns: The key `<key>.subject`.
    public var subject: TemplateKey { TemplateKey(rawValue: rawValue + ".subject") }

    /// The name of an exit reason in the member's language, such as `journey.exit_reason.too_expensive`.
    ///
    /// - Parameter reason: The reason.
    /// - Returns: The key.
    public static func exitReasonName(_ reason: ExitReason) -> TemplateKey {
        TemplateKey(rawValue: "journey.exit_reason.\(reason.rawValue)")
    }

    /// The template of a journey step.
    ///
    /// - Parameter step: The step.
    /// - Returns: The key of its message.
    public static func journey(_ step: JourneyStep) -> TemplateKey {
        switch step {
        case .welcome: .journeyWelcome
        case .onboardingCheckIn: .journeyOnboardingCheckIn
        case .quietCheckIn: .journeyQuietCheckIn
        case .exitSurvey: .journeyExitSurvey
        case .winBack: .journeyWinBack
        }
    }
}
