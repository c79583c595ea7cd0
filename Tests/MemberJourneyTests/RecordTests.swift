import Foundation
import MemberJourney
import Testing

@Suite("Journey record")
struct RecordTests {
    let policy = JourneyPolicy()

    @Test func aNewRecordIsAnEmptyProspect() {
        let fresh = JourneyRecord(member: anna)
        #expect(fresh.member == anna)
        #expect(fresh.facts == MemberFacts())
        #expect(fresh.segment == .prospect)
        #expect(!fresh.optedOut)
        #expect(fresh.membership == 0)
        #expect(fresh.departures.isEmpty)
        #expect(fresh.steps.isEmpty)
        #expect(fresh.version == 0)
        #expect(fresh.currentDeparture == nil)
    }

    @Test func aProspectsFactsStartNoMembership() throws {
        let prospect = try record(MemberFacts(lastActivityAt: t0))
        #expect(prospect.membership == 0)
        #expect(prospect.segment == .prospect)
        #expect(prospect.version == 1)
        // A join date without a subscription is not a membership either.
        let signedUp = try prospect.updating(memberFacts(subscription: .none), policy: policy, at: at(day: 1))
        #expect(signedUp.membership == 0)
        #expect(signedUp.segment == .prospect)
    }

    @Test func joiningStartsMembershipOne() throws {
        let joined = try record(memberFacts(subscription: .trial))
        #expect(joined.membership == 1)
        #expect(joined.segment == .newcomer)
        #expect(joined.departures.isEmpty)
        #expect(joined.facts == memberFacts(subscription: .trial))

        // Activity and the move from trial to paid stay in the same membership.
        let paying = try joined.updating(memberFacts(activityDay: 3), policy: policy, at: at(day: 3))
        #expect(paying.membership == 1)
        #expect(paying.version == joined.version + 1)
    }

    @Test func askingToCancelCreatesAVoluntaryDepartureDatedAtTheRequest() throws {
        let leaver = try voluntaryLeaver(cancellationDay: 40)
        let departure = try #require(leaver.currentDeparture)
        #expect(departure == Departure(membership: 1, at: at(day: 40), voluntary: true))
        #expect(leaver.departures == [departure])
        #expect(leaver.segment == .leaving)
        #expect(leaver.membership == 1)

        // The paid period running out later does not start a second departure.
        let ended = try leaver.updating(
            memberFacts(activityDay: 35, subscription: .cancelled, cancellationDay: 40),
            policy: policy,
            at: at(day: 60)
        )
        #expect(ended.departures == [departure])
        #expect(ended.currentDeparture == departure)
    }

    @Test func aCancellationWithoutARequestDateIsDatedWhenReported() throws {
        let leaver = try record(memberFacts()).updating(
            memberFacts(subscription: .cancelled),
            policy: policy,
            at: at(day: 50)
        )
        #expect(leaver.currentDeparture == Departure(membership: 1, at: at(day: 50), voluntary: true))
    }

    @Test func aLapseCreatesAnInvoluntaryDeparture() throws {
        let lapsed = try record(memberFacts()).updating(
            memberFacts(activityDay: 20, subscription: .lapsed),
            policy: policy,
            at: at(day: 45)
        )
        #expect(lapsed.currentDeparture == Departure(membership: 1, at: at(day: 45), voluntary: false))
        #expect(lapsed.segment == .leaving)
    }

    @Test func aMemberImportedAfterCancellingStartsMembershipOneAndItsDeparture() throws {
        let imported = try record(memberFacts(subscription: .cancelled, cancellationDay: 20), reportedDay: 200)
        #expect(imported.membership == 1)
        #expect(imported.currentDeparture == Departure(membership: 1, at: at(day: 20), voluntary: true))
    }

    @Test(arguments: [SubscriptionState.cancelled, .lapsed])
    func rejoiningStartsTheNextMembership(endedAs subscription: SubscriptionState) throws {
        let gone = try record(memberFacts()).updating(
            memberFacts(subscription: subscription),
            policy: policy,
            at: at(day: 50)
        )
        let back = try gone.updating(memberFacts(joinedDay: 90), policy: policy, at: at(day: 90))
        #expect(back.membership == 2)
        #expect(back.currentDeparture == nil)
        #expect(back.departures == gone.departures)
        #expect(back.segment == .newcomer)

        // Leaving again opens a departure for membership 2, kept after the first.
        let goneAgain = try back.updating(
            memberFacts(joinedDay: 90, cancellationDay: 120),
            policy: policy,
            at: at(day: 121)
        )
        #expect(goneAgain.departures.count == 2)
        #expect(goneAgain.currentDeparture == Departure(membership: 2, at: at(day: 120), voluntary: true))
    }

    @Test func withdrawingACancellationKeepsTheMembership() throws {
        let leaver = try voluntaryLeaver(cancellationDay: 40)
        let stays = try leaver.updating(memberFacts(activityDay: 42), policy: policy, at: at(day: 42))
        #expect(stays.membership == 1)
        #expect(stays.segment == .regular)
    }

