/// The built-in classification rules: one rule per reason and language.
///
/// Rules are named `<language>.<reason>`, such as `ru.access`. The order below is the tie-break order:
/// reasons with more at stake first.
enum BuiltInLexicon {
    /// A reason's weight and the reasons it supersedes, shared by its rules in every language.
    struct Profile {
        var reason: ContactReason
        var weight: Int
        var supersedes: [ContactReason]
    }

    static let profiles: [Profile] = [
        Profile(reason: .refund, weight: 30, supersedes: [.billing, .cancelSubscription, .feedback]),
        Profile(reason: .access, weight: 25, supersedes: [.contentQuestion, .feedback]),
        Profile(reason: .billing, weight: 25, supersedes: [.feedback]),
        Profile(
            reason: .cancelSubscription,
            weight: 20,
            supersedes: [.feedback, .contentQuestion, .preSales]
        ),
        Profile(reason: .registration, weight: 18, supersedes: [.feedback]),
        Profile(reason: .trialOrApp, weight: 15, supersedes: [.feedback]),
        Profile(reason: .brokenFeature, weight: 15, supersedes: [.contentQuestion, .trialOrApp, .feedback]),
        Profile(reason: .personalConsultation, weight: 12, supersedes: [.contentQuestion, .feedback]),
        Profile(reason: .preSales, weight: 12, supersedes: []),
        Profile(reason: .contentQuestion, weight: 10, supersedes: []),
        Profile(reason: .feedback, weight: 8, supersedes: []),
    ]

    static let lexicons: [(LocaleTag, [ContactReason: [String]])] = [
        (.en, english),
        (.ru, russian),
        (.es, spanish),
    ]

    static let rules: [ClassificationRule] = profiles.flatMap { profile in
        lexicons.compactMap { language, lexicon in
            guard let patterns = lexicon[profile.reason] else { return nil }
            return ClassificationRule(
                id: "\(language).\(profile.reason)",
                reason: profile.reason,
                language: language,
                weight: profile.weight,
                patterns: patterns,
                supersedes: profile.supersedes
            )
        }
    }
}

extension ClassificationRule {
    /// The built-in rules: English, Russian and Spanish lexicons for every built-in reason but
    /// `ContactReason.other`.
    ///
    /// Rules are named `<language>.<reason>` (`en.access`, `ru.cancel_subscription`,
    /// `es.refund`). Weights: refund 30; access and billing 25; cancel_subscription 20;
    /// registration 18; trial_or_app and broken_feature 15; personal_consultation and pre_sales 12;
    /// content_question 10; feedback 8. A refund supersedes billing, cancellation and feedback;
    /// access, cancellation, broken features and consultations supersede content questions; a broken
    /// feature supersedes trial_or_app.
    public static let builtIn: [ClassificationRule] = BuiltInLexicon.rules
}
