import Foundation
import MemberJourney
import Testing

@Suite("Step planner")
struct PlannerTests {
    let policy = JourneyPolicy()

    func due(_ record: JourneyRecord, _ instant: Date) -> [JourneyStep] {
        policy.dueSteps(for: record, at: instant)
    }

    /// A member who joined at day 0 and had the welcome and the onboarding check-in.
    func onboarded(activityDay: Double? = nil) throws -> JourneyRecord {
        try record(memberFacts(activityDay: activityDay), reportedDay: activityDay ?? 0)
            .taking(.welcome, outcome: .sent, at: t0)
            .taking(.onboardingCheckIn, outcome: .sent, at: at(day: 7))
    }

    @Test func aMembersFirstSixtyDays() throws {
        var member = try record(memberFacts())
        // Day 0: the welcome is due at once; nothing else yet.
        #expect(due(member, t0) == [.welcome])
        #expect(policy.nextDue(for: member, at: t0) == t0)
        member = member.taking(.welcome, outcome: .sent, at: t0)
        #expect(due(member, t0) == [])
        #expect(policy.nextDue(for: member, at: t0) == at(day: 7))

        // Day 7: the onboarding check-in ("how is it going? shall we meet?").
        #expect(due(member, at(day: 7).addingTimeInterval(-1)) == [])
        #expect(due(member, at(day: 7)) == [.onboardingCheckIn])
        member = member.taking(.onboardingCheckIn, outcome: .sent, at: at(day: 7))
        #expect(due(member, at(day: 7)) == [])
        // Idle since joining, she would be quiet the day the newcomer period ends.
        #expect(policy.nextDue(for: member, at: at(day: 7)) == at(day: 30))

        // Day 12: she is active; the quiet check-in moves to 21 days after that.
        member = try member.updating(memberFacts(activityDay: 12), policy: policy, at: at(day: 12))
        #expect(policy.nextDue(for: member, at: at(day: 12)) == at(day: 33))
        member = member.refreshingSegment(policy: policy, at: at(day: 30))
        #expect(member.segment == .regular)
        #expect(due(member, at(day: 30)) == [])

        // Day 33: 21 days idle, quiet, and the check-in is due.
        #expect(due(member, at(day: 33).addingTimeInterval(-1)) == [])
        #expect(due(member, at(day: 33)) == [.quietCheckIn])
        member = member.refreshingSegment(policy: policy, at: at(day: 33))
        #expect(member.segment == .quiet)
        member = member.taking(.quietCheckIn, outcome: .sent, at: at(day: 33))
        #expect(policy.nextDue(for: member, at: at(day: 33)) == at(day: 63))

        // Up to day 60 nothing more is due: no second welcome, check-in or quiet check-in.
        for halfDay in 66...120 {
            #expect(due(member, at(day: Double(halfDay) / 2)) == [], "day \(Double(halfDay) / 2)")
        }
        #expect(member.steps.map(\.step) == [.welcome, .onboardingCheckIn, .quietCheckIn])
    }

    @Test func aMissedWelcomeIsStillDueWithTheCheckInInOrder() throws {
        let member = try record(memberFacts())
        #expect(due(member, at(day: 7)) == [.welcome, .onboardingCheckIn])
        #expect(policy.nextDue(for: member, at: at(day: 7)) == t0)
    }

    @Test func aDelayedWelcomeWaitsForItsDelay() throws {
        let later = JourneyPolicy(welcomeDelay: day)
        let member = try record(memberFacts(), policy: later)
        #expect(later.dueSteps(for: member, at: t0) == [])
        #expect(later.nextDue(for: member, at: t0) == at(day: 1))
        #expect(later.dueSteps(for: member, at: at(day: 1)) == [.welcome])
    }

