import Foundation
import ServiceLevels
import Testing

private func decode(_ json: String) throws -> SLAPolicy {
    try SLAPolicy.decode(json: Data(json.utf8))
}

/// The error a JSON document gives, or `nil` when it decodes.
private func problem(_ json: String) -> ServiceLevelError? {
    do {
        _ = try decode(json)
        return nil
    } catch let error as ServiceLevelError {
        return error
    } catch {
        Issue.record("expected a ServiceLevelError, got \(error)")
        return nil
    }
}

@Suite("SLA policy JSON")
struct PolicyCodingTests {
    @Test("the club file's sla section reads as a policy: warning, ladder, no calendar or targets")
    func clubSection() throws {
        let policy = try decode(
            #"{ "warningFraction": 0.75, "escalations": [{ "after": 7200, "action": "raisePriority" }] }"#
        )
        #expect(policy.warningFraction == 0.75)
        #expect(policy.escalations == [SLAEscalation(after: 7200, action: .raisePriority)])
        #expect(policy.targets.isEmpty)
        #expect(policy.calendar == (try BusinessCalendar.alwaysOpen(timeZone: "UTC")))
    }

    @Test("every key is optional; a missing warning is 0.75 and null turns it off")
    func defaults() throws {
        #expect(try decode("{}").warningFraction == 0.75)
        #expect(try decode(#"{ "warningFraction": null }"#).warningFraction == nil)
        #expect(try decode("{}").escalations.isEmpty)
    }

    @Test("a full policy round-trips through its JSON form")
    func roundTrip() throws {
        let calendar = try BusinessCalendar(
            .init(
                timeZone: "Europe/Moscow",
                windows: [.init(days: BusinessCalendar.Weekday.workdays, start: "09:00", end: "18:00")]
            )
        )
        for warning in [0.5, nil] as [Double?] {
            var policy = SLAPolicy.seedDefaults(calendar: calendar)
            policy.warningFraction = warning
            policy.escalations = [
                SLAEscalation(after: 3600, action: .notify("lead")),
                SLAEscalation(after: 7200, action: .reassign("owner")),
            ]
            let data = try JSONEncoder().encode(policy)
            #expect(try decode(String(decoding: data, as: UTF8.self)) == policy)
        }
    }

    @Test("targets are keyed by priority name")
    func targets() throws {
        let policy = try decode(
            #"{ "targets": { "urgent": { "firstReply": { "business": 3600 }, "resolution": { "calendar": 86400 } } } }"#
        )
        #expect(
            policy.targets == [.urgent: ResponseTargets(firstReply: .business(3600), resolution: .calendar(86_400))]
        )
    }

    @Test(
        "each problem names its JSON path",
        arguments: [
            (#"{ "targets": { "urgent": { "firstReply": { "business": 0 } } } }"#, "targets.urgent.firstReply"),
            (#"{ "targets": { "low": { "resolution": { "calendar": -5 } } } }"#, "targets.low.resolution"),
            (#"{ "targets": { "burning": {} } }"#, "targets.burning"),
            (#"{ "warningFraction": 1.5 }"#, "warningFraction"),
            (#"{ "warningFraction": 0 }"#, "warningFraction"),
            (
                #"{ "escalations": [{ "after": 7200, "action": "raisePriority" }, { "after": 3600, "action": "raisePriority" }] }"#,
                "escalations[1].after"
            ),
            (#"{ "escalations": [{ "after": -1, "action": "raisePriority" }] }"#, "escalations[0].after"),
            (#"{ "escalations": [{ "after": 60, "action": "lowerPriority" }] }"#, "escalations[0].action"),
            (#"{ "escalations": [{ "action": "raisePriority" }] }"#, "escalations[0].after"),
            (#"{ "warningFraction": "soon" }"#, "warningFraction"),
            (#"{ "warning": 0.5 }"#, "warning"),
        ]
    )
    func paths(json: String, path: String) throws {
        let error = try #require(problem(json))
        #expect(error.code == .invalidPolicy)
        #expect(error.path == path)
        #expect(error.description.hasPrefix("\(path): "))
    }

    @Test("a target that is not above zero says so")
    func message() throws {
        let error = try #require(problem(#"{ "targets": { "urgent": { "firstReply": { "business": 0 } } } }"#))
        #expect(error.description.hasPrefix("targets.urgent.firstReply: must be above zero"))
    }

    @Test("nested in a larger document, paths start at the policy's key")
    func nested() throws {
        struct Club: Decodable { var sla: SLAPolicy }
        let json = #"{ "sla": { "warningFraction": 2 } }"#
        let error = #expect(throws: ServiceLevelError.self) {
            try JSONDecoder().decode(Club.self, from: Data(json.utf8))
        }
        #expect(error?.path == "sla.warningFraction")
    }

    @Test("layered over published rules: their hours, their promises unless the policy sets a target")
    func layered() throws {
        let hours = try BusinessCalendar.alwaysOpen(timeZone: "Europe/Madrid")
        let boundaries = try BoundariesPolicy(
            hours: hours,
            promises: [
                .normal: ResponseTargets(firstReply: .calendar(86_400)),
                .urgent: ResponseTargets(firstReply: .calendar(3600)),
            ]
        )
        let section = try decode(
            #"{ "targets": { "urgent": { "firstReply": { "business": 1800 } } }, "warningFraction": null }"#
        )
        let policy = section.layered(over: boundaries)
        #expect(policy.calendar == hours)
        #expect(policy.targets[.normal] == ResponseTargets(firstReply: .calendar(86_400)))
        #expect(policy.targets[.urgent] == ResponseTargets(firstReply: .business(1800)))
        #expect(policy.warningFraction == nil)
    }

    @Test("validate() accepts the seeds' defaults and refuses a bad warning")
    func validate() throws {
        var policy = SLAPolicy.seedDefaults(calendar: try .alwaysOpen(timeZone: "UTC"))
        try policy.validate()
        policy.warningFraction = 1
        #expect(throws: ServiceLevelError.self) { try policy.validate() }
    }
}

@Suite("SLA policy JSON with a calendar")
struct PolicyCalendarCodingTests {
    @Test("the documented example reads, with its own calendar")
    func documented() throws {
        let policy = try SLAPolicy.decode(
            json: Data(
                #"""
                {
                  "calendar": { "timeZone": "Europe/Moscow",
                                "windows": [{ "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "09:00", "end": "18:00" }] },
                  "targets": { "urgent": { "firstReply": { "business": 3600 }, "resolution": { "business": 28800 } } },
                  "warningFraction": 0.75,
                  "escalations": [
                    { "after": 3600,  "action": { "notify": "team-lead" } },
                    { "after": 7200,  "action": { "reassign": "owner" } },
                    { "after": 14400, "action": "raisePriority" }
                  ]
                }
                """#.utf8
            )
        )
        #expect(policy.calendar.timeZone.identifier == "Europe/Moscow")
        #expect(policy.targets[.urgent]?.firstReply == .business(3600))
        #expect(policy.escalations.map(\.action) == [.notify("team-lead"), .reassign("owner"), .raisePriority])
    }
}
