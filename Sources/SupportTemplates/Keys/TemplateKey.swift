import SupportCore

/// The name of a message template, such as `acknowledgement` or `refund.approved`.
///
/// Built-in keys have defaults in English, Russian and Spanish; a host adds its own keys and overrides
/// any template per language in a ``TemplateCatalog``.
public struct TemplateKey: OpenVocabulary {
    /// The key's text.
    public let rawValue: String

    /// Creates a key.
    ///
    /// - Parameter rawValue: The key's text.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// "We received your message; expect an answer by …".
    public static let acknowledgement = TemplateKey(rawValue: "acknowledgement")
    /// "We received your message; we will answer as soon as we can" — when no promise applies.
    public static let acknowledgementWithoutPromise = TemplateKey(rawValue: "acknowledgement.no_promise")
    /// "We are closed now; we open at …" — at most once a day per member.
    public static let afterHours = TemplateKey(rawValue: "after_hours")
    /// "We are away until …".
    public static let absence = TemplateKey(rawValue: "absence")
    /// "We are away until …; … is looking after your message".
    public static let absenceWithSubstitute = TemplateKey(rawValue: "absence.with_substitute")
    /// "… (the member's agent) is away until …; … is looking after your message" — one agent's dated
    /// absence, while the rest of the team works.
    public static let agentAbsence = TemplateKey(rawValue: "absence.agent")
    /// "… is away until …; another member of the team will answer you" — one agent's dated absence,
    /// with nobody named to stand in.
    public static let agentAbsenceWithoutSubstitute = TemplateKey(rawValue: "absence.agent.team")
    /// "Your membership has ended, so this line no longer takes your requests" — to a member removed
    /// from the club who writes again; at most once a day.
    public static let removedMember = TemplateKey(rawValue: "removed_member")
    /// "This line does not handle …; go to …".
    public static let outOfScope = TemplateKey(rawValue: "out_of_scope")
    /// "You can do this yourself: …".
    public static let selfService = TemplateKey(rawValue: "self_service")
    /// "We will answer you on: Telegram" — the line of an acknowledgement (`{{reply_channel}}`)
    /// naming the channel the answer goes out on (`{{channel}}`).
    public static let replyChannel = TemplateKey(rawValue: "reply_channel")
}
