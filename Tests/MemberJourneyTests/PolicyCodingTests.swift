import Foundation
import MemberJourney
import Testing

@Suite("Policy JSON")
struct PolicyCodingTests {
    func decode(_ json: String) throws -> JourneyPolicy {
        try JSONDecoder().decode(JourneyPolicy.self, from: Data(json.utf8))
    }

    @Test func durationsAreWrittenInDays() throws {
        let data = try JSONEncoder().encode(JourneyPolicy())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["newcomerDays"] as? Double == 30)
        #expect(object["quietAfterDays"] as? Double == 21)
        #expect(object["quietMarginDays"] as? Double == 7)
        #expect(object["welcomeDelayDays"] as? Double == 0)
        #expect(object["onboardingCheckInDays"] as? Double == 7)
        #expect(object["quietCheckInEveryDays"] as? Double == 30)
        #expect(object["exitSurveyWithinDays"] as? Double == 14)
        #expect(object["exitReasons"] as? [String] == ExitReason.builtIn.map(\.rawValue))
        #expect(object["maximumCommentLength"] as? Int == 2_000)
        #expect(object.count == 9)
    }

    @Test func anUnknownKeyIsNamed() throws {
        #expect {
            try decode(#"{"newcomerDay": 14}"#)
        } throws: { error in
            guard let error = error as? JourneyError else { return false }
            return error.code == .invalidPolicy && error.message.hasPrefix("newcomerDay:")
        }
    }

    @Test func aCustomPolicyRoundTrips() throws {
        let policy = JourneyPolicy(
            newcomerPeriod: 14 * day,
            quietAfter: 10.5 * day,
            quietMargin: 0.25 * day,
            welcomeDelay: 0.5 * day,
            onboardingCheckInDelay: 3 * day,
            quietCheckInInterval: 60 * day,
            exitReasons: [.tooExpensive, ExitReason(rawValue: "moved-abroad"), .other],
            maximumCommentLength: 500
        )
        try policy.validate()
        let decoded = try JSONDecoder().decode(JourneyPolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
    }

    @Test func randomPoliciesInWholeHoursRoundTrip() throws {
        let seed: UInt64 = 0x0D15_EA5E
        var random = SplitMix64(seed: seed)
        for run in 0..<500 {
            let hour = 3_600.0
            let newcomer = Double(random.int(2...(90 * 24))) * hour
            let quietAfter = Double(random.int(1...(90 * 24))) * hour
            let policy = JourneyPolicy(
                newcomerPeriod: newcomer,
                quietAfter: quietAfter,
                quietMargin: Double(random.int(0...(Int(quietAfter / hour) - 1))) * hour,
                welcomeDelay: Double(random.int(0...(Int(newcomer / hour) - 1))) * hour,
                onboardingCheckInDelay: Double(random.int(0...(Int(newcomer / hour) - 1))) * hour,
                quietCheckInInterval: Double(random.int(1...(365 * 24))) * hour,
                exitReasons: Array(ExitReason.builtIn.suffix(random.int(1...6))),
                maximumCommentLength: random.int(1...10_000)
            )
            let decoded = try JSONDecoder().decode(JourneyPolicy.self, from: JSONEncoder().encode(policy))
            #expect(decoded == policy, "seed 0x\(String(seed, radix: 16)), run \(run)")
        }
    }

    @Test func theDocumentedExampleDecodes() throws {
        let policy = try decode(
            """
            { "newcomerDays": 30, "quietAfterDays": 21, "quietMarginDays": 7, "welcomeDelayDays": 0,
              "onboardingCheckInDays": 7, "quietCheckInEveryDays": 30,
              "exitReasons": ["too_expensive", "not_enough_time", "other"] }
            """
        )
        var expected = JourneyPolicy()
        expected.exitReasons = [.tooExpensive, .notEnoughTime, .other]
        #expect(policy == expected)
    }

    @Test func missingFieldsTakeTheDefaults() throws {
        #expect(try decode("{}") == JourneyPolicy())
        #expect(try decode(#"{"newcomerDays": null}"#) == JourneyPolicy())

        let partial = try decode(#"{"quietAfterDays": 14, "welcomeDelayDays": 0.5}"#)
        var expected = JourneyPolicy()
        expected.quietAfter = 14 * day
        expected.welcomeDelay = 43_200
        #expect(partial == expected)
    }

    @Test(arguments: [
        #"{"quietMarginDays": 21}"#: "quietMarginDays",
        #"{"quietAfterDays": 5}"#: "quietMarginDays",
        #"{"newcomerDays": -1}"#: "newcomerDays",
        #"{"newcomerDays": 1e308}"#: "newcomerDays",
        #"{"welcomeDelayDays": 30}"#: "welcomeDelayDays",
        #"{"onboardingCheckInDays": 31}"#: "onboardingCheckInDays",
        #"{"quietCheckInEveryDays": 0}"#: "quietCheckInEveryDays",
        #"{"exitReasons": []}"#: "exitReasons",
        #"{"exitReasons": ["other", "too expensive"]}"#: "exitReasons[1]",
        #"{"exitReasons": ["other", "other"]}"#: "exitReasons[1]",
        #"{"maximumCommentLength": 0}"#: "maximumCommentLength",
    ])
    func anInvalidValueThrowsTheValidationError(json: String, path: String) {
        expectJourneyError(.invalidPolicy, path: path) { _ = try decode(json) }
    }

    @Test(arguments: [
        "not json",
        "",
        "[]",
        "null",
        #"{"newcomerDays": "thirty"}"#,
        #"{"newcomerDays": true}"#,
        #"{"exitReasons": "other"}"#,
        #"{"exitReasons": [1, 2]}"#,
        #"{"maximumCommentLength": 1.5}"#,
        #"{"maximumCommentLength": "2000"}"#,
        #"{"newcomerDays": 30"#,
    ])
    func malformedJSONThrowsADecodingError(json: String) {
        #expect(throws: DecodingError.self) { _ = try decode(json) }
    }
}
