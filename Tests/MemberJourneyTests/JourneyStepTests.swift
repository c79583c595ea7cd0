import Foundation
import MemberJourney
import Testing

@Suite("Journey steps")
struct JourneyStepTests {
    static let named: [(JourneyStep, String)] = [
        (.welcome, "welcome"),
        (.onboardingCheckIn, "onboarding_check_in"),
        (.quietCheckIn, "quiet_check_in"),
        (.exitSurvey, "exit_survey"),
        (.winBack("pricing-2026"), "win_back:pricing-2026"),
        (.winBack("a:b"), "win_back:a:b"),
        (.winBack("welcome"), "win_back:welcome"),
        (.winBack("цены"), "win_back:цены"),
    ]

    @Test(arguments: named)
    func aStepRoundTripsThroughItsName(step: JourneyStep, name: String) throws {
        #expect(step.description == name)
        #expect(JourneyStep(name: name) == step)

        let json = try JSONEncoder().encode(step)
        #expect(try JSONDecoder().decode(String.self, from: json) == name)
        #expect(try JSONDecoder().decode(JourneyStep.self, from: json) == step)
    }

    @Test(arguments: ["", "Welcome", "welcome ", "onboarding-check-in", "win_back", "win_back:", "winBack:x", "exit"])
    func anUnknownNameIsNotAStep(name: String) throws {
        #expect(JourneyStep(name: name) == nil)
        let json = try JSONEncoder().encode(name)
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(JourneyStep.self, from: json) }
    }

    @Test func aStepThatIsNotAStringFailsToDecode() {
        for json in ["5", "null", "{}", #"["welcome"]"#] {
            #expect(throws: DecodingError.self, "\(json)") {
                _ = try JSONDecoder().decode(JourneyStep.self, from: Data(json.utf8))
            }
        }
    }

    @Test(arguments: [JourneyStepRecord.Outcome.sent, .skipped(reason: "opted out"), .skipped(reason: "")])
    func aStepRecordRoundTrips(outcome: JourneyStepRecord.Outcome) throws {
        let taken = JourneyStepRecord(step: .winBack("fix-1"), membership: 2, at: at(day: 3.25), outcome: outcome)
        let decoded = try JSONDecoder().decode(JourneyStepRecord.self, from: JSONEncoder().encode(taken))
        #expect(decoded == taken)
    }
}
