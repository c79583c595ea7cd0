import Foundation
import MemberJourney
import Testing

@Suite("Departures that end without the member leaving")
struct DepartureWithdrawalTests {
    let policy = JourneyPolicy()

    /// A failed payment lapses the subscription, the retry succeeds (same join date), and months later
    /// the member cancels by choice. That cancellation should be asked about like any other.
    @Test func aMemberWhoseLapseWasRecoveredIsAskedWhenTheyLaterCancel() throws {
        try recoveredThenCancelled()
    }

    func recoveredThenCancelled() throws {
        let lapsed = try record(memberFacts()).updating(
            memberFacts(subscription: .lapsed),
            policy: policy,
            at: at(day: 31)
        )
        let recovered = try lapsed.updating(memberFacts(activityDay: 33), policy: policy, at: at(day: 33))
        #expect(recovered.membership == 1)
        #expect(recovered.currentDeparture == nil)

        let cancelled = try recovered.updating(
            memberFacts(activityDay: 100, cancellationDay: 120),
            policy: policy,
            at: at(day: 120)
        )
        #expect(cancelled.currentDeparture == Departure(membership: 1, at: at(day: 120), voluntary: true))
        #expect(policy.dueSteps(for: cancelled, at: at(day: 120)) == [.exitSurvey])
        let answered = try cancelled.answeringExitSurvey(
            ExitSurveyAnswer(reasons: [.notEnoughTime], at: at(day: 121)),
            policy: policy
        )
        #expect(answered.currentDeparture?.answer?.reasons == [.notEnoughTime])
    }
}
