import Foundation
import ServiceLevels
import Testing

@Suite("Escalation JSON")
struct EscalationCodingTests {
    @Test func theLadderReadsAndWritesItsDocumentedForm() throws {
        let json = """
            [
              { "after": 3600,  "action": { "notify": "team-lead" } },
              { "after": 7200,  "action": { "reassign": "owner" } },
              { "after": 14400, "action": "raisePriority" }
            ]
            """
        let ladder = try JSONDecoder().decode([SLAEscalation].self, from: Data(json.utf8))
        #expect(ladder.map(\.action) == [.notify("team-lead"), .reassign("owner"), .raisePriority])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(ladder), as: UTF8.self)
        #expect(text.contains(#"{"notify":"team-lead"}"#))
        #expect(text.contains(#""action":"raisePriority""#))
        #expect(try JSONDecoder().decode([SLAEscalation].self, from: Data(text.utf8)) == ladder)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SLAEscalationAction.self, from: Data(#""lowerPriority""#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SLAEscalationAction.self, from: Data(#"{"escalate": "x"}"#.utf8))
        }
    }
}
