import Foundation
import Testing

@testable import PriorityRouting

/// A routable ticket is what the queue keeps per slot: its fields are laid out to leave no padding
/// between them, and its JSON form names the same fields as before that order.
@Suite("Routable ticket: layout and coding")
struct RoutableTicketLayoutTests {
    @Test("a routable ticket takes 96 bytes a slot, and its JSON names every field")
    func layoutAndCoding() throws {
        // 104 bytes with the priority after the id and the language before the preferred agent.
        #expect(MemoryLayout<RoutableTicket>.stride == 96)
        let ticket = RoutableTicket(
            id: "T-1",
            priority: .high,
            createdAt: Date(timeIntervalSinceReferenceDate: 800_000_000),
            slaDue: Date(timeIntervalSinceReferenceDate: 800_003_600),
            reason: .billing,
            language: LocaleTag(rawValue: "es"),
            preferredAgent: "agent-7"
        )
        let json = try JSONEncoder().encode(ticket)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["id"] as? String == "T-1")
        #expect(object["priority"] as? String == "high")
        #expect(object["createdAt"] as? Double == 800_000_000)
        #expect(object["slaDue"] as? Double == 800_003_600)
        #expect(object["reason"] as? String == "billing")
        #expect(object["language"] as? String == "es")
        #expect(object["preferredAgent"] as? String == "agent-7")
        #expect(object.count == 7)
        #expect(try JSONDecoder().decode(RoutableTicket.self, from: json) == ticket)
        var bare = ticket
        bare.slaDue = nil
        bare.language = nil
        bare.preferredAgent = nil
        #expect(try JSONDecoder().decode(RoutableTicket.self, from: JSONEncoder().encode(bare)) == bare)
    }
}
