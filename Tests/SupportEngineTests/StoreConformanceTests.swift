import SupportEngine
import SupportEngineTesting
import Testing

@Suite("InMemoryTicketStore conformance")
struct StoreConformanceTests {
    @Test("conformance check", arguments: TicketStoreConformance.checks)
    func conformance(_ check: TicketStoreConformance.Check) async throws {
        try await check.run(against: InMemoryTicketStore())
    }

    @Test("the suite runs every check, each on a fresh store")
    func runAll() async throws {
        var made = 0
        try await TicketStoreConformance.run {
            made += 1
            return InMemoryTicketStore()
        }
        #expect(made == TicketStoreConformance.checks.count)
        #expect(TicketStoreConformance.checks.count >= 15)
    }
}
