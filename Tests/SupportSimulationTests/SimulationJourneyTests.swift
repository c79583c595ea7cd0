import Foundation
import SupportEngine
import SupportSimulation
import Testing

@Suite("Simulation: member journey")
struct SimulationJourneyTests {
    static let hours = #"{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "09:00", "end": "18:00"}]}"#
    static let agents = #"[{"id": "a", "displayName": "A"}]"#

    func club(journey: String) -> String {
        #"{"desk": {"hours": \#(Self.hours), "routing": {"agents": \#(Self.agents)}, "journey": \#(journey)}}"#
    }

    func error(_ json: String) -> ClubConfigurationError? {
        do {
            _ = try ClubConfiguration.decode(json: Data(json.utf8))
            return nil
        } catch let error as ClubConfigurationError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test(arguments: [UInt64(1), 9])
    func sameSeedSameJourney(seed: UInt64) async throws {
        let club = try ClubConfiguration.defaultClub()
        let options = SimulationOptions(days: 5, seed: seed)
        let first = try await Simulation.run(club: club, options: options)
        let second = try await Simulation.run(club: club, options: options)
        #expect(first.journey == second.journey, "seed \(seed)")
        #expect(SimulationSummary(first).journeyLines == SimulationSummary(second).journeyLines, "seed \(seed)")
        let other = try await Simulation.run(club: club, options: SimulationOptions(days: 5, seed: seed + 1))
        #expect(other.journey != first.journey, "seed \(seed) and \(seed + 1) gave the same journey")
    }

    @Test func membersJoinCancelAnswerAndAreWonBack() async throws {
        let result = try await Simulation.run(club: try .defaultClub(), options: SimulationOptions(days: 14, seed: 1))
        let journey = result.journey
        #expect(journey.membersAtStart == 1500)
        #expect(journey.newcomersAtStart > 0 && journey.quietAtStart > 0, "a spread of joins and last activity")
        #expect(journey.joins >= 14, "a few joins a day")
        #expect(journey.welcomes >= journey.joins, "every newcomer is welcomed")
        #expect(journey.cancellations > 0)
        #expect(journey.exitSurveys > 0 && journey.exitSurveys <= journey.cancellations)
        #expect(journey.surveysAnswered > 0 && journey.surveysAnswered <= journey.cancellations)
        let chosen = journey.exitReasons.values.reduce(0, +)
        #expect(chosen >= journey.surveysAnswered && chosen <= 2 * journey.surveysAnswered, "one or two reasons")
        let offered = Set(JourneyPolicy().exitReasons.map(\.rawValue))
        #expect(Set(journey.exitReasons.keys).isSubset(of: offered))
        let counts = journey.exitReasonsByCount.map(\.count)
        #expect(counts == counts.sorted(by: >), "most chosen first")
        let fixed = try #require(journey.fixedReason)
        #expect(journey.exitReasons[fixed] ?? 0 > 0)
        let announced = try #require(journey.fixAnnouncedAt)
        #expect(announced > result.period.start && announced < result.period.end)
        #expect(journey.winBacks >= 1, "the fix reaches at least one leaver who named it")
        #expect(journey.winBacks <= journey.exitReasons[fixed] ?? 0)
        #expect(journey.quietCheckIns > 0)
        #expect(journey.ratingsRequested > 0 && journey.ratingsRequested <= result.metrics.resolvedCount)
        let text = SimulationSummary(result).text
        for part in ["SLA attainment", "Member journey:", "joins", "cancellations", "win-back", "ratings"] {
            #expect(text.contains(part), "summary lacks \(part)")
        }
        #expect(text.contains("'\(fixed)' announced"))
        let html = HTMLReport(result).html
        #expect(html.contains("Member journey") && html.contains("Win-backs sent"))
        #expect(html.contains("<td>\(fixed)</td>"))
    }

    @Test func aClubsOwnExitReasonsAreTheOnesChosen() async throws {
        let json = club(journey: #"{"exitReasons": ["price", "time", "other"], "quietAfterDays": 14}"#)
        let club = try ClubConfiguration.decode(json: Data(json.utf8))
        #expect(club.desk.journey?.exitReasons.map(\.rawValue) == ["price", "time", "other"])
        #expect(club.desk.journey?.quietAfter == 14 * JourneyPolicy.day)
        #expect(club.simulatedDesk.journey == club.desk.journey)
        let again = try ClubConfiguration.decode(json: try JSONEncoder().encode(club))
        #expect(again.desk.journey == club.desk.journey)
        var big = club
        big.members = 4000
        let result = try await Simulation.run(club: big, options: SimulationOptions(days: 7, seed: 2))
        #expect(result.journey.surveysAnswered > 0)
        #expect(Set(result.journey.exitReasons.keys).isSubset(of: ["price", "time", "other"]))
    }

    @Test func noJourneySectionRunsTheDefaultPolicyAndRatingsAreAskedFor() throws {
        let club = try ClubConfiguration.decode(
            json: Data(#"{"desk": {"hours": \#(Self.hours), "routing": {"agents": \#(Self.agents)}}}"#.utf8)
        )
        #expect(club.desk.journey == nil)
        let configuration = club.simulatedDesk
        #expect(configuration.journey == JourneyPolicy())
        #expect(!configuration.requestsRatings, "the desk document asks for ratings only with ratings.askAfterSolve")
        let asking = try ClubConfiguration.decode(
            json: Data(
                #"{"desk": {"hours": \#(Self.hours), "routing": {"agents": \#(Self.agents)}, "ratings": {"askAfterSolve": true}}}"#
                    .utf8
            )
        )
        #expect(asking.simulatedDesk.requestsRatings)
        #expect(try ClubConfiguration.defaultClub().desk.requestsRatings)
    }

    @Test func aBadJourneyValueNamesItsPath() {
        #expect(error(club(journey: #"{"quietMarginDays": 30}"#))?.path == "desk.journey.quietMarginDays")
        #expect(error(club(journey: #"{"newcomerDays": -1}"#))?.path == "desk.journey.newcomerDays")
        #expect(error(club(journey: #"{"newcomerDays": "soon"}"#))?.path == "desk.journey.newcomerDays")
        #expect(error(club(journey: #"{"exitReasons": ["too expensive!"]}"#))?.path == "desk.journey.exitReasons[0]")
        #expect(error(club(journey: #"{"exitReasons": []}"#))?.path == "desk.journey.exitReasons")
        #expect(error(club(journey: #"{"onboardingCheckInDays": 45}"#))?.path == "desk.journey.onboardingCheckInDays")
        #expect(error(club(journey: "[]"))?.path == "desk.journey")
        let message = error(club(journey: #"{"quietMarginDays": 30}"#))?.message ?? ""
        #expect(message.contains("less than quietAfterDays"), "\(message)")
        #expect(error(club(journey: #"{"quietMarginDays": 30}"#))?.code == .invalidConfiguration)
    }

    @Test func aBadPolicySetInCodeIsRefusedByValidation() throws {
        var club = try ClubConfiguration.defaultClub()
        club.desk.journey = JourneyPolicy(quietAfter: 5 * JourneyPolicy.day, quietMargin: 7 * JourneyPolicy.day)
        #expect(
            throws: ClubConfigurationError(
                .invalidConfiguration,
                path: "desk.journey.quietMarginDays",
                "must be less than quietAfterDays, or nobody could ever stop being quiet"
            )
        ) {
            try club.validate()
        }
    }
}
