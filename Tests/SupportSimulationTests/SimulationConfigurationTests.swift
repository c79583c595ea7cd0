import Foundation
import SupportEngine
import SupportSimulation
import Testing

@Suite("Club configuration and audit")
struct SimulationConfigurationTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/club.json")

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

    static let hours = #"{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "09:00", "end": "18:00"}]}"#

    /// A club whose desk has the hours, the agents and more desk keys, then more club keys.
    func desk(agents: String, _ more: String = "", club: String = "") -> String {
        let deskKeys = more.isEmpty ? "" : ", " + more
        let clubKeys = club.isEmpty ? "" : ", " + club
        return #"{"desk": {"hours": \#(Self.hours), "routing": {"agents": \#(agents)}\#(deskKeys)}\#(clubKeys)}"#
    }

    @Test func theExampleClubLoadsAndRoundTrips() throws {
        let club = try ClubConfiguration.load(path: Self.example.path)
        #expect(club.name == "Morning Yoga Club")
        #expect(club.desk.agents.map(\.id) == ["anna", "ivan"])
        #expect(club.desk.selfService[.billing]?.first?.title(in: .ru) == "Изменить способ оплаты")
        #expect(club.desk.requestsRatings && club.traffic.ratingShare == 0.35)
        let encoded = try JSONEncoder().encode(club)
        let again = try ClubConfiguration.decode(json: encoded)
        #expect(again.desk.agents == club.desk.agents)
        #expect(again.desk.selfService == club.desk.selfService)
        #expect(again.desk.sla == club.desk.sla && again.desk.boundaries == club.desk.boundaries)
        #expect(again.traffic == club.traffic)
        #expect(club.simulatedDesk.journey == club.desk.journey)
    }

    @Test func errorsNameTheJSONPath() {
        #expect(error("{ not json")?.path == "")
        #expect(error("{}")?.path == "desk.hours")
        #expect(error(#"{"desk": {"hours": \#(Self.hours)}}"#)?.path == "desk.routing.agents")
        #expect(
            error(#"{"desk": {"hours": \#(Self.hours), "routing": {"agents": []}}}"#)?.path == "desk.routing.agents"
        )
        let agents = #"[{"id": "a", "displayName": "A"}, {"id": "a", "displayName": "B"}]"#
        #expect(error(desk(agents: agents))?.path == "desk.routing.agents[1].id")
        let badCapacity = #"[{"id": "a", "displayName": "A", "capacity": "many"}]"#
        #expect(error(desk(agents: badCapacity))?.path == "desk.routing.agents[0].capacity")
        let one = #"[{"id": "a", "displayName": "A"}]"#
        let badWindow = #"{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "25:00", "end": "18:00"}]}"#
        #expect(
            error(#"{"desk": {"hours": \#(badWindow), "routing": {"agents": \#(one)}}}"#)?.path
                .hasPrefix("desk.hours.windows[0]") == true
        )
        #expect(error(desk(agents: one, club: #""traffic": {"hourWeights": [1]}"#))?.path == "traffic.hourWeights")
        #expect(
            error(desk(agents: one, #""boundaries": {"hours": \#(Self.hours), "promises": {"soon": {}}}"#))?.path
                == "desk.boundaries.promises.soon"
        )
        #expect(
            error(desk(agents: one, #""selfService": {"billing": [{"titles": {"??": "x"}, "url": "u"}]}"#))?.path
                == "desk.selfService.billing[0].titles.??"
        )
        #expect(error(desk(agents: one, #""delivery": {"retryDelay": 0}"#))?.path == "desk.delivery.retryDelay")
        #expect(error(desk(agents: one, #""hours2": {}"#))?.path == "desk.hours2")
        #expect(error(desk(agents: one, #""hours2": {}"#))?.description.hasPrefix("desk.hours2: unknown key") == true)
        #expect(error(#"{"hours": \#(Self.hours)}"#)?.path == "hours", "the former top-level keys are named")
        #expect(error(#"{"hours": \#(Self.hours)}"#)?.message.contains("desk") == true)
        #expect(error(#"{"members": 0, "desk": {}}"#)?.path == "members")
        #expect(throws: ClubConfigurationError.self) { try ClubConfiguration.load(path: "/nonexistent/club.json") }
    }

    @Test func aGoodClubPassesTheAudit() throws {
        let audit = ClubAudit(try ClubConfiguration.load(path: Self.example.path))
        #expect(audit.score == audit.findings.count)
        #expect(audit.findings.count >= 10)
        #expect(audit.text.contains("100/100"))
        #expect(audit.text.contains("checklist 8/8 points fully met"))
        #expect(Set(audit.findings.map(\.group)) == Set(ClubAudit.groups))
        let html = AuditReport(audit, clubName: "Example").html
        #expect(html.contains("<svg") && html.contains("8. Feedback, and telling members what changed"))
    }

    @Test func aPoorClubGetsEveryFindingWithAFix() throws {
        let slow =
            #"{"hours": \#(Self.hours), "channels": [{"kind": "email"}], "promises": {"normal": {"firstReply": {"calendar": 259200}}}}"#
        let json = #"""
            {"desk": {"hours": \#(Self.hours), "routing": {"agents": [{"id": "a", "displayName": "A"}]},
             "acknowledgement": false, "boundaries": \#(slow), "ratings": {"askAfterSolve": false}}}
            """#
        let audit = ClubAudit(try ClubConfiguration.decode(json: Data(json.utf8)))
        let failed = Set(audit.findings.filter { !$0.passed }.map(\.check))
        #expect(
            failed == [
                "channels", "published_hours", "promises", "acknowledgement", "promise_24h", "self_service_cancel",
                "self_service_payment", "absence_plan", "moderation", "refunds", "feedback", "prospect_information",
                "welcome", "onboarding", "content_findable", "you_said_we_did", "journey",
            ]
        )
        // Every point of the checklist and the journey is assessed.
        #expect(Set(audit.findings.map(\.group)) == Set(ClubAudit.groups))
        #expect(audit.score == 0)
        #expect(audit.findings.allSatisfy { $0.passed || !$0.fix.isEmpty })
        #expect(audit.text.contains("fix: "))
    }
}