    @Test func eachChangeRaisesTheVersionByOne() throws {
        var current = JourneyRecord(member: anna)
        var expected = 0
        func check(_ next: JourneyRecord, sourceLocation: SourceLocation = #_sourceLocation) {
            expected += 1
            #expect(next.version == expected, sourceLocation: sourceLocation)
            current = next
        }
        check(try current.updating(memberFacts(), policy: policy, at: t0))
        check(current.taking(.welcome, outcome: .sent, at: t0))
        check(current.settingOptOut(true))
        check(current.settingOptOut(false))
        check(try current.updating(memberFacts(activityDay: 29), policy: policy, at: at(day: 29)))
        check(current.refreshingSegment(policy: policy, at: at(day: 30)))  // newcomer → regular
        check(try current.updating(memberFacts(activityDay: 29), policy: policy, at: at(day: 31)))  // same facts
        check(try current.updating(memberFacts(activityDay: 29, cancellationDay: 40), policy: policy, at: at(day: 40)))
        check(
            try current.answeringExitSurvey(
                ExitSurveyAnswer(reasons: [.notEnoughTime], at: at(day: 41)),
                policy: policy
            )
        )
        check(current.taking(.exitSurvey, outcome: .skipped(reason: "opted out"), at: at(day: 41)))
    }

    @Test func settingTheSameOptOutChangesNothing() {
        let fresh = JourneyRecord(member: anna)
        #expect(fresh.settingOptOut(false) == fresh)
        let optedOut = fresh.settingOptOut(true)
        #expect(optedOut.optedOut)
        #expect(optedOut.version == 1)
        #expect(optedOut.settingOptOut(true) == optedOut)
        #expect(optedOut.settingOptOut(true).version == 1)
    }

    @Test func refreshingTheSegmentChangesOnlyWhenTheSegmentDoes() throws {
        let newcomer = try record(memberFacts(activityDay: 25), reportedDay: 25)
        #expect(newcomer.refreshingSegment(policy: policy, at: at(day: 29)) == newcomer)

        let regular = newcomer.refreshingSegment(policy: policy, at: at(day: 30))
        #expect(regular.segment == .regular)
        #expect(regular.version == newcomer.version + 1)
        #expect(regular.facts == newcomer.facts)
        #expect(regular.refreshingSegment(policy: policy, at: at(day: 40)) == regular)

        let quiet = regular.refreshingSegment(policy: policy, at: at(day: 46))
        #expect(quiet.segment == .quiet)
        #expect(quiet.version == regular.version + 1)
        // The hysteresis starts from the stored segment: 15 days idle stays quiet.
        #expect(quiet.refreshingSegment(policy: policy, at: at(day: 40)) == quiet)
    }

    @Test func takingAStepRecordsItInTheCurrentMembership() throws {
        let joined = try record(memberFacts())
        let welcomed = joined.taking(.welcome, outcome: .sent, at: at(day: 0.5))
        let skipped = welcomed.taking(.onboardingCheckIn, outcome: .skipped(reason: "no channel"), at: at(day: 7))
        #expect(
            skipped.steps == [
                JourneyStepRecord(step: .welcome, membership: 1, at: at(day: 0.5), outcome: .sent),
                JourneyStepRecord(
                    step: .onboardingCheckIn,
                    membership: 1,
                    at: at(day: 7),
                    outcome: .skipped(reason: "no channel")
                ),
            ]
        )
        #expect(skipped.hasTaken(.welcome))
        #expect(skipped.hasTaken(.welcome, inMembership: 1))
        #expect(!skipped.hasTaken(.welcome, inMembership: 2))
        #expect(!skipped.hasTaken(.quietCheckIn))
        #expect(skipped.lastTaken(.onboardingCheckIn, inMembership: 1) == at(day: 7))
        #expect(skipped.lastTaken(.onboardingCheckIn, inMembership: 2) == nil)

        let again = skipped.taking(.welcome, outcome: .sent, at: at(day: 9))
        #expect(again.lastTaken(.welcome, inMembership: 1) == at(day: 9))
    }

    @Test func aFullRecordRoundTripsThroughJSON() throws {
        let full = try voluntaryLeaver()
            .taking(.welcome, outcome: .sent, at: t0)
            .answeringExitSurvey(
                ExitSurveyAnswer(reasons: [.tooExpensive, .other], comment: "Дорого", at: at(day: 41)),
                policy: policy
            )
            .taking(.exitSurvey, outcome: .skipped(reason: "opted out"), at: at(day: 41))
            .taking(.winBack("pricing-2026"), outcome: .sent, at: at(day: 90))
            .settingOptOut(true)
        let decoded = try JSONDecoder().decode(JourneyRecord.self, from: JSONEncoder().encode(full))
        #expect(decoded == full)
    }
}
