/// Why a member contacts support.
///
/// The built-in reasons cover every reason the seed articles list; a host can define its own with
/// ``init(rawValue:)``. A reason encodes as its raw string.
public struct ContactReason: OpenVocabulary {
    /// The reason's stable name.
    public let rawValue: String

    /// Creates a reason from its stable name.
    ///
    /// - Parameter rawValue: The name, for example `"access"`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The member cannot get in: login, password, access to paid content.
    public static let access = ContactReason(rawValue: "access")
    /// A function, button or link does not work.
    public static let brokenFeature = ContactReason(rawValue: "broken_feature")
    /// A question about the content: a lesson, a material, a rule of the club.
    public static let contentQuestion = ContactReason(rawValue: "content_question")
    /// The member wants to cancel the subscription.
    public static let cancelSubscription = ContactReason(rawValue: "cancel_subscription")
    /// Feedback, ideas, praise or complaints about the club.
    public static let feedback = ContactReason(rawValue: "feedback")
    /// A question before buying.
    public static let preSales = ContactReason(rawValue: "pre_sales")
    /// Registration and validation of an account.
    public static let registration = ContactReason(rawValue: "registration")
    /// A trial period, or downloading the app.
    public static let trialOrApp = ContactReason(rawValue: "trial_or_app")
    /// Payments, invoices, payment details: financial operations.
    public static let billing = ContactReason(rawValue: "billing")
    /// The member asks for money back.
    public static let refund = ContactReason(rawValue: "refund")
    /// A request outside the support line's scope, such as a personal consultation.
    public static let personalConsultation = ContactReason(rawValue: "personal_consultation")
    /// Anything else.
    public static let other = ContactReason(rawValue: "other")

    /// Every built-in reason.
    public static let builtIn: [ContactReason] = [
        .access, .brokenFeature, .contentQuestion, .cancelSubscription, .feedback, .preSales,
        .registration, .trialOrApp, .billing, .refund, .personalConsultation, .other,
    ]
}