    @Test func theNewcomerStepsExpireWithTheNewcomerPeriod() throws {
        let member = try record(memberFacts(activityDay: 29), reportedDay: 29)
        #expect(due(member, at(day: 30).addingTimeInterval(-1)) == [.welcome, .onboardingCheckIn])
        #expect(due(member, at(day: 30)) == [])
        #expect(policy.nextDue(for: member, at: at(day: 30)) == at(day: 50))
    }

    @Test func anImportedMemberGetsNoWelcome() throws {
        let active = try record(memberFacts(activityDay: 99), reportedDay: 100)
        #expect(active.segment == .regular)
        #expect(due(active, at(day: 100)) == [])
        #expect(policy.nextDue(for: active, at: at(day: 100)) == at(day: 120))

        // Idle since joining: quiet, and the quiet check-in (only) is due now.
        let idle = try record(memberFacts(), reportedDay: 100)
        #expect(idle.segment == .quiet)
        #expect(due(idle, at(day: 100)) == [.quietCheckIn])
        let next = try #require(policy.nextDue(for: idle, at: at(day: 100)))
        #expect(next <= at(day: 100))
    }

    @Test(
        arguments: [
            (nil, 30.0), (2, 30), (9, 30), (9.5, 30.5), (20, 41), (45, 66),
        ] as [(Double?, Double)]
    )
    func theQuietCheckInFallsDueAtTheLaterOfNewcomerEndAndQuietness(activityDay: Double?, dueDay: Double) throws {
        let member = try onboarded(activityDay: activityDay)
        let dueAt = at(day: dueDay)
        #expect(policy.nextDue(for: member, at: at(day: activityDay ?? 0)) == dueAt)
        #expect(due(member, dueAt.addingTimeInterval(-1)) == [])
        #expect(due(member, dueAt) == [.quietCheckIn])
        #expect(due(member, dueAt.addingTimeInterval(5 * day)) == [.quietCheckIn])
    }

    @Test func theQuietCheckInWaitsItsIntervalAfterTheLastOne() throws {
        let checked = try onboarded(activityDay: 20).taking(.quietCheckIn, outcome: .sent, at: at(day: 41))
        #expect(due(checked, at(day: 41)) == [])
        #expect(policy.nextDue(for: checked, at: at(day: 41)) == at(day: 71))
        #expect(due(checked, at(day: 71).addingTimeInterval(-1)) == [])
        #expect(due(checked, at(day: 71)) == [.quietCheckIn])

        // Taken late (the desk was down), the interval counts from when it was taken.
        let late = try onboarded(activityDay: 20).taking(.quietCheckIn, outcome: .sent, at: at(day: 50))
        #expect(policy.nextDue(for: late, at: at(day: 50)) == at(day: 80))
    }

    @Test func aMemberActiveAgainAndQuietAgainWaitsForTheInterval() throws {
        let checked = try onboarded(activityDay: 20).taking(.quietCheckIn, outcome: .sent, at: at(day: 41))
        let active = try checked.updating(memberFacts(activityDay: 45), policy: policy, at: at(day: 45))
        #expect(active.segment == .regular)
        #expect(due(active, at(day: 45)) == [])
        // Quiet again at day 66, but the last check-in was only 25 days before.
        #expect(policy.segment(for: active.facts, previous: active.segment, at: at(day: 66)) == .quiet)
        #expect(due(active, at(day: 66)) == [])
        #expect(policy.nextDue(for: active, at: at(day: 45)) == at(day: 71))
        #expect(due(active, at(day: 71)) == [.quietCheckIn])
    }

    @Test func anOptedOutMemberGetsNoQuietCheckIn() throws {
        let quiet = try record(memberFacts(), reportedDay: 100).settingOptOut(true)
        #expect(due(quiet, at(day: 100)) == [])
        #expect(policy.nextDue(for: quiet, at: at(day: 100)) == nil)

        let regular = try onboarded(activityDay: 20).settingOptOut(true)
        #expect(policy.nextDue(for: regular, at: at(day: 20)) == nil)
        #expect(due(regular, at(day: 200)) == [])
    }

