import Foundation
import MemberJourney
import Testing

/// One policy that must not validate, and the path its error must name.
struct InvalidPolicyCase: Sendable, CustomTestStringConvertible {
    let label: String
    let policy: JourneyPolicy
    let path: String

    var testDescription: String { "\(label) → \(path)" }

    init(_ label: String, _ path: String, _ change: (inout JourneyPolicy) -> Void) {
        var policy = JourneyPolicy()
        change(&policy)
        self.label = label
        self.policy = policy
        self.path = path
    }

    static let all: [InvalidPolicyCase] = [
        .init("negative newcomer period", "newcomerDays") { $0.newcomerPeriod = -day },
        .init("NaN newcomer period", "newcomerDays") { $0.newcomerPeriod = .nan },
        .init("infinite newcomer period", "newcomerDays") { $0.newcomerPeriod = .infinity },
        .init("zero newcomer period", "newcomerDays") { $0.newcomerPeriod = 0 },
        .init("negative quiet threshold", "quietAfterDays") { $0.quietAfter = -1 },
        .init("NaN quiet threshold", "quietAfterDays") { $0.quietAfter = .nan },
        .init("zero quiet threshold", "quietAfterDays") {
            $0.quietAfter = 0
            $0.quietMargin = 0
        },
        .init("negative margin", "quietMarginDays") { $0.quietMargin = -1 },
        .init("NaN margin", "quietMarginDays") { $0.quietMargin = .nan },
        .init("margin equal to the quiet threshold", "quietMarginDays") { $0.quietMargin = $0.quietAfter },
        .init("margin over the quiet threshold", "quietMarginDays") { $0.quietMargin = $0.quietAfter + 1 },
        .init("negative welcome delay", "welcomeDelayDays") { $0.welcomeDelay = -1 },
        .init("NaN welcome delay", "welcomeDelayDays") { $0.welcomeDelay = .nan },
        .init("welcome at the end of the newcomer period", "welcomeDelayDays") {
            $0.welcomeDelay = $0.newcomerPeriod
        },
        .init("welcome after the newcomer period", "welcomeDelayDays") { $0.welcomeDelay = 45 * day },
        .init("negative onboarding delay", "onboardingCheckInDays") { $0.onboardingCheckInDelay = -day },
        .init("infinite onboarding delay", "onboardingCheckInDays") { $0.onboardingCheckInDelay = -.infinity },
        .init("check-in at the end of the newcomer period", "onboardingCheckInDays") {
            $0.onboardingCheckInDelay = $0.newcomerPeriod
        },
        .init("negative quiet interval", "quietCheckInEveryDays") { $0.quietCheckInInterval = -day },
        .init("NaN quiet interval", "quietCheckInEveryDays") { $0.quietCheckInInterval = .nan },
        .init("zero quiet interval", "quietCheckInEveryDays") { $0.quietCheckInInterval = 0 },
        .init("no exit reasons", "exitReasons") { $0.exitReasons = [] },
        .init("a reason listed twice", "exitReasons[2]") { $0.exitReasons = [.tooExpensive, .other, .tooExpensive] },
        .init("a reason with a space", "exitReasons[0]") { $0.exitReasons = [ExitReason(rawValue: "too much")] },
        .init("an empty reason", "exitReasons[1]") { $0.exitReasons = [.other, ExitReason(rawValue: "")] },
        .init("a reason with a slash", "exitReasons[1]") {
            $0.exitReasons = [.other, ExitReason(rawValue: "price/value")]
        },
        .init("a 101-character reason", "exitReasons[0]") {
            $0.exitReasons = [ExitReason(rawValue: String(repeating: "r", count: 101))]
        },
        .init("zero comment length", "maximumCommentLength") { $0.maximumCommentLength = 0 },
        .init("negative comment length", "maximumCommentLength") { $0.maximumCommentLength = -10 },
    ]
}

@Suite("Policy validation")
struct PolicyValidationTests {
    @Test func theDefaultsFollowTheSeedArticle() throws {
        let policy = JourneyPolicy()
        try policy.validate()
        #expect(policy.newcomerPeriod == 30 * day)
        #expect(policy.quietAfter == 21 * day)
        #expect(policy.quietMargin == 7 * day)
        #expect(policy.welcomeDelay == 0)
        #expect(policy.onboardingCheckInDelay == 7 * day)
        #expect(policy.quietCheckInInterval == 30 * day)
        #expect(policy.exitReasons == ExitReason.builtIn)
        #expect(policy.maximumCommentLength == 2_000)
    }

    @Test(arguments: InvalidPolicyCase.all)
    func anInvalidFieldIsNamed(_ invalid: InvalidPolicyCase) {
        expectJourneyError(.invalidPolicy, path: invalid.path) { try invalid.policy.validate() }
    }

    @Test func theErrorForARepeatedReasonQuotesIt() {
        var policy = JourneyPolicy()
        policy.exitReasons = [.notEnoughTime, .notEnoughTime]
        let error = expectJourneyError(.invalidPolicy, path: "exitReasons[1]") { try policy.validate() }
        #expect(error?.message.contains("not_enough_time") == true)
    }

    @Test func edgeValuesJustInsideTheLimitsAreValid() throws {
        var policy = JourneyPolicy()
        policy.quietMargin = 0
        policy.welcomeDelay = policy.newcomerPeriod - 1
        policy.onboardingCheckInDelay = policy.newcomerPeriod - 1
        policy.maximumCommentLength = 1
        try policy.validate()

        policy.quietMargin = policy.quietAfter - 1
        try policy.validate()
    }

    @Test func customReasonsMayUseAnyLettersDigitsUnderscoresAndHyphens() throws {
        var policy = JourneyPolicy()
        policy.exitReasons = [
            ExitReason(rawValue: "дорого"),
            ExitReason(rawValue: "moved-abroad"),
            ExitReason(rawValue: "reason_2"),
            ExitReason(rawValue: String(repeating: "r", count: 100)),
        ]
        try policy.validate()
    }

    @Test func theFirstProblemIsReportedInFieldOrder() {
        var policy = JourneyPolicy()
        policy.newcomerPeriod = -1
        policy.exitReasons = []
        expectJourneyError(.invalidPolicy, path: "newcomerDays") { try policy.validate() }
    }
}
