import SupportEngine
import SupportEngineTesting
import Testing

@Suite("Policy desk: ledger store conformance")
struct PolicyDeskConformanceTests {
    @Test(arguments: LedgerStoreConformance.checks)
    func inMemoryLedgerStoreKeepsTheContract(_ check: LedgerStoreConformance.Check) async throws {
        try await check.run(against: InMemoryLedgerStore())
    }

    @Test func allChecksRunTogether() async throws {
        try await LedgerStoreConformance.run { InMemoryLedgerStore() }
        #expect(LedgerStoreConformance.checks.count == 11)
        #expect(Set(LedgerStoreConformance.checks.map(\.name)).count == LedgerStoreConformance.checks.count)
    }
}
