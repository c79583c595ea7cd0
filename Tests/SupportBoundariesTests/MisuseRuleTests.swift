import Foundation
import SupportBoundaries
import SupportCore
import Testing

@Suite("Repeated out-of-scope requests: the misuse rule")
struct MisuseRuleTests {
    private func policy(scope: String) throws -> BoundariesPolicy {
        try BoundariesPolicy.decode(
            json: Data(
                """
                {"hours": {"timeZone": "Europe/Madrid", "alwaysOpen": true}, "scope": \(scope)}
                """.utf8
            )
        )
    }

    @Test("left out it is 3 within 30 days; null turns it off; both keys may be set; it round-trips")
    func decoding() throws {
        #expect(try policy(scope: "{}").scope.misuse == MisuseRule(count: 3, withinDays: 30))
        #expect(try policy(scope: #"{"misuse": null}"#).scope.misuse == nil)
        #expect(try policy(scope: #"{"misuse": {"count": 5}}"#).scope.misuse == MisuseRule(count: 5, withinDays: 30))
        let off = try policy(scope: #"{"misuse": null}"#)
        let again = try BoundariesPolicy.decode(json: JSONEncoder().encode(off))
        #expect(again.scope.misuse == nil, "a rule turned off stays off after encoding")
    }

    @Test("a count below 1 or a window outside 1…3650 days is refused with its path")
    func validation() {
        PolicyConfigurationTests.expectError(.invalidConfiguration, "scope.misuse.count") {
            _ = try policy(scope: #"{"misuse": {"count": 0}}"#)
        }
        PolicyConfigurationTests.expectError(.invalidDuration, "scope.misuse.withinDays") {
            _ = try policy(scope: #"{"misuse": {"withinDays": 0}}"#)
        }
        PolicyConfigurationTests.expectError(.invalidDuration, "scope.misuse.withinDays") {
            _ = try BoundariesPolicy(
                hours: PolicyConfigurationTests.office,
                scope: ScopePolicy(misuse: MisuseRule(withinDays: 5000))
            )
        }
    }
}
