import Foundation
import MemberJourney
import Testing

@Suite("Segments")
struct SegmentTests {
    let policy = JourneyPolicy()
    let joined = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
    let day = JourneyPolicy.day

    func facts(lastActivityDaysAfterJoin days: Double?) -> MemberFacts {
        MemberFacts(
            joinedAt: joined,
            lastActivityAt: days.map { joined.addingTimeInterval($0 * day) },
            subscription: .active
        )
    }

    @Test func prospectNewcomerRegularLeaving() {
        #expect(policy.segment(for: MemberFacts(), previous: nil, at: joined) == .prospect)
        #expect(policy.segment(for: facts(lastActivityDaysAfterJoin: nil), previous: nil, at: joined) == .newcomer)
        let later = joined.addingTimeInterval(40 * day)
        #expect(policy.segment(for: facts(lastActivityDaysAfterJoin: 35), previous: .newcomer, at: later) == .regular)
        var leaving = facts(lastActivityDaysAfterJoin: 35)
        leaving.cancellationRequestedAt = later
        #expect(policy.segment(for: leaving, previous: .regular, at: later) == .leaving)
    }

    @Test func quietNeedsTheFullThresholdButLeavesOnlyBelowTheMargin() {
        let activity = facts(lastActivityDaysAfterJoin: 40)
        // 20 days idle: regular stays regular; 21 days idle: quiet.
        let idle20 = joined.addingTimeInterval(60 * day)
        let idle21 = joined.addingTimeInterval(61 * day)
        #expect(policy.segment(for: activity, previous: .regular, at: idle20) == .regular)
        #expect(policy.segment(for: activity, previous: .regular, at: idle21) == .quiet)
        // A quiet member whose last activity is 15 days ago stays quiet (inside the 7-day margin) ...
        let idle15 = joined.addingTimeInterval(55 * day)
        #expect(policy.segment(for: activity, previous: .quiet, at: idle15) == .quiet)
        #expect(policy.segment(for: activity, previous: .regular, at: idle15) == .regular)
        // ... and becomes regular once it is 14 days or less.
        let idle14 = joined.addingTimeInterval(54 * day)
        #expect(policy.segment(for: activity, previous: .quiet, at: idle14) == .regular)
    }
}
