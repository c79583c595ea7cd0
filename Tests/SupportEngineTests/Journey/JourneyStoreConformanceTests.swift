import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Journey store conformance")
struct JourneyStoreConformanceTests {
    @Test(arguments: JourneyStoreConformance.checks)
    func inMemoryJourneyStoreKeepsTheContract(_ check: JourneyStoreConformance.Check) async throws {
        try await check.run(against: InMemoryJourneyStore())
    }
}
