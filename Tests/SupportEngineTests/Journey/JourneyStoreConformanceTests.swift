import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Journey store conformance")
struct JourneyStoreConformanceTests {
    @Test(arguments: MemberJourneyStoreConformance.checks)
    func inMemoryMemberJourneyStoreKeepsTheContract(_ check: MemberJourneyStoreConformance.Check) async throws {
        try await check.run(against: InMemoryMemberJourneyStore())
    }
}
