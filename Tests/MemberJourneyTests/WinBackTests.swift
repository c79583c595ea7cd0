import Foundation
import MemberJourney
import Testing

@Suite("Win-back")
struct WinBackTests {
    let policy = JourneyPolicy()
    let pricing = FixAnnouncement(
        id: "pricing-2026",
        reason: .tooExpensive,
        note: "A cheaper yearly plan is here.",
        announcedAt: at(day: 80)
    )

    /// A member who asked to cancel at day 40 and named `reasons` at `answerDay`.
    func leaver(reasons: [ExitReason] = [.tooExpensive, .other], answerDay: Double = 41) throws -> JourneyRecord {
        try voluntaryLeaver(cancellationDay: 40).answeringExitSurvey(
            ExitSurveyAnswer(reasons: reasons, at: at(day: answerDay)),
            policy: policy
        )
    }

    @Test func owedToAVoluntaryLeaverWhoNamedTheReasonBeforeTheFix() throws {
        #expect(policy.owesWinBack(pricing, to: try leaver()))
        #expect(policy.owesWinBack(pricing, to: try leaver(reasons: [.other, .tooExpensive])))
    }

    @Test func anAnswerAtTheVeryInstantOfTheAnnouncementCounts() throws {
        #expect(policy.owesWinBack(pricing, to: try leaver(answerDay: 80)))
        #expect(!policy.owesWinBack(pricing, to: try leaver(answerDay: 80.0001)))
    }

    @Test func notOwedForAnotherReason() throws {
        #expect(!policy.owesWinBack(pricing, to: try leaver(reasons: [.notEnoughTime, .other])))
    }

    @Test func notOwedWhenTheAnswerCameAfterTheFix() throws {
        #expect(!policy.owesWinBack(pricing, to: try leaver(answerDay: 81)))
    }

    @Test func notOwedWithoutAnAnswer() throws {
        #expect(!policy.owesWinBack(pricing, to: try voluntaryLeaver()))
    }

    @Test func notOwedToAMemberWhoOptedOut() throws {
        let optedOut = try leaver().settingOptOut(true)
        #expect(!policy.owesWinBack(pricing, to: optedOut))
        #expect(policy.owesWinBack(pricing, to: optedOut.settingOptOut(false)))
    }

    @Test func notOwedToAMemberWhoseSubscriptionLapsed() throws {
        let lapsed = try record(memberFacts()).updating(
            memberFacts(subscription: .lapsed),
            policy: policy,
            at: at(day: 40)
        )
        #expect(!policy.owesWinBack(pricing, to: lapsed))
    }

    @Test func notOwedToAMemberWhoRejoined() throws {
        let back = try leaver().updating(memberFacts(joinedDay: 60), policy: policy, at: at(day: 60))
        #expect(back.membership == 2)
        #expect(!policy.owesWinBack(pricing, to: back))
    }

    @Test func notOwedToMembersWhoNeverLeft() throws {
        #expect(!policy.owesWinBack(pricing, to: JourneyRecord(member: anna)))
        #expect(!policy.owesWinBack(pricing, to: try record(memberFacts())))
    }

    @Test func owedOncePerFix() throws {
        let told = try leaver().taking(.winBack(pricing.id), outcome: .sent, at: at(day: 80))
        #expect(!policy.owesWinBack(pricing, to: told))
        // Skipped counts as taken too.
        let skipped = try leaver().taking(.winBack(pricing.id), outcome: .skipped(reason: "removed"), at: at(day: 80))
        #expect(!policy.owesWinBack(pricing, to: skipped))

        // A later fix for the same reason is news again.
        let second = FixAnnouncement(
            id: "pricing-2027",
            reason: .tooExpensive,
            note: "Monthly plan halved.",
            announcedAt: at(day: 200)
        )
        #expect(policy.owesWinBack(second, to: told))
    }

    @Test func aFixForAReasonFromAnEarlierMembershipIsNotOwed() throws {
        // Left for the price, came back, left again for lack of time: the price fix is not about this departure.
        let twice = try leaver()
            .updating(memberFacts(joinedDay: 50), policy: policy, at: at(day: 50))
            .updating(memberFacts(joinedDay: 50, cancellationDay: 70), policy: policy, at: at(day: 70))
            .answeringExitSurvey(ExitSurveyAnswer(reasons: [.notEnoughTime], at: at(day: 71)), policy: policy)
        #expect(!policy.owesWinBack(pricing, to: twice))
    }
}
