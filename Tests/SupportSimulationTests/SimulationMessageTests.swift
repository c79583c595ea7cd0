import Foundation
import SupportEngine
import Testing

@testable import SupportSimulation

@Suite("Simulated members' texts")
struct SimulationMessageTests {
    @Test(arguments: ["en", "ru", "es"])
    func theClassifierReadsTheIntendedReason(language: String) {
        var misses: [String] = []
        for (reason, _) in MessageBook.openings {
            for pick in 0..<2 {
                let text = MessageBook.opening(ContactReason(rawValue: reason), language, pick: pick)
                let found = ReasonClassifier.builtIn.classify(subject: text.subject, body: text.body).reason
                if found.rawValue != reason { misses.append("\(reason) -> \(found): \(text.body)") }
            }
        }
        #expect(misses.isEmpty, "\(misses)")
    }
}
