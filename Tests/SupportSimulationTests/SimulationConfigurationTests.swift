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

    @Test func theExampleClubLoadsAndRoundTrips() throws {
        let club = try ClubConfiguration.load(path: Self.example.path)
        #expect(club.name == "Morning Yoga Club")
        #expect(club.agents.map(\.id) == ["anna", "ivan"])
        #expect(club.selfService["billing"]?.first?.title(in: .ru) == "Изменить способ оплаты")
        let encoded = try JSONEncoder().encode(club)
        let again = try ClubConfiguration.decode(json: encoded)
        #expect(again.agents == club.agents)
        #expect(again.selfService == club.selfService)
        #expect(again.traffic == club.traffic)
        _ = try club.deskConfiguration()
    }

    @Test func errorsNameTheJSONPath() {
        #expect(error("{ not json")?.path == "")
        #expect(error("{}")?.path == "hours")
        #expect(error(#"{"hours": \#(Self.hours), "agents": []}"#)?.path == "agents")
        let agents = #"[{"id": "a", "displayName": "A"}, {"id": "a", "displayName": "B"}]"#
        #expect(error(#"{"hours": \#(Self.hours), "agents": \#(agents)}"#)?.path == "agents[1].id")
        let badCapacity = #"[{"id": "a", "displayName": "A", "capacity": "many"}]"#
        #expect(error(#"{"hours": \#(Self.hours), "agents": \#(badCapacity)}"#)?.path == "agents[0].capacity")
        let one = #"[{"id": "a", "displayName": "A"}]"#
        let badWindow = #"{"timeZone": "UTC", "windows": [{"days": ["monday"], "start": "25:00", "end": "18:00"}]}"#
        #expect(error(#"{"hours": \#(badWindow), "agents": \#(one)}"#)?.path.hasPrefix("hours.windows[0]") == true)
        #expect(
            error(#"{"hours": \#(Self.hours), "agents": \#(one), "traffic": {"hourWeights": [1]}}"#)?.path
                == "traffic.hourWeights"
        )
        #expect(
            error(
                #"{"hours": \#(Self.hours), "agents": \#(one), "boundaries": {"hours": \#(Self.hours), "promises": {"soon": {}}}}"#
            )?
            .path == "boundaries.promises.soon"
        )
        #expect(
            error(
                #"{"hours": \#(Self.hours), "agents": \#(one), "selfService": {"billing": [{"titles": {"??": "x"}, "url": "u"}]}}"#
            )?
            .path == "selfService.billing[0].titles.??"
        )
        #expect(throws: ClubConfigurationError.self) { try ClubConfiguration.load(path: "/nonexistent/club.json") }
    }

    @Test func aGoodClubPassesTheAudit() throws {
        let audit = ClubAudit(try ClubConfiguration.load(path: Self.example.path))
        #expect(audit.score == audit.findings.count)
        #expect(audit.findings.count >= 10)
        #expect(audit.text.contains("100/100"))
    }

    @Test func aPoorClubGetsEveryFindingWithAFix() throws {
        let slow =
            #"{"hours": \#(Self.hours), "channels": [{"kind": "email"}], "promises": {"normal": {"firstReply": {"calendar": 259200}}}}"#
        let json = #"""
            {"hours": \#(Self.hours), "agents": [{"id": "a", "displayName": "A"}], "acknowledgement": false,
             "boundaries": \#(slow), "feedback": {"askAfterSolve": false}}
            """#
        let audit = ClubAudit(try ClubConfiguration.decode(json: Data(json.utf8)))
        let failed = Set(audit.findings.filter { !$0.passed }.map(\.check))
        #expect(
            failed == [
                "channels", "published_hours", "promises", "acknowledgement", "promise_24h", "self_service_cancel",
                "self_service_payment", "absence_plan", "moderation", "refunds", "feedback",
            ]
        )
        #expect(audit.score == 0)
        #expect(audit.findings.allSatisfy { $0.passed || !$0.fix.isEmpty })
        #expect(audit.text.contains("fix: "))
    }
}