    @Test func anOptedOutNewcomersOnboardingStepsAreStillDueToBeRecordedAsSkipped() throws {
        let member = try record(memberFacts()).settingOptOut(true)
        #expect(due(member, t0) == [.welcome])
        let skipped =
            member
            .taking(.welcome, outcome: .skipped(reason: "opted out"), at: t0)
            .taking(.onboardingCheckIn, outcome: .skipped(reason: "opted out"), at: at(day: 7))
        #expect(policy.nextDue(for: skipped, at: at(day: 7)) == nil)
    }

    @Test func theExitSurveyIsDueAtTheCancellationOncePerDeparture() throws {
        let leaver = try voluntaryLeaver(cancellationDay: 40)
        #expect(due(leaver, at(day: 41)) == [.exitSurvey])
        #expect(policy.nextDue(for: leaver, at: at(day: 41)) == at(day: 40))

        let asked = leaver.taking(.exitSurvey, outcome: .sent, at: at(day: 41))
        #expect(due(asked, at(day: 41)) == [])
        #expect(policy.nextDue(for: asked, at: at(day: 41)) == nil)

        // The paid period ending later does not ask again.
        let ended = try asked.updating(
            memberFacts(activityDay: 35, subscription: .cancelled, cancellationDay: 40),
            policy: policy,
            at: at(day: 70)
        )
        #expect(due(ended, at(day: 70)) == [])
        #expect(policy.nextDue(for: ended, at: at(day: 70)) == nil)
    }

    @Test func aNewcomerWhoCancelsGetsOnlyTheExitSurvey() throws {
        let leaver = try record(memberFacts(cancellationDay: 3), reportedDay: 3)
        #expect(due(leaver, at(day: 3)) == [.exitSurvey])
        #expect(due(leaver, at(day: 7)) == [.exitSurvey])
        #expect(due(leaver.taking(.exitSurvey, outcome: .sent, at: at(day: 3)), at(day: 10)) == [])
    }

    @Test func aLapsedMemberGetsNoExitSurvey() throws {
        let lapsed = try onboarded(activityDay: 20).updating(
            memberFacts(activityDay: 20, subscription: .lapsed),
            policy: policy,
            at: at(day: 45)
        )
        #expect(due(lapsed, at(day: 45)) == [])
        #expect(policy.nextDue(for: lapsed, at: at(day: 45)) == nil)
    }

    @Test func anOptedOutLeaversSurveyIsStillDueToBeRecordedAsSkipped() throws {
        let leaver = try voluntaryLeaver().settingOptOut(true)
        #expect(due(leaver, at(day: 41)) == [.exitSurvey])
    }

    @Test func afterRejoiningTheJourneyStartsOver() throws {
        let firstTime = try voluntaryLeaver(cancellationDay: 40)
            .taking(.welcome, outcome: .sent, at: t0)
            .taking(.exitSurvey, outcome: .sent, at: at(day: 41))
        var back = try firstTime.updating(memberFacts(joinedDay: 90), policy: policy, at: at(day: 90))
        #expect(back.membership == 2)
        #expect(due(back, at(day: 90)) == [.welcome])
        #expect(policy.nextDue(for: back, at: at(day: 90)) == at(day: 90))
        back = back.taking(.welcome, outcome: .sent, at: at(day: 90))
        #expect(due(back, at(day: 97)) == [.onboardingCheckIn])

        let leavingAgain = try back.updating(
            memberFacts(joinedDay: 90, cancellationDay: 100),
            policy: policy,
            at: at(day: 100)
        )
        #expect(due(leavingAgain, at(day: 100)) == [.exitSurvey])
    }

    @Test func aProspectHasNoSteps() throws {
        let prospects = [JourneyRecord(member: anna), try record(memberFacts(subscription: .none))]
        for prospect in prospects {
            #expect(due(prospect, at(day: 40)) == [])
            #expect(policy.nextDue(for: prospect, at: at(day: 40)) == nil)
        }
    }
}
