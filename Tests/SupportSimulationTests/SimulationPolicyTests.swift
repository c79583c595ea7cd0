import Foundation
import SupportEngine
import SupportSimulation
import Testing

@Suite("Simulation: refunds and moderation through the desk")
struct SimulationPolicyTests {
    @Test("refund requests and rude messages go through the desk, and the members get its messages")
    func refundsAndModerationReachMembers() async throws {
        let seed: UInt64 = 1
        let result = try await Simulation.run(
            club: try .defaultClub(),
            options: SimulationOptions(days: 14, seed: seed)
        )
        #expect(result.refundsDecided > 0, "seed \(seed)")
        #expect(result.moderationActions > 0, "seed \(seed)")
        // Every refund decided by the rules tells the member; a moderation step tells them unless it
        // waits for the owner (a paying member's removal).
        let told = result.moderationSteps.filter { $0.key != "pendingRemoval" }.values.reduce(0, +)
        #expect(result.policyMessages == result.refundsDecided + told, "seed \(seed)")
        #expect(SimulationSummary(result).text.contains("policy posts   \(result.policyMessages) message(s)"))
    }
}

@Suite("Simulation: membership rates from the club document")
struct MembershipRatesTests {
    @Test("joins and cancellations follow traffic.membership")
    func ratesDriveTheJourney() async throws {
        var club = try ClubConfiguration.defaultClub(members: 400)
        let options = SimulationOptions(days: 7, seed: 2)
        let usual = try await Simulation.run(club: club, options: options)
        #expect(usual.journey.joins > 0, "seed 2")
        club.traffic.membership = MembershipRates(
            joinsPerMemberPerDay: 0,
            cancelChancePerDay: 0,
            quietCancelChancePerDay: 0
        )
        let still = try await Simulation.run(club: club, options: options)
        #expect(still.journey.joins == 0 && still.journey.cancellations == 0, "seed 2")
        #expect(SimulationSummary(still).text.contains("joins 0.0000 a member a day"))
    }

    @Test("the rates are read from the JSON with defaults, and a bad one is named by its path")
    func ratesAreReadAndChecked() throws {
        let club = try ClubConfiguration.defaultClub()
        var document = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(club)) as? [String: Any]
        )
        var traffic = try #require(document["traffic"] as? [String: Any])
        traffic["membership"] = ["cancelChancePerDay": 0.01]
        document["traffic"] = traffic
        let read = try ClubConfiguration.decode(json: JSONSerialization.data(withJSONObject: document))
        #expect(read.traffic.membership.cancelChancePerDay == 0.01)
        #expect(read.traffic.membership.joinsPerMemberPerDay == MembershipRates().joinsPerMemberPerDay)
        traffic["membership"] = ["surveyAnswerShare": 1.5]
        document["traffic"] = traffic
        do {
            _ = try ClubConfiguration.decode(json: JSONSerialization.data(withJSONObject: document))
            Issue.record("a survey share of 1.5 was accepted")
        } catch let error as ClubConfigurationError {
            #expect(error.path == "traffic.membership.surveyAnswerShare")
        }
    }
}
