import Foundation
import SupportBoundaries
import SupportCore
import Testing

/// Policy validation errors and the JSON configuration format.
@Suite("Boundaries policy configuration")
struct PolicyConfigurationTests {
    static let office = try! makeCalendar("Europe/Moscow", [(Weekday.workdays, "09:00", "18:00")])

    static func expectError(_ code: BoundariesError.Code, _ path: String, _ body: () throws -> Void) {
        #expect {
            try body()
        } throws: { error in
            guard let error = error as? BoundariesError else { return false }
            return error.code == code && error.path == path && !error.message.isEmpty
        }
    }

    @Test("every policy validation error names its path")
    func validation() {
        let office = Self.office
        Self.expectError(.invalidConfiguration, "channels[1].kind") {
            _ = try BoundariesPolicy(hours: office, channels: [.init(kind: .email), .init(kind: .email)])
        }
        Self.expectError(.invalidConfiguration, "channels[0].purpose.english!") {
            _ = try BoundariesPolicy(hours: office, channels: [.init(kind: .email, purpose: ["english!": "x"])])
        }
        Self.expectError(.invalidDuration, "channels[0].firstReply") {
            _ = try BoundariesPolicy(hours: office, channels: [.init(kind: .liveChat, firstReply: .business(-5))])
        }
        Self.expectError(.invalidDuration, "promises.urgent.resolution") {
            _ = try BoundariesPolicy(hours: office, promises: [.urgent: .init(resolution: .calendar(0))])
        }
        Self.expectError(.invalidDuration, "promises.low.nextReply") {
            _ = try BoundariesPolicy(hours: office, promises: [.low: .init(nextReply: .calendar(.nan))])
        }
        Self.expectError(.invalidConfiguration, "scope.outOfScope[1].reason") {
            _ = try BoundariesPolicy(
                hours: office,
                scope: .init(outOfScope: [.init(reason: .refund, redirect: "a"), .init(reason: .refund, redirect: "b")])
            )
        }
        Self.expectError(.conflictingSettings, "scope.outOfScope[0].reason") {
            _ = try BoundariesPolicy(
                hours: office,
                scope: .init(handled: [.refund], outOfScope: [.init(reason: .refund, redirect: "a")])
            )
        }
        Self.expectError(.invalidConfiguration, "scope.outOfScope[0].redirect") {
            _ = try BoundariesPolicy(hours: office, scope: .init(outOfScope: [.init(reason: .refund, redirect: "  ")]))
        }
        Self.expectError(.invalidDate, "absences[0].from") {
            _ = try BoundariesPolicy(hours: office, absences: [.init(from: "2026-13-01", through: "2026-12-31")])
        }
        Self.expectError(.invalidDate, "absences[0].through") {
            _ = try BoundariesPolicy(hours: office, absences: [.init(from: "2026-12-01", through: "soon")])
        }
        Self.expectError(.reversedRange, "absences[0].through") {
            _ = try BoundariesPolicy(hours: office, absences: [.init(from: "2026-12-10", through: "2026-12-01")])
        }
        Self.expectError(.invalidDuration, "afterHoursNoticeInterval") {
            _ = try BoundariesPolicy(hours: office, afterHoursNoticeInterval: -1)
        }
    }

    static let example = #"""
        {
          "hours": {
            "timeZone": "Europe/Moscow",
            "windows": [{"days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "09:00", "end": "18:00"}],
            "holidays": [{"date": "2026-01-01", "through": "2026-01-08", "name": "New Year"}]
          },
          "channels": [
            {"kind": "email", "reasons": ["access", "billing"], "purpose": {"en": "Anything about your account."}},
            {
              "kind": "live_chat",
              "hours": {"timeZone": "Europe/Moscow", "windows": [{"days": ["monday"], "start": "10:00", "end": "16:00"}]},
              "firstReply": {"business": 1200}
            }
          ],
          "promises": {"normal": {"firstReply": {"calendar": 86400}, "resolution": {"business": 108000}}},
          "scope": {"outOfScope": [{"reason": "personal_consultation", "redirect": "https://example.org/consult"}]},
          "absences": [{"from": "2026-07-01", "through": "2026-07-14", "substitute": "agent-7"}]
        }
        """#

    @Test("a policy decodes from JSON and round-trips")
    func json() throws {
        let policy = try BoundariesPolicy.decode(json: Data(Self.example.utf8))
        #expect(policy.channels.count == 2)
        #expect(policy.channels[1].hours?.configuration.windows.count == 1)
        #expect(policy.targets(for: .normal).resolution == .business(108_000))
        #expect(policy.afterHoursNoticeInterval == 86_400)
        #expect(policy.absences[0].substitute == "agent-7")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try encoder.encode(policy)
        #expect(try BoundariesPolicy.decode(json: encoded) == policy)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""firstReply":{"business":1200}"#))
    }

    @Test(
        "JSON errors name the path",
        arguments: [
            (#""end": "18:00"}]"#, #""end": "18:70"}]"#, "hours.windows[0].end"),
            (#""10:00", "end": "16:00""#, #""10:00", "end": "10:00""#, "channels[1].hours.windows[0].end"),
            (#""kind": "email""#, #""kind": 5"#, "channels[0].kind"),
            (#""promises": {"normal""#, #""promises": {"critical""#, "promises.critical"),
            (#"{"business": 1200}"#, #"{"business": 1200, "calendar": 5}"#, "channels[1].firstReply"),
            (#""redirect": "https"#, #""redirection": "https"#, "scope.outOfScope[0].redirect"),
            (#""from": "2026-07-01""#, #""from": "2026-07-32""#, "absences[0].from"),
            ("\"timeZone\": \"Europe/Moscow\",\n", "\"timeZone\": \"Moscow\",\n", "hours.timeZone"),
            (#""monday", "tuesday""#, #""monday", "mardi""#, "hours.windows[0].days[1]"),
        ]
    )
    func jsonErrors(original: String, replacement: String, path: String) throws {
        let json = Self.example.replacingOccurrences(of: original, with: replacement)
        #expect(json != Self.example)
        #expect {
            try BoundariesPolicy.decode(json: Data(json.utf8))
        } throws: { error in
            (error as? BoundariesError)?.path == path
        }
    }

    @Test("malformed JSON is a configuration error")
    func malformed() {
        #expect {
            try BoundariesPolicy.decode(json: Data("{".utf8))
        } throws: { error in
            (error as? BoundariesError)?.code == .invalidConfiguration
        }
        #expect {
            try BoundariesPolicy.decode(json: Data("{}".utf8))
        } throws: { error in
            (error as? BoundariesError)?.path == "hours"
        }
    }
}
