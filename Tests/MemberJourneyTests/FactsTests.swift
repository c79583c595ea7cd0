import Foundation
import MemberJourney
import Testing

@Suite("Member facts")
struct FactsTests {
    @Test(arguments: [SubscriptionState.trial, .active, .cancelled, .lapsed])
    func aSubscriptionNeedsAJoinDate(_ subscription: SubscriptionState) {
        let facts = MemberFacts(subscription: subscription)
        let error = expectJourneyError(.invalidFacts, path: "joinedAt") { try facts.validate() }
        #expect(error?.message.contains(subscription.rawValue) == true)
    }

    @Test func aProspectNeedsNoJoinDate() throws {
        try MemberFacts().validate()
        try MemberFacts(lastActivityAt: t0).validate()
    }

    @Test func activityBeforeJoiningIsRejected() {
        let facts = memberFacts(joinedDay: 10, activityDay: 9.5)
        expectJourneyError(.invalidFacts, path: "lastActivityAt") { try facts.validate() }
    }

    @Test func aCancellationBeforeJoiningIsRejected() {
        let facts = memberFacts(joinedDay: 10, cancellationDay: 9)
        expectJourneyError(.invalidFacts, path: "cancellationRequestedAt") { try facts.validate() }
    }

    @Test func activityAndCancellationAtTheJoiningInstantAreFine() throws {
        try memberFacts(joinedDay: 10, activityDay: 10, cancellationDay: 10).validate()
    }

    @Test func updatingARecordWithContradictoryFactsThrows() throws {
        let start = try record(memberFacts())
        expectJourneyError(.invalidFacts, path: "lastActivityAt") {
            _ = try start.updating(memberFacts(joinedDay: 5, activityDay: 1), policy: JourneyPolicy(), at: at(day: 6))
        }
        expectJourneyError(.invalidFacts, path: "joinedAt") {
            _ = try start.updating(MemberFacts(subscription: .lapsed), policy: JourneyPolicy(), at: at(day: 6))
        }
    }

    /// (subscription, asked to cancel, leaving, voluntary)
    static let leavingTable: [(SubscriptionState, Bool, Bool, Bool)] = [
        (.none, false, false, false),
        (.trial, false, false, false),
        (.active, false, false, false),
        (.trial, true, true, true),
        (.active, true, true, true),
        (.cancelled, false, true, true),
        (.cancelled, true, true, true),
        (.lapsed, false, true, false),
        (.lapsed, true, true, false),
    ]

    @Test(arguments: leavingTable)
    func leavingAndVoluntary(subscription: SubscriptionState, asked: Bool, leaving: Bool, voluntary: Bool) {
        let facts = memberFacts(subscription: subscription, cancellationDay: asked ? 20 : nil)
        #expect(facts.isLeaving == leaving)
        #expect(facts.leftVoluntarily == voluntary)
    }

    @Test func factsRoundTripThroughJSON() throws {
        let facts = memberFacts(joinedDay: 1, activityDay: 3, subscription: .cancelled, cancellationDay: 4)
        let decoded = try JSONDecoder().decode(MemberFacts.self, from: JSONEncoder().encode(facts))
        #expect(decoded == facts)
    }
}
