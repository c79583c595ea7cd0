import Foundation
import SupportEngine
import SupportSimulation
import Testing

@Suite("Audit: the eight points and the journey")
struct AuditChecklistTests {
    @Test("journey settings are read: a late welcome, rare check-ins and a survey without 'other' fail")
    func journeySettingsAreScored() throws {
        var club = try ClubConfiguration.load(
            path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Examples/club.json").path
        )
        #expect(ClubAudit(club).score == ClubAudit(club).findings.count)
        var journey = try #require(club.desk.journey)
        journey.welcomeDelay = 10 * 86_400
        journey.quietCheckInInterval = 120 * 86_400
        journey.exitReasons = [.tooExpensive]
        club.desk.journey = journey
        let audit = ClubAudit(club)
        let failed = Dictionary(uniqueKeysWithValues: audit.findings.filter { !$0.passed }.map { ($0.check, $0) })
        #expect(Set(failed.keys) == ["welcome", "quiet_check_ins", "exit_survey"])
        #expect(failed["welcome"]?.fix.contains("desk.journey.welcomeDelayDays") == true)
        #expect(failed["quiet_check_ins"]?.fix.contains("quietCheckInEveryDays") == true)
        #expect(failed["welcome"]?.group == "3. Welcome after joining")
    }

    @Test("'you said, we did' needs the announcement in every language the agents speak")
    func announcementLanguages() throws {
        var club = try ClubConfiguration.defaultClub()
        club.desk.journey = JourneyPolicy()
        club.desk.agents[0].languages.append(LocaleTag(rawValue: "fr")!)
        let finding = try #require(ClubAudit(club).findings.first { $0.check == "you_said_we_did" })
        #expect(!finding.passed)
        #expect(finding.detail.contains("fr"))
    }
}
