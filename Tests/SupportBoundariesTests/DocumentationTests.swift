import Foundation
import SupportBoundaries
import Testing

/// The examples in the SupportBoundaries DocC catalog decode and mean what the text says.
@Suite("Documentation examples")
struct DocumentationTests {
    static func jsonBlocks(in file: String) throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let catalog = root.appendingPathComponent("Sources/SupportBoundaries/Docs.docc")
        let text = try String(contentsOf: catalog.appendingPathComponent(file), encoding: .utf8)
        return text.components(separatedBy: "```json\n").dropFirst().compactMap {
            $0.components(separatedBy: "```").first
        }
    }

    @Test("the complete example in BoundariesConfiguration.md is a valid policy")
    func configurationExample() throws {
        let blocks = try Self.jsonBlocks(in: "BoundariesConfiguration.md")
        let json = try #require(blocks.first)
        let policy = try BoundariesPolicy.decode(json: Data(json.utf8))
        #expect(policy.channels.map(\.kind) == [.email, .liveChat])
        #expect(policy.hours.configuration.holidays.count == 2)
        let decision = policy.decide(.init(channel: .liveChat, priority: .urgent), at: at("2026-03-03T11:00:00+03:00"))
        #expect(decision.expectedReply == at("2026-03-03T11:20:00+03:00"))
        let closure = policy.hours.businessTime(from: at("2026-03-02T00:00:00Z"), to: at("2026-03-03T00:00:00Z"))
        #expect(closure == 6 * hour)
        let rules = policy.publishedRules(in: .es)
        #expect(rules.text.contains("Todo sobre su cuenta."))
    }
}
