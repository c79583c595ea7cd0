import Foundation
import MemberJourney
import Testing

@Suite("Segment boundaries and hysteresis")
struct SegmentBoundaryTests {
    let policy = JourneyPolicy()

    func segment(_ facts: MemberFacts, previous: MemberSegment? = nil, at instant: Date) -> MemberSegment {
        policy.segment(for: facts, previous: previous, at: instant)
    }

    @Test func aJoinDateWithoutASubscriptionIsStillAProspect() {
        let facts = memberFacts(subscription: .none)
        #expect(segment(facts, at: at(day: 3)) == .prospect)
        #expect(segment(MemberFacts(), previous: .regular, at: at(day: 3)) == .prospect)
    }

    @Test func aTrialMemberIsANewcomer() {
        #expect(segment(memberFacts(subscription: .trial), at: at(day: 1)) == .newcomer)
    }

    @Test func theNewcomerPeriodEndsExactlyAtItsLength() {
        let facts = memberFacts(activityDay: 29)
        let end = at(day: 30)
        #expect(segment(facts, previous: .newcomer, at: end.addingTimeInterval(-1)) == .newcomer)
        #expect(segment(facts, previous: .newcomer, at: end) == .regular)
    }

    @Test func joiningIsTheNewcomerInstantItself() {
        #expect(segment(memberFacts(joinedDay: 5), at: at(day: 5)) == .newcomer)
    }

    @Test func withoutActivityTheJoinDateCountsAsTheLastActivity() {
        // Idle since joining 30 days ago: past the 21-day threshold the moment the newcomer period ends.
        #expect(segment(memberFacts(), previous: .newcomer, at: at(day: 30)) == .quiet)
        // With a longer threshold the member is regular first, quiet exactly at joined + quietAfter.
        let patient = JourneyPolicy(quietAfter: 40 * day)
        let facts = memberFacts()
        #expect(patient.segment(for: facts, previous: .newcomer, at: at(day: 30)) == .regular)
        #expect(patient.segment(for: facts, previous: .regular, at: at(day: 40).addingTimeInterval(-1)) == .regular)
        #expect(patient.segment(for: facts, previous: .regular, at: at(day: 40)) == .quiet)
    }

    @Test(arguments: [nil, MemberSegment.newcomer, .regular, .prospect])
    func quietStartsExactlyAtTheThreshold(previous: MemberSegment?) {
        let facts = memberFacts(activityDay: 40)
        let threshold = at(day: 61)  // 21 days idle
        #expect(segment(facts, previous: previous, at: threshold.addingTimeInterval(-1)) == .regular)
        #expect(segment(facts, previous: previous, at: threshold) == .quiet)
    }

    @Test func quietEndsOnlyAtTheThresholdMinusTheMargin() {
        let facts = memberFacts(activityDay: 40)
        let edge = at(day: 54)  // 14 days idle: 21 - 7
        #expect(segment(facts, previous: .quiet, at: edge.addingTimeInterval(1)) == .quiet)
        #expect(segment(facts, previous: .quiet, at: edge) == .regular)
    }

    @Test(arguments: [14.5, 15, 17.5, 20, 20.99])
    func insideTheBandTheSegmentKeepsItsPreviousValue(idleDays: Double) {
        let facts = memberFacts(activityDay: 40)
        let instant = at(day: 40 + idleDays)
        #expect(segment(facts, previous: .quiet, at: instant) == .quiet)
        #expect(segment(facts, previous: .regular, at: instant) == .regular)
    }

    @Test func aQuietMemberWhoIsActiveAgainIsRegular() {
        let facts = memberFacts(activityDay: 80)
        #expect(segment(facts, previous: .quiet, at: at(day: 80)) == .regular)
    }

    @Test func withoutAMarginTheSegmentsMeetAtOneThreshold() {
        let sharp = JourneyPolicy(quietMargin: 0)
        let facts = memberFacts(activityDay: 40)
        let justUnder = at(day: 61).addingTimeInterval(-1)
        #expect(sharp.segment(for: facts, previous: .quiet, at: justUnder) == .regular)
        #expect(sharp.segment(for: facts, previous: .regular, at: at(day: 61)) == .quiet)
    }

    @Test(arguments: [
        memberFacts(activityDay: 3, cancellationDay: 5),
        memberFacts(subscription: .cancelled),
        memberFacts(subscription: .lapsed),
        memberFacts(activityDay: 70, subscription: .lapsed),
    ])
    func leavingWinsOverEveryOtherSegment(_ facts: MemberFacts) {
        let previousSegments: [MemberSegment?] = [nil] + MemberSegment.allCases.map { $0 }
        for instant in [at(day: 5), at(day: 40), at(day: 100)] {
            for previous in previousSegments {
                #expect(segment(facts, previous: previous, at: instant) == .leaving)
            }
        }
    }

    @Test func aMemberWhoRejoinedIsANewcomerWhateverTheyWereBefore() {
        let rejoined = memberFacts(joinedDay: 90)
        #expect(segment(rejoined, previous: .leaving, at: at(day: 91)) == .newcomer)
        #expect(segment(rejoined, previous: .quiet, at: at(day: 91)) == .newcomer)
    }
}
