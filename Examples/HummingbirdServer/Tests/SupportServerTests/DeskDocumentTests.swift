import Foundation
import SupportEngine
import SupportServer
import Testing

@Suite("The server's desk configuration document")
struct DeskDocumentTests {
    @Test("the example's desk.json is the demo club: one agent, London hours, published promises, refunds")
    func theExampleDocumentReads() throws {
        let configuration = try demoDeskConfiguration()
        #expect(configuration.agents.map(\.id) == ["olga"])
        #expect(configuration.hours?.configuration.timeZone == "Europe/London")
        #expect(configuration.boundaries?.promises[.urgent]?.firstReply == .business(3600))
        #expect(configuration.sla?.targets[.normal]?.firstReply == .business(4 * 3600))
        #expect(configuration.refunds?.plans["monthly"]?.guaranteeDays == 14)
        #expect(configuration.journey == JourneyPolicy())
        #expect(configuration.rulesLink == "https://club.example/support-rules")
    }

    @Test("DESK_CONFIG names another document; a bad one names the JSON path")
    func anotherDocumentIsRead() throws {
        let settings = try ServerSettings.fromEnvironment(["DESK_CONFIG": demoDeskConfigurationPath])
        #expect(settings.deskConfigurationPath == demoDeskConfigurationPath)
        #expect(try settings.deskConfiguration().agents.map(\.id) == ["olga"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString).json")
        try Data(#"{"delivery": {"retryDelay": 0}}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let bad = ServerSettings(deskConfigurationPath: file.path)
        #expect(
            performing: { try bad.deskConfiguration() },
            throws: { error in
                (error as? DeskConfigurationError)?.path == "delivery.retryDelay"
            }
        )
        #expect(try ServerSettings.fromEnvironment([:]).deskConfigurationPath == nil)
    }
}
